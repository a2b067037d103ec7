import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { isIntent, isType } from './predicates';

type Handle = (input: HandlerInput) => Response | Promise<Response>;

/**
 * A request handler that says which intents and request types it answers, so the interaction model and the
 * handlers can be checked against each other (test and `npm run validate`).
 */
export interface SkillRequestHandler extends RequestHandler {
  readonly intents: readonly string[];
  readonly requestTypes: readonly string[];
}

/** Handles the named intents. */
export function onIntent(intents: string[], handle: Handle): SkillRequestHandler {
  return { intents, requestTypes: [], canHandle: (input) => isIntent(input, ...intents), handle };
}

/** Handles the named request types (LaunchRequest, SessionEndedRequest, AlexaSkillEvent.*). */
export function onRequest(requestTypes: string[], handle: Handle): SkillRequestHandler {
  return { intents: [], requestTypes, canHandle: (input) => isType(input, ...requestTypes), handle };
}
