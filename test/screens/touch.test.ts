/**
 * Touch is voice's twin: every action a screen offers, as an Alexa.Presentation.APL.UserEvent through the real
 * handler against the emulator; the same Spotify calls, speech and guard as the spoken intent.
 */
import { aUserEvent } from '../support/envelopes';
import { startAlexa, type Alexa, type Reply } from '../support/harness';
import { activeDevice, demo, nothingActive, playing } from '../support/world';
import { readTouch } from '../../lambda/src/handlers/touch';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa({ profile: 'echo-show-8' });
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const player = () => demo(alexa.emulator).player;
const volume = () => demo(alexa.emulator).devices.find((d) => d.id === 'dev-kitchen')!.volume_percent;
function payload(reply: Reply) {
  const directives = (reply.envelope.response.directives ?? []) as unknown as Array<{
    type: string;
    token: string;
    datasources: { payload: Record<string, unknown> };
  }>;
  const render = directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
  return render && ({ token: render.token, ...render.datasources.payload } as Record<string, unknown>);
}

test('T: pause / A: Paused. The player is paused and the screen refreshed', async () => {
  const reply = await alexa.touch(['pause']);
  expect(reply.speech).toBe('Paused.');
  expect(alexa.lines()[0]).toBe('PUT /v1/me/player/pause');
  expect(player().isPlaying).toBe(false);
  expect(payload(reply)).toMatchObject({ token: 'connectRemote.nowPlaying', playing: false });
});

test('T: play (resume) / A: Resuming.', async () => {
  playing(alexa.emulator, { isPlaying: false });
  const reply = await alexa.touch(['resume']);
  expect(reply.speech).toBe('Resuming.');
  expect(player().isPlaying).toBe(true);
  expect(payload(reply)).toMatchObject({ playing: true });
});

test('T: next and previous / A: the same calls as the spoken intents', async () => {
  await alexa.touch(['next']);
  expect(alexa.lines()[0]).toBe('POST /v1/me/player/next');
  await alexa.touch(['previous']);
  expect(alexa.lines()[0]).toBe('POST /v1/me/player/previous');
});

test('T: volume up, volume down / A: ten steps each way', async () => {
  const before = volume()!;
  expect((await alexa.touch(['volumeUp'])).speech).toBe(`Volume ${Math.min(100, before + 10)} percent.`);
  expect((await alexa.touch(['volumeDown'])).speech).toBe(`Volume ${before} percent.`);
  expect(volume()).toBe(before);
});

test('T: a playlist row / A: plays that playlist (the play handler, no search)', async () => {
  const reply = await alexa.touch(
    ['playPlaylist', 'spotify:playlist:pl-workout-mix', 'Workout Mix'],
    'connectRemote.playlists',
  );
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(player()).toMatchObject({ contextUri: 'spotify:playlist:pl-workout-mix', isPlaying: true });
  expect(alexa.lines().some((l) => l.startsWith('GET /v1/search'))).toBe(false);
  expect(payload(reply)).toMatchObject({ token: 'connectRemote.nowPlaying' });
});

test('T: a device row / A: moves playback there', async () => {
  const reply = await alexa.touch(['transfer', 'dev-tv', 'Living Room TV'], 'connectRemote.devices');
  expect(reply.speech).toBe('Moving playback to Living Room TV.');
  expect(activeDevice(alexa.emulator)?.name).toBe('Living Room TV');
});

test('T: a device that has gone / A: the device-not-found answer, nothing moved', async () => {
  const reply = await alexa.touch(['transfer', 'dev-gone', 'Old Phone'], 'connectRemote.devices');
  expect(reply.speech).toMatch(/couldn't find|not find|can't find|isn't available|no longer/i);
  expect(activeDevice(alexa.emulator)?.id).toBe('dev-kitchen');
});

test('U: play workout / A: Did you mean…? T: the second candidate / A: plays it', async () => {
  const question = await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
  expect(question.speech).toMatch(/^Did you mean/);
  const rows = payload(question)!.rows as Array<{ name: string; action: string; ref: string }>;
  expect(rows[1]).toMatchObject({ action: 'choose', ref: '2' });
  const reply = await alexa.touch(['choose', '2', rows[1].name], 'connectRemote.choose');
  expect(reply.speech).toBe(`Playing ${rows[1].name} on Kitchen speaker.`);
  expect(player().isPlaying).toBe(true);
});

test('T: pause, already paused / A: the same restriction speech as saying it', async () => {
  playing(alexa.emulator, { isPlaying: false });
  expect((await alexa.touch(['pause'])).speech).toBe((await alexa.say('AMAZON.PauseIntent')).speech);
});

test('T: pause with nothing active / A: Nothing is playing right now.', async () => {
  nothingActive(alexa.emulator);
  expect((await alexa.touch(['pause'])).speech).toBe('Nothing is playing right now.');
});

test('T: pause, not linked / A: the same guard: link your account', async () => {
  const reply = await alexa.send(aUserEvent(['pause']).on('echo-show-8'));
  expect(reply.card?.type).toBe('LinkAccount');
  expect(alexa.lines()).toEqual([]);
  expect(player().isPlaying).toBe(true);
});

test.each([
  ['an unknown action', ['launchMissiles'], 'connectRemote.nowPlaying'],
  ['no arguments', [], 'connectRemote.nowPlaying'],
  ['a forged playlist uri', ['playPlaylist', 'spotify:track:x', 'X'], 'connectRemote.playlists'],
  ['a malformed device id', ['transfer', '../../me', 'X'], 'connectRemote.devices'],
  ['a restricted device row', ['none', '', 'PS5'], 'connectRemote.devices'],
  ['an ordinal out of range', ['choose', '99', ''], 'connectRemote.choose'],
  ['a stale token from another document', ['pause'], 'someone.elses.document'],
])('T: %s / A: answers safely, touches nothing', async (_, args, token) => {
  const reply = await alexa.touch(args, token);
  expect(reply.speech.length).toBeGreaterThan(0);
  expect(reply.speech).not.toMatch(/went wrong/);
  expect(alexa.calls().filter((c) => c.method !== 'GET')).toEqual([]);
  expect(player().isPlaying).toBe(true);
});

test('readTouch: arguments are read, never trusted', () => {
  expect(readTouch({ token: 'connectRemote.x', arguments: ['pause'] })).toEqual({
    intent: 'AMAZON.PauseIntent',
  });
  expect(readTouch({ token: 'connectRemote.x', arguments: 'pause' }).intent).toBe('AMAZON.FallbackIntent');
  expect(readTouch({ token: 'connectRemote.x', arguments: ['constructor'] }).intent).toBe(
    'AMAZON.FallbackIntent',
  );
  expect(readTouch(null).intent).toBe('AMAZON.FallbackIntent');
  expect(
    readTouch({ token: 'connectRemote.x', arguments: ['transfer', 'dev-tv', 'A\u0000'.repeat(300)] }).choice
      ?.name.length,
  ).toBeLessThanOrEqual(200);
});
