/**
 * Bugs the fault matrix found, as conversations. Fixed ones are plain tests; a bug that is not fixed yet is a
 * `test.failing` conversation here (it fails once the bug is fixed: then make it a plain `test`).
 */
import { enUS } from '../../lambda/src/speech/en-US';
import { startAlexa, type Alexa } from '../support/harness';
import { playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa({ budgetMs: 1500 });
});
afterEach(() => alexa.close());

test('(the emulator answers resume-while-playing as Spotify does: 403 reason UNKNOWN)', async () => {
  playing(alexa.emulator, { isPlaying: true });
  await alexa.say('AMAZON.ResumeIntent');
  expect(alexa.emulator.log.map((e) => [e.method, e.path, e.status])).toContainEqual([
    'PUT',
    '/v1/me/player/play',
    403,
  ]);
});

// Fixed: errorSpeechKey (lambda/src/dialog/errors.ts) maps 403 UNKNOWN per intent for resume too, as it
// does for pause, next and previous (it said "Spotify won't let me do that on this device right now.").
test("U: resume (while it is already playing) / A: It's already playing.", async () => {
  playing(alexa.emulator, { isPlaying: true });
  const reply = await alexa.say('AMAZON.ResumeIntent');
  expect(reply.speech).toBe(enUS.errorAlreadyPlaying);
  expect(reply.endsSession).toBe(true);
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/play']);
});
