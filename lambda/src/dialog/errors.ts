import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { SpotifyError } from '../spotify/errors';
import type { StringKey } from '../speech/strings';
import type { SkillRequestHandler } from './define';
import { linkAccountResponse } from './guard';
import { intentName } from './predicates';

/** Player `reason`s that deserve their own sentence (https://developer.spotify.com/documentation/web-api/concepts/api-calls). */
const SPEECH_FOR_REASON: Record<string, StringKey> = {
  NO_NEXT_TRACK: 'errorNothingNext',
  NO_PREV_TRACK: 'errorNothingPrevious',
  ALREADY_PAUSED: 'errorAlreadyPaused',
  ALREADY_PLAYING: 'errorAlreadyPlaying',
  VOLUME_CONTROL_DISALLOW: 'errorNoVolume',
  DEVICE_NOT_CONTROLLABLE: 'errorDeviceNotControllable',
  REMOTE_CONTROL_DISALLOW: 'errorDeviceNotControllable',
};

const SPEECH_FOR_CODE: Record<string, StringKey> = {
  PREMIUM_REQUIRED: 'errorPremiumRequired',
  NO_ACTIVE_DEVICE: 'errorNoActiveDevice',
  DEVICE_NOT_FOUND: 'errorDeviceNotFound',
  RESTRICTED: 'errorRestricted',
  NOT_ALLOWLISTED: 'errorNotAllowlisted',
  RATE_LIMITED: 'errorRateLimited',
  UNAVAILABLE: 'errorUnavailable',
  TIMEOUT: 'errorTimeout',
  BAD_RESPONSE: 'errorBadResponse',
  NOT_FOUND: 'errorNotFound',
};

/**
 * The one mapping from a failure to words a person understands. `restricted` is what 403 reason UNKNOWN
 * ("Restriction violated") means for the command that failed (its handler's `restricted` flag): it is how
 * Spotify answers a pause while paused, a resume while playing, next at the end and previous at the start.
 */
export function errorSpeechKey(error: unknown, restricted?: StringKey): StringKey {
  if (!(error instanceof SpotifyError)) return 'errorGeneric';
  // Own keys only: a reason from Spotify's body such as "constructor" is no entry.
  if (error.reason && Object.hasOwn(SPEECH_FOR_REASON, error.reason)) return SPEECH_FOR_REASON[error.reason];
  if (error.code === 'RESTRICTED' && error.reason === 'UNKNOWN' && restricted) return restricted;
  return SPEECH_FOR_CODE[error.code] ?? 'errorGeneric';
}

/** The `restricted` flags of the handlers, by intent. */
function restrictionsOf(
  handlers: readonly SkillRequestHandler[],
): (intent: string | undefined) => StringKey | undefined {
  const byIntent = new Map(
    handlers.flatMap((h) => (h.restricted ? h.intents.map((i) => [i, h.restricted!] as const) : [])),
  );
  return (intent) => (intent === undefined ? undefined : byIntent.get(intent));
}

function errorResponse(input: HandlerInput, error: unknown, restricted?: StringKey): Response {
  if (error instanceof SpotifyError && error.code === 'TOKEN_INVALID') {
    // Re-linking may bring another Spotify account under the same Alexa user: forget this one's caches.
    ctx(input).cache().clear();
    return linkAccountResponse(input);
  }
  const { speech } = ctx(input);
  return input.responseBuilder
    .speak(speech.say(errorSpeechKey(error, restricted)))
    .withShouldEndSession(true)
    .getResponse();
}

/** Catches everything a handler throws; the user always hears a sentence, never Alexa's generic error. */
export function skillErrorHandler(handlers: readonly SkillRequestHandler[]): ErrorHandler {
  const restrictionOf = restrictionsOf(handlers);
  return {
    canHandle: () => true,
    handle(input, error) {
      let log;
      try {
        log = ctx(input).log;
      } catch {
        // The context interceptor itself failed: still answer.
      }
      if (error instanceof SpotifyError) {
        log?.warn('spotify.error', { code: error.code, status: error.status, reason: error.reason });
      } else {
        log?.error('handler.error', { error });
      }
      return errorResponse(input, error, restrictionOf(intentName(input)));
    },
  };
}
