import { ctx } from '../context';
import { onIntent, onRequest } from './define';

export const HelpHandler = onIntent(['AMAZON.HelpIntent'], (input) => {
  const { speech } = ctx(input);
  return input.responseBuilder.speak(speech.say('help')).reprompt(speech.say('helpReprompt')).getResponse();
});

/** Stop and Cancel end the conversation; they never pause the music (that is what "pause" is for). */
export const StopHandler = onIntent(
  ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'],
  (input) => {
    const { speech } = ctx(input);
    return input.responseBuilder.speak(speech.say('goodbye')).withShouldEndSession(true).getResponse();
  },
);

export const FallbackHandler = onIntent(['AMAZON.FallbackIntent'], (input) => {
  const { speech } = ctx(input);
  return input.responseBuilder
    .speak(speech.say('fallback'))
    .reprompt(speech.say('fallbackReprompt'))
    .getResponse();
});

/** Alexa allows no speech in reply to SessionEndedRequest. */
export const SessionEndedHandler = onRequest(['SessionEndedRequest'], (input) => {
  const request = input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
  ctx(input).log.info('session.ended', { reason: request.reason, error: request.error?.type });
  return input.responseBuilder.getResponse();
});
