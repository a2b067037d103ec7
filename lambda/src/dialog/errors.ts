import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { SpotifyError } from '../spotify/errors';
import type { StringKey } from '../speech/strings';
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
 * What Spotify's 403 reason UNKNOWN ("Restriction violated") means for a player command, by intent: it is how
 * Spotify answers a pause while paused, a resume while playing, next at the end and previous at the start.
 */
const SPEECH_FOR_RESTRICTION: Record<string, StringKey> = {
  'AMAZON.PauseIntent': 'errorAlreadyPaused',
  'AMAZON.ResumeIntent': 'errorAlreadyPlaying',
  'AMAZON.NextIntent': 'errorNothingNext',
  'AMAZON.PreviousIntent': 'errorNothingPrevious',
};

/** The one mapping from a failure to words a person understands; the intent disambiguates 403 UNKNOWN. */
export function errorSpeechKey(error: unknown, intent: string | undefined): StringKey {
  if (!(error instanceof SpotifyError)) return 'errorGeneric';
  // Own keys only: a reason (from Spotify's body) or an intent name such as "constructor" is no entry.
  if (error.reason && Object.hasOwn(SPEECH_FOR_REASON, error.reason)) return SPEECH_FOR_REASON[error.reason];
  if (error.code === 'RESTRICTED' && error.reason === 'UNKNOWN' && intent) {
    if (Object.hasOwn(SPEECH_FOR_RESTRICTION, intent)) return SPEECH_FOR_RESTRICTION[intent];
  }
  return SPEECH_FOR_CODE[error.code] ?? 'errorGeneric';
}

export function errorResponse(input: HandlerInput, error: unknown): Response {
  if (error instanceof SpotifyError && error.code === 'TOKEN_INVALID') {
    // Re-linking may bring another Spotify account under the same Alexa user: forget this one's caches.
    ctx(input).cache().clear();
    return linkAccountResponse(input);
  }
  const { speech } = ctx(input);
  return input.responseBuilder
    .speak(speech.say(errorSpeechKey(error, intentName(input))))
    .withShouldEndSession(true)
    .getResponse();
}

/** Catches everything a handler throws; the user always hears a sentence, never Alexa's generic error. */
export const SkillErrorHandler: ErrorHandler = {
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
    return errorResponse(input, error);
  },
};
