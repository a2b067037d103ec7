/** Playlists and the library: list, more, add the current song, create, queue, like. */
import { anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { demo, nothingActive, playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator, { trackId: 't-dont-stop' });
});
afterEach(() => alexa.close());

const playlist = (id: string) => alexa.emulator.state.playlists.get(id)!;

test('U: list my playlists / A: count and the first five; U: more / A: the next five', async () => {
  const first = await alexa.say('ListPlaylistsIntent');
  expect(first.speech).toMatch(
    /^You have \d+ playlists\. The first 5 are: .+\. Say, more, to hear the next ones\.$/,
  );
  expect(first.endsSession).toBe(false);
  expect(alexa.lines()).toEqual(['GET /v1/me/playlists?limit=10&offset=0']);
  const more = await alexa.say('MoreIntent');
  expect(more.speech).toMatch(/^The next 5 are: .+\./);
  expect(alexa.lines()).toEqual(['GET /v1/me/playlists?limit=10&offset=6']);
  expect(more.speech).not.toEqual(first.speech);
});

test('U: list my playlists (none) / A: none yet', async () => {
  demo(alexa.emulator).playlistIds = [];
  expect((await alexa.say('ListPlaylistsIntent')).speech).toBe("You don't have any playlists yet.");
});

test('U: more (nothing was listed) / A: nothing more to read', async () => {
  expect((await alexa.say('MoreIntent')).speech).toBe("There's nothing more to read.");
  expect(alexa.lines()).toEqual([]);
});

test.each([
  ['beyond the end of the list', 70],
  ['negative', -5],
  ['not whole', 2.5],
  ['a string', '5'],
  ['absurd', 1e21],
])(
  'U: more (session offset %s) / A: nothing more to read, and the offset is dropped',
  async (_what, offset) => {
    expect(demo(alexa.emulator).playlistIds?.length).toBeLessThan(70);
    const reply = await alexa.send(
      anIntent('MoreIntent')
        .linked(alexa.token)
        .session({ playlistOffset: offset }, 'amzn1.echo-api.session.x'),
    );
    expect(reply.speech).toBe("There's nothing more to read.");
    expect(reply.speech).not.toMatch(/next 0/);
    expect(reply.sessionAttributes.playlistOffset).toBeUndefined();
    // Only an offset Spotify could page to is asked for.
    expect(alexa.lines().every((l) => /offset=70&|offset=70$/.test(l))).toBe(true);
  },
);

/** A one-shot request: an IntentRequest without a `session`, which ask-sdk refuses session attributes for. */
const sessionless = (intent: string) => {
  const envelope = anIntent(intent).linked(alexa.token).build();
  delete (envelope as { session?: unknown }).session;
  return envelope;
};

test('U: list my playlists (no session) / A: count and the first ones, without offering "more" it could not keep', async () => {
  const reply = await alexa.send(sessionless('ListPlaylistsIntent'));
  expect(reply.speech).toMatch(/^You have \d+ playlists\. The first \d are: [^.]+\.$/);
  expect(reply.endsSession).toBe(true);
  expect(reply.envelope.sessionAttributes).toBeUndefined();
  expect(alexa.lines()).toEqual(['GET /v1/me/playlists?limit=10&offset=0']);
});

test('U: more (no session) / A: nothing more to read', async () => {
  const reply = await alexa.send(sessionless('MoreIntent'));
  expect(reply.speech).toBe("There's nothing more to read.");
  expect(alexa.lines()).toEqual([]);
});

test("U: add this song to workout mix / A: Added Don't Stop Me Now to Workout Mix. (once)", async () => {
  const before = playlist('pl-workout-mix').entries.length;
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe("Added Don't Stop Me Now to Workout Mix.");
  const posts = alexa.calls().filter((c) => c.method === 'POST');
  expect(posts).toEqual([
    {
      method: 'POST',
      path: '/v1/playlists/pl-workout-mix/items',
      query: {},
      body: { uris: ['spotify:track:t-dont-stop'] },
    },
  ]);
  expect(playlist('pl-workout-mix').entries.length).toBe(before + 1);
});

test("U: add this song to priya's indie finds / A: not yours, nothing added", async () => {
  const before = playlist('pl-priya-indie').entries.length;
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: "priya's indie finds" });
  expect(reply.speech).toBe("Priya's Indie Finds isn't yours, so I can't add songs to it.");
  expect(alexa.calls().filter((c) => c.method === 'POST')).toEqual([]);
  expect(playlist('pl-priya-indie').entries.length).toBe(before);
});

test('U: add this song to road trip with sam (collaborative) / A: added', async () => {
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'road trip with sam' });
  // Spoken without the emoji (the card and screen keep it).
  expect(reply.speech).toBe("Added Don't Stop Me Now to Road Trip (with Sam).");
});

test('U: add this song to my playlist (nothing playing) / A: nothing to add', async () => {
  nothingActive(alexa.emulator);
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe("Nothing is playing, so there's nothing to add.");
  expect(alexa.calls().filter((c) => c.method === 'POST')).toEqual([]);
});

test('U: create a playlist called road trip / A: Created the playlist road trip. (once)', async () => {
  const before = alexa.emulator.state.playlists.size;
  const reply = await alexa.say('CreatePlaylistIntent', { name: 'road trip' });
  expect(reply.speech).toBe('Created the playlist road trip.');
  expect(alexa.calls().filter((c) => c.method === 'POST')).toEqual([
    { method: 'POST', path: '/v1/me/playlists', query: {}, body: { name: 'road trip', public: false } },
  ]);
  expect(alexa.emulator.state.playlists.size).toBe(before + 1);
});

test('U: create a playlist called road trip, twice / A: created; then: already made a moment ago (one playlist)', async () => {
  const before = alexa.emulator.state.playlists.size;
  expect((await alexa.say('CreatePlaylistIntent', { name: 'road trip' })).speech).toBe(
    'Created the playlist road trip.',
  );
  const again = await alexa.say('CreatePlaylistIntent', { name: 'Road Trip' });
  expect(again.speech).toBe(
    "You already have an empty playlist called Road Trip, made a moment ago, so I didn't make another.",
  );
  expect(alexa.calls().filter((c) => c.method === 'POST')).toEqual([]);
  expect(alexa.emulator.state.playlists.size).toBe(before + 1);
});

test('U: add this song to workout mix, twice / A: added; then: already at the end (added once)', async () => {
  const count = () =>
    playlist('pl-workout-mix').entries.filter((e) => e.uri === 'spotify:track:t-dont-stop').length;
  const before = count();
  expect((await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
    "Added Don't Stop Me Now to Workout Mix.",
  );
  const again = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(again.speech).toBe(
    "Don't Stop Me Now is already at the end of Workout Mix: it was added a moment ago, so I didn't add it again.",
  );
  expect(alexa.calls().filter((c) => c.method === 'POST')).toEqual([]);
  expect(count()).toBe(before + 1);
});

test('U: create a playlist (no name) / A: asks for the name', async () => {
  const reply = await alexa.say('CreatePlaylistIntent');
  expect(reply.speech).toBe('What should the new playlist be called?');
  expect(reply.envelope.response.directives?.[0]).toMatchObject({
    type: 'Dialog.ElicitSlot',
    slotToElicit: 'name',
  });
});

test('U: queue eye of the tiger / A: Added Eye of the Tiger by Survivor to the queue.', async () => {
  const reply = await alexa.say('QueueSongIntent', { song: 'eye of the tiger' });
  expect(reply.speech).toBe('Added Eye of the Tiger by Survivor to the queue.');
  expect(alexa.lines().at(-1)).toBe('POST /v1/me/player/queue?uri=spotify%3Atrack%3At-eye-tiger');
});

test("U: like this song / A: Saved Don't Stop Me Now to your Liked Songs.", async () => {
  const reply = await alexa.say('SaveSongIntent');
  expect(reply.speech).toBe("Saved Don't Stop Me Now to your Liked Songs.");
  expect(alexa.lines()).toEqual([
    'GET /v1/me/player?additional_types=episode',
    'PUT /v1/me/library?uris=spotify%3Atrack%3At-dont-stop',
  ]);
});

test('U: like this song (nothing playing) / A: nothing to save', async () => {
  nothingActive(alexa.emulator);
  expect((await alexa.say('SaveSongIntent')).speech).toBe("Nothing is playing, so there's nothing to save.");
});

test('U: add this song to workout mix; later, another song (warm) / A: added: the end of the playlist is read with the song, then one POST', async () => {
  expect((await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
    "Added Don't Stop Me Now to Workout Mix.",
  );
  playing(alexa.emulator, { trackId: 't-bohemian' });
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Added Bohemian Rhapsody to Workout Mix.');
  const lines = alexa.lines();
  // The playlist is known from the warm index: its last entries and the current song in one round trip.
  expect(lines.slice(0, 2).sort()).toEqual([
    expect.stringMatching(/^GET \/v1\/me\/player\b/),
    expect.stringMatching(/^GET \/v1\/playlists\/pl-workout-mix\/items\?limit=6&offset=\d+$/),
  ]);
  expect(lines.slice(2)).toEqual(['POST /v1/playlists/pl-workout-mix/items']);
  expect(playlist('pl-workout-mix').entries.at(-1)?.uri).toBe('spotify:track:t-bohemian');
});

test('workout mix deleted in the Spotify app after the index was cached / U: add this song to workout mix: nothing is added to it, the index is read again', async () => {
  await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  alexa.emulator.state.playlists.delete('pl-workout-mix');
  const user = demo(alexa.emulator);
  user.playlistIds = user.playlistIds!.filter((id) => id !== 'pl-workout-mix');
  playing(alexa.emulator, { trackId: 't-bohemian' });

  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
  const lines = alexa.lines();
  expect(lines).toContain('GET /v1/me/playlists?limit=50&offset=0');
  expect(alexa.emulator.log.some((r) => r.status === 404)).toBe(true);
  expect(lines).not.toContain('POST /v1/playlists/pl-workout-mix/items');
  expect(reply.speech).not.toBe('Added Bohemian Rhapsody to Workout Mix.');
});
