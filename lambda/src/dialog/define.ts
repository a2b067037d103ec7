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
  /**
   * Whether answering touches Spotify, so the account-linking guard answers first when there is no token
   * (guard.ts reads this flag; there is no separate list to keep in step).
   */
  readonly needsSpotify: boolean;
}

export interface HandlerOptions {
  /** Default: true for intents (a new intent is guarded unless it says otherwise), false for request types. */
  readonly needsSpotify?: boolean;
}

/** Handles the named intents. */
export function onIntent(
  intents: string[],
  handle: Handle,
  options: HandlerOptions = {},
): SkillRequestHandler {
  return {
    intents,
    requestTypes: [],
    needsSpotify: options.needsSpotify ?? true,
    canHandle: (input) => isIntent(input, ...intents),
    handle,
  };
}

/** Handles the named request types (LaunchRequest, SessionEndedRequest, AlexaSkillEvent.*). */
export function onRequest(
  requestTypes: string[],
  handle: Handle,
  options: HandlerOptions = {},
): SkillRequestHandler {
  return {
    intents: [],
    requestTypes,
    needsSpotify: options.needsSpotify ?? false,
    canHandle: (input) => isType(input, ...requestTypes),
    handle,
  };
}
