import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { StringKey } from '../speech/strings';
import { isIntent, isType } from './predicates';
import type { Option } from './question';

type Handle = (input: HandlerInput) => Response | Promise<Response>;

/**
 * Continues a "which one?" question the handler asked (dialog/question.ts), once the user has picked `choice`;
 * `carried` is what the handler kept with the question, read back from the session: check its shape before
 * use. Undefined means the question cannot be continued (what it carried is unusable): the answer is then
 * treated as a new request.
 */
export type Resume = (
  input: HandlerInput,
  choice: Option,
  carried: unknown,
) => Response | undefined | Promise<Response | undefined>;

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
  /** How to go on after a question this handler asked; the one answer handler (answer.ts) calls it. */
  readonly resume?: Resume;
  /**
   * What Spotify's 403 "Restriction violated" (reason UNKNOWN) means for this command, e.g. a pause while
   * paused (errors.ts reads this flag).
   */
  readonly restricted?: StringKey;
}

export interface HandlerOptions {
  /** Default: true for intents (a new intent is guarded unless it says otherwise), false for request types. */
  readonly needsSpotify?: boolean;
  readonly resume?: Resume;
  readonly restricted?: StringKey;
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
    resume: options.resume,
    restricted: options.restricted,
    canHandle: (input) => isIntent(input, ...intents),
    handle,
  };
}

/** Handles the named request types (LaunchRequest, SessionEndedRequest, AlexaSkillEvent.*). */
export function onRequest(
  requestTypes: string[],
  handle: Handle,
  options: Pick<HandlerOptions, 'needsSpotify'> = {},
): SkillRequestHandler {
  return {
    intents: [],
    requestTypes,
    needsSpotify: options.needsSpotify ?? false,
    canHandle: (input) => isType(input, ...requestTypes),
    handle,
  };
}
