import { ctx } from '../context';
import { onIntent } from './define';

export const PauseHandler = onIntent(['AMAZON.PauseIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  await spotify().player.pause();
  return input.responseBuilder.speak(speech.say('paused')).withShouldEndSession(true).getResponse();
});

export const ResumeHandler = onIntent(['AMAZON.ResumeIntent'], async (input) => {
  const { speech, spotify } = ctx(input);
  await spotify().player.play();
  return input.responseBuilder.speak(speech.say('resumed')).withShouldEndSession(true).getResponse();
});
