/**
 * Play requests the way people say them (issue 13, families 1, 2, 10 and 12): a modifier with what to play,
 * "just play", player commands and Liked Songs said as something to play, empty playlists. Whichever play
 * intent Alexa chose, the words are read the same way (lambda/src/matching/play.ts).
 */
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { activeDevice, demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator, { isPlaying: false });
});
afterEach(() => alexa.close());

const player = () => demo(alexa.emulator).player;
const writes = () => alexa.lines().filter((l) => !l.startsWith('GET '));
const playCall = () => alexa.calls().find((c) => c.method === 'PUT' && c.path === '/v1/me/player/play');
const searched = () => alexa.calls().some((c) => c.path === '/v1/search');
/** Nothing loaded on the active kitchen speaker: "play something" has nothing to resume. */
const nothingLoaded = () => {
  playing(alexa.emulator, { isPlaying: false });
  demo(alexa.emulator).player.trackId = null;
};
/** The size of a playlist in the emulator. */
const sizeOf = (id: string) => alexa.emulator.state.playlists.get(id)?.entries.length ?? 0;

describe('play with a modifier', () => {
  test('U: play dinner party on shuffle on the tv / A: Shuffling Dinner Party on Living Room TV.', async () => {
    const reply = await alexa.say('PlaySearchIntent', { query: 'dinner party on shuffle on the tv' });
    expect(reply.speech).toBe('Shuffling Dinner Party on Living Room TV.');
    // The music first, then shuffle on the same device.
    expect(writes()).toEqual([
      'PUT /v1/me/player/play?device_id=dev-tv',
      'PUT /v1/me/player/shuffle?state=true&device_id=dev-tv',
    ]);
    expect(playCall()?.body).toMatchObject({ context_uri: 'spotify:playlist:pl-dinner-party' });
    expect(player()).toMatchObject({ deviceId: 'dev-tv', shuffle: true, isPlaying: true });
  });

  test('U: shuffle my dinner party playlist / A: Shuffling Dinner Party…, from a song within the playlist', async () => {
    const reply = await alexa.say('ShufflePlayIntent', { query: 'my dinner party playlist' });
    expect(reply.speech).toBe('Shuffling Dinner Party on Kitchen speaker.');
    const body = playCall()?.body as { context_uri: string; offset: { position: number } };
    expect(body.context_uri).toBe('spotify:playlist:pl-dinner-party');
    // Not always the first song: a position inside the playlist.
    expect(body.offset.position).toBeGreaterThanOrEqual(0);
    expect(body.offset.position).toBeLessThan(sizeOf('pl-dinner-party'));
    expect(writes().at(-1)).toBe('PUT /v1/me/player/shuffle?state=true');
  });

  test('U: play my workout mix on shuffle (Alexa put "shuffle" in the device slot) / A: Shuffling Workout Mix…', async () => {
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix', device: 'shuffle' });
    expect(reply.speech).toBe('Shuffling Workout Mix on Kitchen speaker.');
    expect(reply.speech).not.toMatch(/device called/);
    expect(player()).toMatchObject({ contextUri: 'spotify:playlist:pl-workout-mix', shuffle: true });
  });

  test('U: play my chill vibes playlist on repeat please (device slot "repeat please") / A: Repeating…', async () => {
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'chill vibes', device: 'repeat please' });
    expect(reply.speech).toMatch(/^Repeating Chill .*Vibes on Kitchen speaker\.$/);
    expect(writes().at(-1)).toBe('PUT /v1/me/player/repeat?state=context');
  });

  test('U: play the song bohemian rhapsody on repeat / A: Repeating Bohemian Rhapsody by Queen (the song)', async () => {
    const reply = await alexa.say('PlaySongIntent', { song: 'bohemian rhapsody', device: 'repeat' });
    expect(reply.speech).toBe('Repeating Bohemian Rhapsody by Queen on Kitchen speaker.');
    expect(playCall()?.body).toEqual({ uris: ['spotify:track:t-bohemian'] });
    expect(player().repeat).toBe('track');
  });

  test('U: loop my workout mix (a repeat mode that names a playlist) / A: Repeating Workout Mix…', async () => {
    const reply = await alexa.say('RepeatModeIntent', { mode: 'my workout mix' });
    expect(reply.speech).toBe('Repeating Workout Mix on Kitchen speaker.');
    expect(player()).toMatchObject({ contextUri: 'spotify:playlist:pl-workout-mix', repeat: 'context' });
  });

  test('U: play the album abbey road and shuffle it / A: Shuffling Abbey Road… (the album)', async () => {
    const reply = await alexa.say('PlayAlbumIntent', { album: 'abbey road and shuffle it' });
    expect(reply.speech).toMatch(/^Shuffling Abbey Road .*by The Beatles on Kitchen speaker\.$/);
    expect(playCall()?.body).toEqual({ context_uri: 'spotify:album:al-abbey-road' });
  });

  test('"shuffle" is never a device nor part of a name: U: play christmas on shuffle / A: Shuffling…', async () => {
    const reply = await alexa.say('PlaySearchIntent', { query: 'christmas on shuffle' });
    expect(reply.speech).toMatch(/^Shuffling .*Christmas.* on Kitchen speaker\.$/);
    expect(alexa.lines()).not.toContain('GET /v1/me/player/devices?');
    expect(player().shuffle).toBe(true);
  });

  test('U: play road trip 2019 in the garage (no such device) / A: the words are the name, no device error', async () => {
    // "… in the garage" could be a device: no device has that name, so the words are searched as said.
    const reply = await alexa.say('PlaySearchIntent', { query: 'road trip 2019 in the garage' });
    expect(reply.speech).not.toMatch(/device called/);
    expect(alexa.calls().some((c) => c.path === '/v1/me/player/devices')).toBe(true);
  });
});

describe('just play', () => {
  test("U: play something (paused) / A: Resuming Don't Stop Me Now on Kitchen speaker.", async () => {
    const reply = await alexa.say('PlaySearchIntent', { query: 'something' });
    expect(reply.speech).toBe("Resuming Don't Stop Me Now on Kitchen speaker.");
    expect(searched()).toBe(false);
    expect(playCall()?.body).toBeUndefined();
    expect(player()).toMatchObject({ trackId: 't-dont-stop', isPlaying: true });
  });

  test('U: play some music (nothing loaded) / A: Playing your liked songs on Kitchen speaker.', async () => {
    nothingLoaded();
    const reply = await alexa.say('PlayGenreIntent', { genre: 'music' });
    expect(reply.speech).toBe('Playing your liked songs on Kitchen speaker.');
    expect(searched()).toBe(false);
    expect((playCall()?.body as { uris: string[] }).uris[0]).toMatch(/^spotify:track:/);
  });

  test('U: put something on (nothing loaded, no liked songs) / A: the latest thing played', async () => {
    nothingLoaded();
    demo(alexa.emulator).savedTracks = [];
    const reply = await alexa.say('PlaySearchIntent', { query: 'something' });
    expect(reply.speech).toMatch(/^Playing Don't Stop Me Now by Queen on Kitchen speaker\.$/);
    expect(alexa.lines()).toContain('GET /v1/me/player/recently-played?limit=1');
    expect(searched()).toBe(false);
  });

  test('U: play something (nothing loaded, nothing liked, nothing played) / A: says so; nothing sent', async () => {
    nothingLoaded();
    demo(alexa.emulator).savedTracks = [];
    demo(alexa.emulator).recentlyPlayed = [];
    const reply = await alexa.say('PlaySearchIntent', { query: 'something' });
    expect(reply.speech).toMatch(/^There's nothing to pick up from yet/);
    expect(writes()).toEqual([]);
  });

  test("U: play something (already playing) / A: It's already playing.", async () => {
    playing(alexa.emulator);
    const reply = await alexa.say('PlaySearchIntent', { query: 'something' });
    expect(reply.speech).toBe("It's already playing.");
    expect(writes()).toEqual([]);
  });

  test('U: play music in the kitchen (paused on the tv) / A: Resuming… on Kitchen speaker.', async () => {
    playing(alexa.emulator, { deviceId: 'dev-tv', isPlaying: false });
    const reply = await alexa.say('PlaySearchIntent', { query: 'music in the kitchen' });
    expect(reply.speech).toBe("Resuming Don't Stop Me Now on Kitchen speaker.");
    expect(writes()).toEqual(['PUT /v1/me/player/play?device_id=dev-kitchen']);
    expect(activeDevice(alexa.emulator)?.id).toBe('dev-kitchen');
  });

  test('U: play something (no device active) / A: resumes on the one device there is', async () => {
    nothingActive(alexa.emulator);
    const user = demo(alexa.emulator);
    user.devices = user.devices.filter((d) => d.id === 'dev-kitchen');
    const reply = await alexa.say('PlaySearchIntent', { query: 'something' });
    expect(reply.speech).not.toMatch(/went wrong/);
    expect(player().isPlaying).toBe(true);
  });
});

describe('commands and Liked Songs said as something to play', () => {
  test('U: play the next track / A: Skipping. (no search)', async () => {
    playing(alexa.emulator, { contextUri: 'spotify:album:al-night-opera' });
    const reply = await alexa.say('PlaySearchIntent', { query: 'the next track' });
    expect(reply.speech).toBe('Skipping.');
    expect(alexa.lines()).toEqual(['POST /v1/me/player/next']);
  });

  test('U: play the song before / A: Going back.', async () => {
    const second = alexa.emulator.state.playlists.get('pl-workout-mix')?.entries[1]?.uri.split(':')[2];
    playing(alexa.emulator, { trackId: second, contextUri: 'spotify:playlist:pl-workout-mix' });
    const reply = await alexa.say('PlaySongIntent', { song: 'before' });
    expect(reply.speech).toBe('Going back.');
    expect(alexa.lines()).toEqual(['POST /v1/me/player/previous']);
  });

  test('U: play it from the start / A: Starting over.', async () => {
    playing(alexa.emulator);
    const reply = await alexa.say('PlaySearchIntent', { query: 'it from the start' });
    expect(reply.speech).toBe('Starting over.');
    expect(alexa.lines()).toEqual(['PUT /v1/me/player/seek?position_ms=0']);
  });

  test('U: shuffle this playlist / A: Shuffle is on. (nothing restarted)', async () => {
    playing(alexa.emulator);
    const reply = await alexa.say('ShufflePlayIntent', { query: 'this playlist' });
    expect(reply.speech).toBe('Shuffle is on.');
    expect(alexa.lines()).toEqual(['PUT /v1/me/player/shuffle?state=true']);
  });

  test.each([
    ['repeat', 'Repeating the playlist.', 'PUT /v1/me/player/repeat?state=context'],
    ['shuffle please', 'Shuffle is on.', 'PUT /v1/me/player/shuffle?state=true'],
  ])(
    'U: play on %s (Alexa sent a move to a device called that) / A: %s, nothing moved',
    async (device, speech, call) => {
      playing(alexa.emulator);
      const reply = await alexa.say('TransferPlaybackIntent', { device });
      expect(reply.speech).toBe(speech);
      expect(alexa.lines()).toEqual([call]);
    },
  );

  test('U: play this on the tv / A: Moving playback to Living Room TV.', async () => {
    playing(alexa.emulator);
    const reply = await alexa.say('PlaySearchIntent', { query: 'this on the tv' });
    expect(reply.speech).toBe('Moving playback to Living Room TV.');
    expect(activeDevice(alexa.emulator)?.id).toBe('dev-tv');
  });

  test('U: play my library playlist / A: Playing your liked songs on Kitchen speaker.', async () => {
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'library' });
    expect(reply.speech).toBe('Playing your liked songs on Kitchen speaker.');
    expect(alexa.lines().some((l) => l.startsWith('GET /v1/me/playlists'))).toBe(false);
  });

  test('U: play the songs i saved / A: Playing your liked songs…', async () => {
    const reply = await alexa.say('PlaySearchIntent', { query: 'the songs i saved' });
    expect(reply.speech).toBe('Playing your liked songs on Kitchen speaker.');
    expect(searched()).toBe(false);
  });

  test('U: play some queen / A: Playing Queen… (an artist of exactly that name, not a playlist)', async () => {
    const reply = await alexa.say('PlayGenreIntent', { genre: 'queen' });
    expect(reply.speech).toBe('Playing Queen on Kitchen speaker.');
    expect(playCall()?.body).toEqual({ context_uri: 'spotify:artist:ar-queen' });
  });

  test('U: play random access memories by daft punk / A: the album of that name', async () => {
    const reply = await alexa.say('PlaySongIntent', { song: 'random access memories', artist: 'daft punk' });
    expect(reply.speech).toMatch(/^Playing Random Access Memories by Daft Punk/);
    expect(playCall()?.body).toEqual({ context_uri: 'spotify:album:al-ram' });
  });
});

describe('empty playlists', () => {
  test('U: play my sleep playlist (it is empty) / A: Sleep is empty…; nothing played', async () => {
    expect(sizeOf('pl-filler-13')).toBe(0);
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'sleep' });
    expect(reply.speech).toBe(
      'Sleep is empty. Add some songs to it in Spotify, or ask me for another playlist.',
    );
    expect(playCall()).toBeUndefined();
  });

  test('U: play my sleep playlist (two called Sleep, one empty) / A: plays the one with songs', async () => {
    const state = alexa.emulator.state;
    const sleep = state.playlists.get('pl-filler-13');
    if (!sleep) throw new Error('the seed has no Sleep playlist');
    state.playlists.set('pl-sleep-full', {
      ...sleep,
      id: 'pl-sleep-full',
      entries: [{ uri: 'spotify:track:t-hoppipolla', addedAt: '2026-01-01T00:00:00Z', addedBy: 'demo' }],
    });
    const user = demo(alexa.emulator);
    user.playlistIds = [...(user.playlistIds ?? []), 'pl-sleep-full'];
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'sleep' });
    expect(reply.speech).toBe('Playing Sleep on Kitchen speaker.');
    expect(playCall()?.body).toEqual({ context_uri: 'spotify:playlist:pl-sleep-full' });
  });

  test("U: play my workout mix (a library with no playlists) / A: You don't have any playlists yet.", async () => {
    demo(alexa.emulator).playlistIds = [];
    const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
    expect(reply.speech).toBe("You don't have any playlists yet.");
    expect(searched()).toBe(false);
    expect(playCall()).toBeUndefined();
  });
});

test('a question keeps the modifier: U: shuffle my road trip playlist / A: Did you mean…? U: road trip 2019 / A: Shuffling…', async () => {
  const asked = await alexa.say('ShufflePlayIntent', { query: 'my road trip playlist' });
  expect(asked.speech).toMatch(/^Did you mean /);
  const reply = await alexa.send(
    anIntent('PlayPlaylistIntent')
      .slot('playlist', 'road trip 2019')
      .linked(alexa.token)
      .session(asked.sessionAttributes, 'amzn1.echo-api.session.question'),
  );
  expect(reply.speech).toBe('Shuffling Road Trip 2019 on Kitchen speaker.');
  expect(player().shuffle).toBe(true);
});
