import type { RequestHandler } from 'ask-sdk-core';
import { ctx } from '../context';
import { isIntent } from './predicates';

export const PauseHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PauseIntent'),
  async handle(input) {
    const { speech, spotify } = ctx(input);
    await spotify().player.pause();
    return input.responseBuilder.speak(speech.say('paused')).withShouldEndSession(true).getResponse();
  },
};

export const ResumeHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.ResumeIntent'),
  async handle(input) {
    const { speech, spotify } = ctx(input);
    await spotify().player.play();
    return input.responseBuilder.speak(speech.say('resumed')).withShouldEndSession(true).getResponse();
  },
};
