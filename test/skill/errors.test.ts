/**
 * Every Spotify error the client can raise becomes a sentence a person understands, produced by a real
 * emulator answer (fault injection), and nothing crashes on odd data.
 */
import { startAlexa, type Alexa } from '../support/harness';
import { demo, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa({ budgetMs: 1500 });
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

const fault = (spec: Parameters<Alexa['emulator']['faults']['add']>[0]) => alexa.emulator.faults.add(spec);

test.each([
  ['403 PREMIUM_REQUIRED', { status: 403, reason: 'PREMIUM_REQUIRED' }, /needs Spotify Premium/],
  [
    '404 NO_ACTIVE_DEVICE',
    { status: 404, reason: 'NO_ACTIVE_DEVICE' },
    /can't find an active Spotify device/,
  ],
  ['404 Device not found', { status: 404, message: 'Device not found' }, /device isn't available any more/],
  [
    '403 restricted (UNKNOWN) on next',
    { status: 403, reason: 'UNKNOWN', message: 'Restriction violated' },
    /nothing to skip to/,
  ],
  ['403 NO_NEXT_TRACK', { status: 403, reason: 'NO_NEXT_TRACK' }, /nothing to skip to/],
  [
    '403 DEVICE_NOT_CONTROLLABLE',
    { status: 403, reason: 'DEVICE_NOT_CONTROLLABLE' },
    /doesn't allow Spotify to be controlled/,
  ],
  [
    '403 not on the allowlist (plain text)',
    {
      status: 403,
      body: 'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
      contentType: 'text/plain',
    },
    /Development Mode, which allows five users/,
  ],
  [
    '429 with Retry-After beyond the budget',
    { status: 429, headers: { 'Retry-After': '30' } },
    /Spotify is busy/,
  ],
  ['500 every time', { status: 500, times: 10 }, /Spotify isn't answering/],
  ['502 with an empty body every time', { status: 502, body: '', times: 10 }, /Spotify isn't answering/],
  [
    'an HTML 503 page every time',
    { status: 503, body: '<html>oops</html>', contentType: 'text/html', times: 10 },
    /Spotify isn't answering/,
  ],
])('U: next (Spotify answers %s) / A: a sentence', async (_name, spec, expected) => {
  fault({ method: 'POST', path: '/v1/me/player/next', ...spec });
  const reply = await alexa.say('AMAZON.NextIntent');
  expect(reply.speech).toMatch(expected);
  expect(reply.endsSession).toBe(true);
});

test('U: next (Spotify answers 401) / A: the LinkAccount card', async () => {
  fault({ method: 'POST', path: '/v1/me/player/next', status: 401 });
  const reply = await alexa.say('AMAZON.NextIntent');
  expect(reply.card).toEqual({ type: 'LinkAccount' });
});

test("U: what's playing (Spotify hangs) / A: took too long, within the budget", async () => {
  fault({ path: '/v1/me/player', hang: true });
  const reply = await alexa.say('WhatsPlayingIntent');
  expect(reply.speech).toBe('Spotify took too long to answer. Try again in a moment.');
});

test("U: what's playing (malformed JSON) / A: could not understand", async () => {
  fault({
    path: '/v1/me/player',
    status: 200,
    body: '{"device": {"id": tru',
    contentType: 'application/json',
  });
  expect((await alexa.say('WhatsPlayingIntent')).speech).toMatch(/could not understand/);
});

test("U: what's playing (an ad: item null) / A: an ad is playing", async () => {
  const user = demo(alexa.emulator);
  user.player = { ...user.player, trackId: null, ad: true } as typeof user.player;
  fault({
    path: '/v1/me/player',
    status: 200,
    body: JSON.stringify({
      device: {
        id: 'dev-kitchen',
        name: 'Kitchen speaker',
        is_active: true,
        type: 'Speaker',
        volume_percent: 50,
      },
      is_playing: true,
      item: null,
      currently_playing_type: 'ad',
      context: null,
      progress_ms: null,
      shuffle_state: false,
      repeat_state: 'off',
    }),
    contentType: 'application/json',
  });
  expect((await alexa.say('WhatsPlayingIntent')).speech).toBe('An ad is playing on Kitchen speaker.');
});

test('U: play my workout mix (a null entry and a nameless device in the lists) / A: still plays', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
});

test('U: add this song to workout mix (the POST fails with 500) / A: a sentence, and the song is not added twice', async () => {
  const before = alexa.emulator.state.playlists.get('pl-workout-mix')!.entries.length;
  fault({ method: 'POST', path: '/v1/playlists/*/items', status: 500 });
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toMatch(/Spotify isn't answering/);
  const posts = alexa.calls().filter((c) => c.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(alexa.emulator.state.playlists.get('pl-workout-mix')!.entries.length).toBe(before);
});
