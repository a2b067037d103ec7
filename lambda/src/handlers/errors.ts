import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { SpotifyError, type SpotifyErrorCode } from '../spotify/errors';
import type { StringKey } from '../speech/strings';
import { linkAccountResponse } from './guard';

/** The one mapping from a failure to words a person understands. */
const SPEECH_FOR: Record<Exclude<SpotifyErrorCode, 'TOKEN_INVALID'>, StringKey> = {
  PREMIUM_REQUIRED: 'errorPremiumRequired',
  NO_ACTIVE_DEVICE: 'errorNoActiveDevice',
  DEVICE_NOT_FOUND: 'errorDeviceNotFound',
  RESTRICTED: 'errorRestricted',
  NOT_ALLOWLISTED: 'errorNotAllowlisted',
  RATE_LIMITED: 'errorRateLimited',
  UNAVAILABLE: 'errorUnavailable',
  TIMEOUT: 'errorTimeout',
  BAD_RESPONSE: 'errorBadResponse',
  NOT_FOUND: 'errorGeneric',
  BAD_REQUEST: 'errorGeneric',
};

export function errorResponse(input: HandlerInput, error: unknown): Response {
  if (error instanceof SpotifyError && error.code === 'TOKEN_INVALID') return linkAccountResponse(input);
  const { speech } = ctx(input);
  const key =
    error instanceof SpotifyError ? SPEECH_FOR[error.code as keyof typeof SPEECH_FOR] : 'errorGeneric';
  return input.responseBuilder.speak(speech.say(key)).withShouldEndSession(true).getResponse();
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
