/** Spotify Connect devices, what is playing, and the account questions. */
import { aLaunch, anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { activeDevice, demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator);
});
afterEach(() => alexa.close());

test('U: list my devices (six) / A: all six, the playing one first, the one it cannot control last', async () => {
  const reply = await alexa.say('ListDevicesIntent');
  expect(reply.speech).toBe(
    "I can see 6 devices: Kitchen speaker, which is playing, Living Room TV, Sam's MacBook Pro, Bedroom Echo, Car and PlayStation 5, which I can't control.",
  );
  // The playback state alongside: "playing" only when it is.
  expect([...alexa.lines()].sort()).toEqual([
    'GET /v1/me/player/devices',
    'GET /v1/me/player?additional_types=episode',
  ]);
});

test('U: list my devices (eight) / A: five names, then how many more (the uncontrollable one among those unread)', async () => {
  const user = demo(alexa.emulator);
  const kitchen = user.devices.find((d) => d.id === 'dev-kitchen')!;
  user.devices.push(
    { ...kitchen, id: 'dev-garden', name: 'Garden speaker', is_active: false },
    { ...kitchen, id: 'dev-attic', name: 'Attic speaker', is_active: false },
  );
  const reply = await alexa.say('ListDevicesIntent');
  expect(reply.speech).toMatch(/^I can see 8 devices: Kitchen speaker, which is playing, /);
  expect(reply.speech).toMatch(/, and 3 more\.$/);
  expect(reply.speech).not.toMatch(/PlayStation/);
});

test('U: list my devices (paused) / A: Kitchen speaker, which is paused, …', async () => {
  playing(alexa.emulator, { isPlaying: false });
  const reply = await alexa.say('ListDevicesIntent');
  expect(reply.speech).toMatch(/^I can see 6 devices: Kitchen speaker, which is paused, /);
  expect(reply.speech).not.toMatch(/playing/);
});

test('U: list my devices (a restricted one among the first five) / A: says it cannot be controlled', async () => {
  const user = demo(alexa.emulator);
  user.devices = user.devices.filter((d) => ['dev-kitchen', 'dev-ps5'].includes(d.id));
  const reply = await alexa.say('ListDevicesIntent');
  expect(reply.speech).toBe(
    "I can see 2 devices: Kitchen speaker, which is playing and PlayStation 5, which I can't control.",
  );
});

test('U: list my devices (none) / A: how to make one appear', async () => {
  demo(alexa.emulator).devices = [];
  nothingActive(alexa.emulator);
  expect((await alexa.say('ListDevicesIntent')).speech).toMatch(
    /^I can't see any Spotify devices\. Open Spotify/,
  );
});

test('U: move the music to the living room tv / A: Moving playback to Living Room TV.', async () => {
  const reply = await alexa.say('TransferPlaybackIntent', { device: 'living room tv' });
  expect(reply.speech).toBe('Moving playback to Living Room TV.');
  expect(alexa.calls().at(-1)).toEqual({
    method: 'PUT',
    path: '/v1/me/player',
    query: {},
    body: { device_ids: ['dev-tv'], play: true },
  });
  expect(activeDevice(alexa.emulator)?.id).toBe('dev-tv');
});

test("U: switch to the macbook / A: Moving playback to Sam's MacBook Pro.", async () => {
  expect((await alexa.say('TransferPlaybackIntent', { device: 'macbook' })).speech).toBe(
    "Moving playback to Sam's MacBook Pro.",
  );
});

test('U: play on the playstation / A: restricted, explained; nothing moved', async () => {
  const reply = await alexa.say('TransferPlaybackIntent', { device: 'playstation' });
  expect(reply.speech).toMatch(/^PlayStation 5 doesn't allow Spotify to be controlled remotely/);
  expect(alexa.calls().filter((c) => c.method === 'PUT')).toEqual([]);
});

test('U: switch to the toaster / A: no such device, lists them', async () => {
  const reply = await alexa.say('TransferPlaybackIntent', { device: 'toaster' });
  expect(reply.speech).toMatch(/^I can't see a device called toaster\. Your devices are: /);
});

test('U: use the kitchen speaker by default / A: remembered; later playback falls back to it', async () => {
  const reply = await alexa.say('SetDefaultDeviceIntent', { device: 'kitchen speaker' });
  expect(reply.speech).toBe('Okay. Kitchen speaker is your default device when nothing else is playing.');
  nothingActive(alexa.emulator);
  const played = await alexa.say('PlayPlaylistIntent', { playlist: 'dinner party' });
  expect(played.speech).toBe('Playing Dinner Party on Kitchen speaker.');
});

test("U: what's playing / A: track, artists, album and device, with a card", async () => {
  const reply = await alexa.say('WhatsPlayingIntent');
  expect(reply.speech).toBe("Don't Stop Me Now by Queen, from Jazz, is playing on Kitchen speaker.");
  expect(reply.card).toMatchObject({
    type: 'Standard',
    title: "Don't Stop Me Now",
    text: 'Queen\nJazz\nOn Kitchen speaker',
  });
  expect(reply.card?.image?.largeImageUrl).toMatch(/^https:/);
  expect(alexa.lines()).toEqual(['GET /v1/me/player?additional_types=episode']);
});

test("U: what's playing (nothing, 204) / A: Nothing is playing right now.", async () => {
  nothingActive(alexa.emulator);
  expect((await alexa.say('WhatsPlayingIntent')).speech).toBe('Nothing is playing right now.');
});

test("U: what's playing (a podcast episode) / A: the episode and its show", async () => {
  playing(alexa.emulator, { trackId: 'ep-choruses' });
  const reply = await alexa.say('WhatsPlayingIntent');
  expect(reply.speech).toBe(
    'Episode 42: Why We Love Choruses, from Sound & Story, is playing on Kitchen speaker.',
  );
  expect(reply.ssml).toContain('Sound &amp; Story');
});

test('U: which account is linked / A: the display name from GET /me', async () => {
  expect((await alexa.say('WhichAccountIntent')).speech).toBe("You're linked to Spotify as Demo User.");
  expect(alexa.lines()).toEqual(['GET /v1/me']);
});

test.each([
  [
    'DeviceHelpIntent',
    /Open Spotify on the missing device, signed in to the same Spotify account, and keep it awake/,
  ],
  ['UnlinkHelpIntent', /open the Alexa app.*Disable Skill.*deletes what this skill remembers/],
])('U: %s (even unlinked) / A: explains, no Spotify call', async (intent, expected) => {
  const reply = await alexa.send(anIntent(intent));
  expect(reply.speech).toMatch(expected);
  expect(reply.card).toBeUndefined();
  expect(alexa.lines()).toEqual([]);
});

test('U: open connect remote (something playing) / A: says what and where', async () => {
  const reply = await alexa.send(aLaunch().linked(alexa.token));
  expect(reply.speech).toMatch(/Don't Stop Me Now by Queen is playing on Kitchen speaker/);
});
