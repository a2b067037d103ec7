/**
 * Spotify's own playlists (Discover Weekly, Release Radar, Daily Mixes, its editorial ones) are out of reach
 * for apps like this one since Spotify's 2024–2026 API changes: the skill says so plainly and sends nothing
 * that cannot succeed, instead of "I couldn't find a playlist called discover weekly".
 */
import { startAlexa, type Alexa } from '../support/harness';
import { playing } from '../support/world';

let alexa: Alexa;
beforeEach(async () => {
  alexa = await startAlexa();
  playing(alexa.emulator, { isPlaying: false });
});
afterEach(() => alexa.close());

const writes = () => alexa.calls().filter((c) => c.method !== 'GET');
const searches = () => alexa.calls().filter((c) => c.path === '/v1/search');

test('U: play my discover weekly playlist / A: Spotify does not let apps play its own playlists; nothing played, nothing searched', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'my discover weekly playlist' });
  expect(reply.speech).toBe(
    "Spotify doesn't let apps like this one play its own playlists, such as discover weekly. Start it in the Spotify app, or ask me for one of yours.",
  );
  expect(writes()).toEqual([]);
  expect(searches()).toEqual([]);
});

test('U: play release radar (a search) / A: the same plain answer; nothing played, nothing searched', async () => {
  const reply = await alexa.say('PlaySearchIntent', { query: 'release radar' });
  expect(reply.speech).toMatch(
    /^Spotify doesn't let apps like this one play its own playlists, such as release radar\./,
  );
  expect(writes()).toEqual([]);
  expect(searches()).toEqual([]);
});

test('U: play daily mix 2 / A: the same plain answer', async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'daily mix 2' });
  expect(reply.speech).toMatch(/such as daily mix 2\./);
  expect(writes()).toEqual([]);
});

test('U: add this song to discover weekly / A: only Spotify can add to it; nothing added', async () => {
  playing(alexa.emulator);
  const reply = await alexa.say('AddToPlaylistIntent', { playlist: 'discover weekly' });
  expect(reply.speech).toBe(
    "discover weekly is one of Spotify's own playlists: only Spotify can add to it. Try one of yours.",
  );
  expect(writes()).toEqual([]);
});

test("U: play my workout mix / A: a playlist of the user's own is not mistaken for one of Spotify's", async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'workout mix' });
  expect(reply.speech).toBe('Playing Workout Mix on Kitchen speaker.');
});

test("U: play the jazz vibes playlist (Spotify's editorial, hidden from apps) / A: not yours, and Spotify's own are out of reach; nothing played", async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'jazz vibes' });
  // Not a name the pack lists: the search's `null` hit (what Spotify sends for a playlist it hides) tells.
  expect(reply.speech).toBe(
    "jazz vibes isn't one of your playlists, and Spotify doesn't let apps like this one play its own. Start it in the Spotify app, or ask me for one of yours.",
  );
  expect(searches()).toHaveLength(1);
  expect(writes()).toEqual([]);
});

test("U: play my polka favourites (no such playlist anywhere) / A: I couldn't find it; Spotify's own are not blamed", async () => {
  const reply = await alexa.say('PlayPlaylistIntent', { playlist: 'polka favourites' });
  expect(reply.speech).toMatch(/^I couldn't find a playlist called polka favourites/);
  expect(writes()).toEqual([]);
});
