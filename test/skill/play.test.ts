/** Playing by name: the user's playlists, liked songs, artists, albums, songs, genres, anything. */
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { activeDevice, demo, nothingActive, playing, secondKitchenDevice } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator, { isPlaying: false });
});
afterEach(() => alexa.close());

const player = () => demo(alexa.emulator).player;
const playCall = () => alexa.calls().find((c) => c.method === 'PUT' && c.path === '/v1/me/player/play');

test('U: play my workout mix / A: Playing Workout Mix on Kitchen speaker.', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
  expect(reply.endsSession).toBe(true);
  // On the active device, optimistically: no device id, no device list before the play.
  expect(playCall()).toEqual({
    method: 'PUT',
    path: '/v1/me/player/play',
    query: {},
    body: { context_uri: 'spotify:playlist:pl-workout-mix' },
  });
  expect(player()).toMatchObject({ contextUri: 'spotify:playlist:pl-workout-mix', isPlaying: true });
  expect(reply.card).toMatchObject({
    type: 'Standard',
    title: 'Workout Mix',
    text: 'Playing on Kitchen speaker',
  });
  expect(reply.card?.image?.largeImageUrl).toMatch(/^https:\/\//);
});

test('all pages of playlists are read: offsets 0 and 50 together (the demo library has 64 entries)', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  const pages = alexa.calls().filter((c) => c.path === '/v1/me/playlists');
  expect(pages.map((p) => p.query.offset ?? '0')).toEqual(['0', '50']);
});

test('U: play my workout mix on the living room tv / A: Playing Workout Mix on Living Room TV.', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'living room tv' });
  expect(reply.speech).toBe('Playing Workout Mix on Living Room TV.');
  expect(playCall()?.query).toEqual({ device_id: 'dev-tv' });
  expect(activeDevice(alexa.emulator)?.id).toBe('dev-tv');
});

test('U: play rock and roll (nothing active, nothing remembered, one device) / A: plays there', async () => {
  nothingActive(alexa.emulator);
  const user = demo(alexa.emulator);
  user.devices = user.devices.filter((d) => d.id === 'dev-tv');
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'rock and roll' });
  expect(reply.speech).toBe('Playing Rock & Roll on Living Room TV.');
  expect(reply.ssml).toContain('Rock &amp; Roll');
});

test('U: play my chill vibes on the playstation / A: it cannot be controlled; nothing played', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'chill vibes', device: 'playstation' });
  expect(reply.speech).toMatch(/PlayStation 5 doesn't allow Spotify to be controlled remotely/);
  expect(playCall()).toBeUndefined();
});

test('U: play my workout mix on the garage speaker / A: no such device, lists them', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'garage speaker' });
  expect(reply.speech).toMatch(
    /^I can't see a device called garage speaker\. Your devices are: Kitchen speaker/,
  );
  expect(playCall()).toBeUndefined();
});

test('U: play my workout / A: which one? U: the second one / A: Playing Workout Mix 2', async () => {
  const ask = await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
  expect(ask.speech).toMatch(/^Did you mean Workout Mix.* or Workout Mix/);
  expect(ask.endsSession).toBe(false);
  expect(ask.envelope.response.directives?.[0]).toMatchObject({
    type: 'Dialog.ElicitSlot',
    slotToElicit: 'playlist',
  });
  expect(playCall()).toBeUndefined();
  const options = (ask.sessionAttributes.pending as { options: Array<{ name: string }> }).options.map(
    (o) => o.name,
  );
  const reply = await alexa.say('ChooseIntent', { ordinal: '2' });
  expect(reply.speech).toBe(`Playing ${options[1]} on Kitchen speaker.`);
  expect(alexa.calls().filter((c) => c.path === '/v1/me/playlists')).toEqual([]);
});

test('U: play my workout / A: which one? U: workout mix two (the elicited slot) / A: Playing Workout Mix 2', async () => {
  await alexa.say('PlayPlaylistIntent', { playlist: 'workout' });
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix two' });
  expect(reply.speech).toBe('Playing Workout Mix 2 on Kitchen speaker.');
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:playlist:pl-workout-mix-2' });
});

test('U: play my workout (no session) / A: which one? U: the second one (nothing was kept) / A: lost track, nothing played', async () => {
  const envelope = anIntent('PlayPlaylistIntent').slot('playlist', 'workout').linked(alexa.token).build();
  delete (envelope as { session?: unknown }).session;
  const ask = await alexa.send(envelope);
  expect(ask.speech).toMatch(/^Did you mean Workout Mix.* or Workout Mix/);
  expect(ask.envelope.sessionAttributes).toBeUndefined();
  const choose = anIntent('ChooseIntent').slot('ordinal', '2').linked(alexa.token).build();
  delete (choose as { session?: unknown }).session;
  const reply = await alexa.send(choose);
  expect(reply.speech).toBe("Sorry, I've lost track of the choices. Say what you'd like to play again.");
  expect(playCall()).toBeUndefined();
});

test('U: play my workout / A: which one? U: the second one (the session kept garbage options) / A: plays the usable one', async () => {
  const garbage = {
    pending: {
      v: 2,
      intent: 'PlayPlaylistIntent',
      slot: 'playlist',
      options: [
        null,
        7,
        { name: 'Workout Mix 2', id: 'pl-workout-mix-2', uri: 'spotify:playlist:pl-workout-mix-2' },
      ],
      carried: { kind: 'playlist', device: 7 },
    },
  };
  const reply = await alexa.send(
    anIntent('PlayPlaylistIntent').slot('playlist', 'workout mix two').session(garbage).linked(alexa.token),
  );
  expect(reply.speech).toBe('Playing Workout Mix 2 on Kitchen speaker.');
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:playlist:pl-workout-mix-2' });
});

test('U: play my late night (the playlist name ends in a lone surrogate) / A: well-formed speech and card', async () => {
  const id = demo(alexa.emulator).playlistIds![0]!;
  alexa.emulator.state.playlists.get(id)!.name = 'Late Night\ud83d';
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'late night' });
  expect(reply.speech).toBe('Playing Late Night on Kitchen speaker.');
  expect(reply.ssml).not.toMatch(/[\ud800-\udfff]/);
  expect(reply.card?.title).toBe('Late Night');
});

test('U: play my polka favourites / A: not found, suggests listing; nothing played', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'polka favourites' });
  expect(reply.speech).toBe(
    "I couldn't find a playlist called polka favourites in your library. Say, list my playlists, to hear what you have.",
  );
  expect(playCall()).toBeUndefined();
});

test('U: play the playlist peaceful piano / A: found by search when not in the library', async () => {
  demo(alexa.emulator).playlistIds = demo(alexa.emulator).playlistIds?.filter(
    (id) => id !== 'pl-peaceful-piano',
  );
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'peaceful piano' });
  expect(reply.speech).toBe('Playing Peaceful Piano on Kitchen speaker.');
});

test('U: play my liked songs / A: Playing your liked songs on Kitchen speaker.', async () => {
  const reply = await alexa.say('PlayLikedSongsIntent');
  expect(reply.speech).toBe('Playing your liked songs on Kitchen speaker.');
  const body = playCall()?.body as { uris: string[] };
  expect(body.uris.length).toBeGreaterThan(0);
  expect(body.uris.every((u) => u.startsWith('spotify:track:'))).toBe(true);
});

test('U: play my liked songs (none) / A: says how to like one', async () => {
  demo(alexa.emulator).savedTracks = [];
  const reply = await alexa.say('PlayLikedSongsIntent');
  expect(reply.speech).toMatch(/You don't have any liked songs yet/);
  expect(playCall()).toBeUndefined();
});

test('U: play music by queen / A: Playing Queen on Kitchen speaker.', async () => {
  const reply = await alexa.say('PlayArtistIntent', { artist: 'queen' });
  expect(reply.speech).toBe('Playing Queen on Kitchen speaker.');
  expect(alexa.calls()[0]).toMatchObject({
    method: 'GET',
    path: '/v1/search',
    query: { q: 'queen', type: 'artist' },
  });
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:artist:ar-queen' });
});

test('U: play the album discovery by daft punk / A: Playing Discovery by Daft Punk', async () => {
  const reply = await alexa.say('PlayAlbumIntent', { album: 'discovery', artist: 'daft punk' });
  expect(reply.speech).toBe('Playing Discovery by Daft Punk on Kitchen speaker.');
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:album:al-discovery' });
});

test("U: play the song don't stop me now / A: Playing Don't Stop Me Now by Queen", async () => {
  const reply = await alexa.say('PlaySongIntent', { song: "don't stop me now" });
  expect(reply.speech).toBe("Playing Don't Stop Me Now by Queen on Kitchen speaker.");
  expect(playCall()?.body).toEqual({ uris: ['spotify:track:t-dont-stop'] });
});

test('U: play some jazz / A: a jazz playlist from search', async () => {
  const reply = await alexa.say('PlayGenreIntent', { genre: 'jazz' });
  expect(reply.speech).toMatch(/^Playing .*Jazz.* on Kitchen speaker\.$/);
  expect((playCall()?.body as { context_uri: string }).context_uri).toMatch(/^spotify:playlist:/);
});

test('U: play zzyzx qqq (search finds nothing) / A: could not find it', async () => {
  const reply = await alexa.say('PlaySongIntent', { song: 'zzyzx qqq' });
  expect(reply.speech).toBe("I couldn't find zzyzx qqq on Spotify.");
  expect(playCall()).toBeUndefined();
});

test('U: play dinner party (PlaySearch) / A: own playlist before search results', async () => {
  const reply = await alexa.say('PlaySearchIntent', { query: 'dinner party' });
  expect(reply.speech).toBe('Playing Dinner Party on Kitchen speaker.');
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:playlist:pl-dinner-party' });
});

test('U: play daft punk (PlaySearch) / A: the artist from search', async () => {
  const reply = await alexa.say('PlaySearchIntent', { query: 'daft punk' });
  expect(reply.speech).toBe('Playing Daft Punk on Kitchen speaker.');
  expect(playCall()?.body).toEqual({ context_uri: 'spotify:artist:ar-daft-punk' });
});

test('U: play my workout mix (Premium required) / A: explains Premium', async () => {
  demo(alexa.emulator).premium = false;
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Controlling playback needs Spotify Premium on the linked account.');
});

test('U: play my workout mix (no playlists at all) / A: says so, nothing played', async () => {
  demo(alexa.emulator).playlistIds = [];
  alexa.emulator.state.playlists.clear();
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe("You don't have any playlists yet.");
  expect(playCall()).toBeUndefined();
});

describe('"… on the kitchen" with two kitchen devices: the skill asks which one, then plays what was asked', () => {
  beforeEach(() => secondKitchenDevice(alexa.emulator));
  const searches = () => alexa.calls().filter((c) => c.path === '/v1/search');

  test('U: play music by queen on the kitchen / A: Did you mean Kitchen speaker or Kitchen display? U: the second one / A: Playing Queen on Kitchen display.', async () => {
    const question = await alexa.say('PlayArtistIntent', { artist: 'queen', device: 'kitchen' });
    expect(question.speech).toBe('Did you mean Kitchen speaker or Kitchen display?');
    expect(question.endsSession).toBe(false);
    expect(question.envelope.response.directives?.[0]).toMatchObject({
      type: 'Dialog.ElicitSlot',
      slotToElicit: 'device',
      updatedIntent: { name: 'PlayArtistIntent', slots: { artist: { value: 'queen' } } },
    });
    expect(playCall()).toBeUndefined();

    const reply = await alexa.say('ChooseIntent', { ordinal: '2' });
    expect(reply.speech).toBe('Playing Queen on Kitchen display.');
    expect(playCall()).toEqual({
      method: 'PUT',
      path: '/v1/me/player/play',
      query: { device_id: 'dev-kitchen-display' },
      body: { context_uri: expect.stringMatching(/^spotify:artist:/) },
    });
    expect(searches()).toEqual([]);
    expect(reply.sessionAttributes.pending).toBeUndefined();
    expect(player()).toMatchObject({ deviceId: 'dev-kitchen-display', isPlaying: true });
  });

  test('U: play the song bohemian rhapsody on the kitchen / A: which? U: kitchen display (the elicited slot) / A: plays it there without searching again', async () => {
    await alexa.say('PlaySongIntent', { song: 'bohemian rhapsody', device: 'kitchen' });
    const reply = await alexa.say('PlaySongIntent', { song: 'bohemian rhapsody', device: 'kitchen display' });
    expect(reply.speech).toMatch(/^Playing Bohemian Rhapsody by Queen on Kitchen display\.$/);
    expect(playCall()?.query).toEqual({ device_id: 'dev-kitchen-display' });
    expect(playCall()?.body).toEqual({ uris: [expect.stringMatching(/^spotify:track:/)] });
    expect(searches()).toEqual([]);
  });

  test('U: play my workout mix on the kitchen / A: which? U: the living room tv (neither option) / A: the intent runs again with that device', async () => {
    await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'kitchen' });
    const reply = await alexa.say('PlayPlaylistIntent', {
      playlist: 'workout mix',
      device: 'living room tv',
    });
    expect(reply.speech).toBe('Playing Workout Mix on Living Room TV.');
    expect(playCall()?.query).toEqual({ device_id: 'dev-tv' });
  });

  test('U: play my workout on the kitchen / A: which playlist? U: the first one / A: which device? U: the second one / A: plays the chosen playlist on the chosen device', async () => {
    const first = await alexa.say('PlayPlaylistIntent', { playlist: 'workout', device: 'kitchen' });
    expect(first.speech).toMatch(/^Did you mean Workout Mix/);
    const options = (first.sessionAttributes.pending as { options: Array<{ name: string; uri: string }> })
      .options;
    const second = await alexa.say('ChooseIntent', { ordinal: '1' });
    expect(second.speech).toBe('Did you mean Kitchen speaker or Kitchen display?');
    expect(second.envelope.response.directives?.[0]).toMatchObject({
      type: 'Dialog.ElicitSlot',
      slotToElicit: 'device',
      updatedIntent: { name: 'PlayPlaylistIntent' },
    });
    const reply = await alexa.say('ChooseIntent', { ordinal: '2' });
    expect(reply.speech).toBe(`Playing ${options[0].name} on Kitchen display.`);
    expect(playCall()).toMatchObject({
      query: { device_id: 'dev-kitchen-display' },
      body: { context_uri: options[0].uri },
    });
  });
});
