import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { requestedScreen, showScreen } from '../screens/request';
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

/**
 * Wraps `handle` (or a resume) so that its answer asks for `screen` when it asked for none itself (a "which one?"
 * question shows its candidates instead).
 */
function showing<A extends unknown[], R>(
  screen: 'nowPlaying',
  run: (input: HandlerInput, ...rest: A) => R | Promise<R>,
): (input: HandlerInput, ...rest: A) => Promise<R> {
  return async (input, ...rest) => {
    const result = await run(input, ...rest);
    if (result && !requestedScreen(input)) showScreen(input, { kind: screen });
    return result;
  };
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

/**
 * The same handlers, each showing `screen` after it answered (so a word or a touch refreshes what plays now): a family file marks
 * all its commands at once, e.g. `PLAYBACK_HANDLERS = showingScreen('nowPlaying', [...])`.
 */
export function showingScreen(
  screen: 'nowPlaying',
  handlers: readonly SkillRequestHandler[],
): SkillRequestHandler[] {
  return handlers.map((h) => ({
    ...h,
    resume: h.resume && showing(screen, h.resume),
    handle: showing(screen, h.handle.bind(h)),
  }));
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
