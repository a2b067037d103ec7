import { ctx } from '../context';
import { describePlayback } from '../dialog/describe';
import { onRequest } from '../dialog/define';

/** "Alexa, open Connect Remote": greet, say what is playing, keep the session open. */
export const LaunchHandler = onRequest(
  ['LaunchRequest'],
  async (input) => {
    const { speech, spotify } = ctx(input);
    const state = await spotify().player.getPlaybackState();
    return input.responseBuilder
      .speak(speech.join(speech.say('welcome'), describePlayback(speech, state), speech.say('whatNext')))
      .reprompt(speech.say('whatNextReprompt'))
      .getResponse();
  },
  { needsSpotify: true },
);
