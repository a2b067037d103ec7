/**
 * The warm caches of one container (lambda/src/spotify/cache.ts) as a user meets them: a repeat costs one
 * round trip, and whatever changed in Spotify between two requests is found on the very next one: a renamed,
 * deleted or new playlist, a device that left ("Device not found") or went quiet (NO_ACTIVE_DEVICE). Two
 * users on one container never see each other's things, and the cache never holds a token or a user id.
 */
import { WarmCache } from '../../lambda/src/spotify/cache';
import { PL_WORKOUT_MIX } from '../../tools/spotify-emulator';
import { anIntent, TEST_USER_ID } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { registerSecret } from '../support/log-capture';
import { demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
let cache: WarmCache;
beforeEach(async () => {
  cache = new WarmCache();
  alexa = await startAlexa({ deps: { cache } });
  playing(alexa.emulator, { isPlaying: false });
});
afterEach(() => alexa.close());

const PAGES = ['GET /v1/me/playlists?limit=50&offset=0', 'GET /v1/me/playlists?limit=50&offset=50'];
const PLAY_HERE = 'PUT /v1/me/player/play';
const DEVICES = 'GET /v1/me/player/devices';
const playlist = (id: string) => alexa.emulator.state.playlists.get(id)!;
const nowPlaying = () => demo(alexa.emulator).player;

test('U: play my workout mix / U: play my workout mix: the repeat is one PUT play, nothing listed', async () => {
  let reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(alexa.lines()).toEqual([...PAGES, PLAY_HERE, DEVICES]);

  reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(alexa.lines()).toEqual([PLAY_HERE]);
});

test('renamed in the Spotify app between two requests: the new name is found on the very next request', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  playlist(PL_WORKOUT_MIX).name = 'Leg Day Bangers';

  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'leg day bangers' });
  expect(reply.speech).toBe('Playing Leg Day Bangers on Kitchen speaker.');
  // Not in the cached index: read again (the device list is still fresh).
  expect(alexa.lines()).toEqual([...PAGES, PLAY_HERE]);
  expect(nowPlaying().contextUri).toBe(`spotify:playlist:${PL_WORKOUT_MIX}`);
});

test('deleted between two requests: the 404 for the cached id reads the index again, nothing stale plays', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  alexa.emulator.state.playlists.delete(PL_WORKOUT_MIX);
  const user = demo(alexa.emulator);
  user.playlistIds = user.playlistIds!.filter((id) => id !== PL_WORKOUT_MIX);
  playing(alexa.emulator, { isPlaying: false });

  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  const lines = alexa.lines();
  expect(lines.slice(0, 3)).toEqual([PLAY_HERE, ...PAGES]);
  expect(alexa.calls()[0]).toMatchObject({ body: { context_uri: `spotify:playlist:${PL_WORKOUT_MIX}` } });
  expect(alexa.emulator.log.at(-lines.length)?.status).toBe(404);
  // Whatever the answer, it is not the deleted playlist, and it says so honestly.
  expect(nowPlaying().contextUri).not.toBe(`spotify:playlist:${PL_WORKOUT_MIX}`);
  expect(reply.speech).not.toMatch(/^Playing Workout Mix on/);
});

test('created in the Spotify app after the index was cached: found on the very next request', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  const id = 'pl-brand-new';
  alexa.emulator.state.playlists.set(id, { ...playlist(PL_WORKOUT_MIX), id, name: 'Sunday Pancakes' });
  demo(alexa.emulator).playlistIds!.unshift(id);

  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'sunday pancakes' });
  expect(reply.speech).toBe('Playing Sunday Pancakes on Kitchen speaker.');
  expect(alexa.lines()).toEqual([...PAGES, PLAY_HERE]);
  expect(nowPlaying().contextUri).toBe(`spotify:playlist:${id}`);
});

test('created by the skill ("create a playlist called …"): the index is read again next time', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  await alexa.say('CreatePlaylistIntent', { name: 'Workout Mix Deluxe' });
  expect(cache.dump()[0].value.playlists).toBeUndefined();
});

test('a cached device that left and came back with a new id (404 Device not found): listed again, played there', async () => {
  let reply = await alexa.say('TransferPlaybackIntent', { device: 'living room tv' });
  expect(reply.speech).toBe('Moving playback to Living Room TV.');
  expect(alexa.lines()).toEqual([DEVICES, 'PUT /v1/me/player']);
  const tv = demo(alexa.emulator).devices.find((d) => d.id === 'dev-tv')!;
  tv.id = 'dev-tv-again';

  reply = await alexa.say('TransferPlaybackIntent', { device: 'living room tv' });
  expect(reply.speech).toBe('Moving playback to Living Room TV.');
  expect(alexa.lines()).toEqual(['PUT /v1/me/player', DEVICES, 'PUT /v1/me/player']);
  const bodies = alexa
    .calls()
    .filter((c) => c.method === 'PUT')
    .map((c) => c.body);
  expect(bodies).toEqual([
    { device_ids: ['dev-tv'], play: true },
    { device_ids: ['dev-tv-again'], play: true },
  ]);
  expect(nowPlaying().deviceId).toBe('dev-tv-again');
});

test('a cached device that is gone for good: the answer lists what Spotify sees now', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'living room tv' });
  const user = demo(alexa.emulator);
  user.devices = user.devices.filter((d) => d.id !== 'dev-tv');

  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'living room tv' });
  expect(alexa.lines()).toEqual(['PUT /v1/me/player/play?device_id=dev-tv', DEVICES]);
  expect(reply.speech).toMatch(/^I can't see a device called living room tv/);
  expect(reply.speech).not.toMatch(/Living Room TV/);
});

test('the cached active device went quiet (NO_ACTIVE_DEVICE): listed again, played on the last one used', async () => {
  playing(alexa.emulator, { isPlaying: true });
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  nothingActive(alexa.emulator);

  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(alexa.lines()).toEqual([PLAY_HERE, DEVICES, 'PUT /v1/me/player/play?device_id=dev-kitchen']);
  expect(alexa.emulator.log.at(-3)?.status).toBe(404);
  expect(nowPlaying()).toMatchObject({ deviceId: 'dev-kitchen', isPlaying: true });
});

test('two users on one warm container never see each other’s playlists or devices', async () => {
  const priyaToken = alexa.emulator.issueToken('priya');
  registerSecret(priyaToken);
  const PRIYA = 'amzn1.ask.account.priya';
  const asPriya = (name: string, slots: Record<string, string>) => {
    const b = anIntent(name).linked(priyaToken).user(PRIYA);
    for (const [slot, value] of Object.entries(slots)) b.slot(slot, value);
    return alexa.send(b);
  };

  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  // Priya has no Workout Mix of her own: her request reads her own index (Spotify's public search then
  // finds someone's "Workout Mix 2"), and never plays the demo user's Workout Mix from the demo user's cache.
  let reply = await asPriya('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(alexa.lines().slice(0, 2)).toEqual(PAGES);
  expect(alexa.calls().map((c) => c.body)).not.toContainEqual({
    context_uri: `spotify:playlist:${PL_WORKOUT_MIX}`,
  });
  expect(reply.speech).not.toMatch(/Kitchen speaker/);

  reply = await asPriya('TransferPlaybackIntent', { device: 'kitchen speaker' });
  expect(alexa.lines()).toEqual([DEVICES]);
  expect(reply.speech).toBe("I can't see a device called kitchen speaker. Your devices are: Priya's Pixel.");

  // The demo user's caches are untouched by Priya's requests.
  reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(alexa.lines()).toEqual([PLAY_HERE]);

  const entries = cache.dump();
  expect(entries).toHaveLength(2);
  // Least recently used first: Priya's, then the demo user's.
  const [b, a] = entries.map((e) => JSON.stringify(e.value));
  expect(a).toContain('Workout Mix');
  expect(b).not.toContain('Workout Mix');
  expect(b).not.toContain('Kitchen speaker');
});

test('the cache holds no token and no Alexa user id: keys are hashes, values are Spotify’s answers', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  await alexa.say('TransferPlaybackIntent', { device: 'living room tv' });
  const dump = cache.dump();
  expect(dump).toHaveLength(1);
  expect(dump[0].key).toMatch(/^[0-9a-f]{32}$/);
  const text = JSON.stringify(dump);
  expect(text).not.toContain(alexa.token);
  expect(text).not.toContain(TEST_USER_ID);
  expect(text).not.toMatch(/bearer|access_?token|authorization/i);
  expect(dump[0].value).toMatchObject({ profileId: 'demo', playlists: { complete: true } });
  expect(dump[0].value.devices?.map((d) => d.name)).toContain('Living Room TV');
});

test('bounded: the least recently used user goes first, and every slot ages out', () => {
  let now = 0;
  const small = new WarmCache(() => now, { users: 2, playlistsMs: 1000, profileMs: 1000, devicesMs: 10 });
  small.forUser('a').setProfileId('user-a');
  small.forUser('b').setProfileId('user-b');
  small.forUser('a');
  small.forUser('c');
  expect(small.dump().map((e) => e.key)).toEqual(['a', 'c']);
  small.forUser('a').setDevices([]);
  now = 11;
  expect(small.forUser('a').devices()).toBeUndefined();
  expect(small.forUser('a').profileId()).toBe('user-a');
  now = 1001;
  expect(small.forUser('a').profileId()).toBeUndefined();
});
