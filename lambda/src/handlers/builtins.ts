import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { ctx } from '../context';
import { onIntent, onRequest, type SkillRequestHandler } from '../dialog/define';
import { requestType } from '../dialog/predicates';

const WITHOUT_SPOTIFY = { needsSpotify: false };

export const HelpHandler = onIntent(
  ['AMAZON.HelpIntent'],
  (input) => {
    const { speech } = ctx(input);
    return input.responseBuilder.speak(speech.say('help')).reprompt(speech.say('helpReprompt')).getResponse();
  },
  WITHOUT_SPOTIFY,
);

/** Stop and Cancel end the conversation; they never pause the music (that is what "pause" is for). */
export const StopHandler = onIntent(
  ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'],
  (input) => {
    const { speech } = ctx(input);
    return input.responseBuilder.speak(speech.say('goodbye')).withShouldEndSession(true).getResponse();
  },
  WITHOUT_SPOTIFY,
);

function fallback(input: HandlerInput): Response {
  const { speech } = ctx(input);
  return input.responseBuilder
    .speak(speech.say('fallback'))
    .reprompt(speech.say('fallbackReprompt'))
    .getResponse();
}

export const FallbackHandler = onIntent(['AMAZON.FallbackIntent'], fallback, WITHOUT_SPOTIFY);

/**
 * Registered last: an intent the model does not have (a stale model, a forged request) or a request type no
 * handler answers gets the FallbackIntent's answer, not "Sorry, something went wrong". An envelope without a
 * request type is broken, not misunderstood: the error handler answers it.
 */
export const CatchAllHandler: SkillRequestHandler = {
  intents: [],
  requestTypes: [],
  needsSpotify: false,
  canHandle: (input) => requestType(input) !== undefined,
  handle(input) {
    ctx(input).log.info('request.unhandled');
    return fallback(input);
  },
};

/** Alexa allows no speech in reply to SessionEndedRequest. */
export const SessionEndedHandler = onRequest(['SessionEndedRequest'], (input) => {
  const request = input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
  ctx(input).log.info('session.ended', { reason: request.reason, error: request.error?.type });
  return input.responseBuilder.getResponse();
});
