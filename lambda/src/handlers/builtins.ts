import type { RequestHandler } from 'ask-sdk-core';
import { ctx } from '../context';
import { isIntent, isType } from './predicates';

export const HelpHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle(input) {
    const { speech } = ctx(input);
    return input.responseBuilder.speak(speech.say('help')).reprompt(speech.say('helpReprompt')).getResponse();
  },
};

/** Stop and Cancel end the conversation; they never pause the music (that is what "pause" is for). */
export const StopHandler: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle(input) {
    const { speech } = ctx(input);
    return input.responseBuilder.speak(speech.say('goodbye')).withShouldEndSession(true).getResponse();
  },
};

export const FallbackHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent'),
  handle(input) {
    const { speech } = ctx(input);
    return input.responseBuilder
      .speak(speech.say('fallback'))
      .reprompt(speech.say('fallbackReprompt'))
      .getResponse();
  },
};

/** Alexa allows no speech in reply to SessionEndedRequest. */
export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => isType(input, 'SessionEndedRequest'),
  handle(input) {
    const request = input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
    ctx(input).log.info('session.ended', { reason: request.reason, error: request.error?.type });
    return input.responseBuilder.getResponse();
  },
};
