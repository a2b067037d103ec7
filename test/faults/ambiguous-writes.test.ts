/**
 * Ambiguous writes: a fault proxy between the skill and the emulator forwards the write (Spotify applies it)
 * and then loses the answer: a 500, a reset, no answer at all, a truncated body, an HTML page with the real
 * status. Or, as a control, it fails the write *before* forwarding (Spotify never sees it). Then the user
 * says the same thing again with the faults gone:
 *
 *   U: add this song to workout mix         A: Added Don't Stop Me Now to Workout Mix.  (applied)
 *   U: add this song to workout mix         A: ... already at the end ... (not added twice)
 *
 * Asserted: 0 duplicates after the repeat, no "try again" for a write that was applied, and a truthful
 * answer when it was not. `SHOW_TABLE=1` prints the table that docs/robustness.md holds.
 */
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { createLogger } from '../../lambda/src/util/logger';
import { startEmulator } from '../../tools/spotify-emulator';
import { startFaultProxy, type AfterMode, type BeforeFault, type ProxyRule } from '../support/fault-proxy';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { startAlexa, type Reply } from '../support/harness';
import { captureSink } from '../support/log-capture';
import { demo, playing } from '../support/world';

interface Write {
  name: string;
  intent: string;
  slots: Record<string, string>;
  matches: ProxyRule['match'];
  done: string;
  again: string;
}

const TRACK = 't-dont-stop';
const WRITES: Write[] = [
  {
    name: 'add to playlist (POST /playlists/{id}/items)',
    intent: 'AddToPlaylistIntent',
    slots: { playlist: 'workout mix' },
    matches: (r) => r.method === 'POST' && r.path === '/v1/playlists/pl-workout-mix/items',
    done: "Added Don't Stop Me Now to Workout Mix.",
    again:
      "Don't Stop Me Now is already at the end of Workout Mix: it was added a moment ago, so I didn't add it again.",
  },
  {
    name: 'create playlist (POST /me/playlists)',
    intent: 'CreatePlaylistIntent',
    slots: { name: 'road trip' },
    matches: (r) => r.method === 'POST' && r.path === '/v1/me/playlists',
    done: 'Created the playlist road trip.',
    again:
      "You already have an empty playlist called road trip, made a moment ago, so I didn't make another.",
  },
  {
    name: 'like this song (PUT /me/library)',
    intent: 'SaveSongIntent',
    slots: {},
    matches: (r) => r.method === 'PUT' && r.path === '/v1/me/library',
    done: "Saved Don't Stop Me Now to your Liked Songs.",
    again: "Saved Don't Stop Me Now to your Liked Songs.",
  },
];

type Fault = { label: string; after?: AfterMode; before?: BeforeFault };
const FAULTS: Fault[] = [
  { label: 'forwarded, then 500', after: '500' },
  { label: 'forwarded, then reset', after: 'reset' },
  { label: 'forwarded, then no answer', after: 'hang' },
  { label: 'forwarded, then truncated body', after: 'truncated' },
  { label: 'forwarded, then HTML with the real status', after: 'html' },
  { label: 'not forwarded: 500', before: { status: 500, body: '' } },
  { label: 'not forwarded: reset', before: { reset: true } },
];

const table: string[] = [];
afterAll(() => {
  if (process.env.SHOW_TABLE) process.stderr.write(`${table.sort().join('\n')}\n`);
});

const CASES = WRITES.flatMap((w) => FAULTS.map((f) => [`${w.name}, ${f.label}`, w, f] as const));

test.concurrent.each(CASES)(
  '%s: the answer says what happened; said again, nothing is doubled',
  async (_name, write, fault) => {
    const emulator = await startEmulator();
    const proxy = await startFaultProxy(emulator.url);
    const logger = createLogger({ sink: captureSink, level: 'debug' });
    const apiUrl = `${proxy.url}/v1`;
    const alexa = await startAlexa({
      emulator,
      deps: {
        config: { spotifyApiUrl: apiUrl, budgetMs: 6000 },
        spotify: createSpotifyClientFactory({ baseUrl: apiUrl, logger }),
      },
    });
    try {
      playing(emulator, { trackId: TRACK });
      const user = demo(emulator);
      const count = (): number => {
        if (write.intent === 'AddToPlaylistIntent')
          return emulator.state.playlists
            .get('pl-workout-mix')!
            .entries.filter((e) => e.uri === `spotify:track:${TRACK}`).length;
        if (write.intent === 'CreatePlaylistIntent')
          return [...emulator.state.playlists.values()].filter((p) => p.name === 'road trip').length;
        return (user.savedTracks ?? []).filter((s) => s.trackId === TRACK).length;
      };
      const before = write.intent === 'SaveSongIntent' ? 0 : count();
      user.savedTracks = (user.savedTracks ?? []).filter((s) => s.trackId !== TRACK);

      proxy.add({ match: write.matches, after: fault.after, before: fault.before });
      const first: Reply = await alexa.say(write.intent, write.slots);
      const applied = count() - before;
      expect(proxy.hits).toBeGreaterThan(0);
      proxy.clear();
      const second: Reply = await alexa.say(write.intent, write.slots);
      const total = count() - before;

      if (fault.after) {
        // Spotify applied it: the answer is the success sentence, never "try again".
        expect(applied).toBe(1);
        expect(first.speech).toBe(write.done);
        expect(second.speech).toBe(write.again);
      } else {
        // Spotify never saw it: not claimed as done; said again, it is done once.
        expect(applied).toBe(0);
        expect(first.speech).not.toBe(write.done);
        expect(first.speech).toMatch(/Spotify isn't answering/);
        expect(second.speech).toBe(write.done);
      }
      expect(total).toBe(1);
      table.push(
        `| ${write.name} | ${fault.label} | ${applied ? 'yes' : 'no'} | ${first.speech} | ${second.speech} | ${total} |`,
      );
    } finally {
      await alexa.close();
      await proxy.close();
      await emulator.close();
    }
  },
  30_000,
);

test('add to playlist, forwarded then 500, and the read-back fails too: "didn\'t confirm", no "try again"; said again, added once', async () => {
  const emulator = await startEmulator();
  const proxy = await startFaultProxy(emulator.url);
  const apiUrl = `${proxy.url}/v1`;
  const alexa = await startAlexa({
    emulator,
    deps: {
      config: { spotifyApiUrl: apiUrl, budgetMs: 6000 },
      spotify: createSpotifyClientFactory({ baseUrl: apiUrl, logger: createLogger({ sink: captureSink }) }),
    },
  });
  try {
    playing(emulator, { trackId: TRACK });
    const entries = () =>
      emulator.state.playlists
        .get('pl-workout-mix')!
        .entries.filter((e) => e.uri === `spotify:track:${TRACK}`);
    const before = entries().length;
    proxy.add({ match: WRITES[0].matches, after: '500' });
    // The read-back (the entries after the old end) fails; the duplicate check before the POST does not.
    proxy.add({ match: (r) => r.method === 'GET' && /limit=10/.test(r.url), before: { status: 503 } });
    const first = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
    expect(first.speech).toBe(
      "Spotify didn't confirm whether Don't Stop Me Now was added to Workout Mix. If you ask again, I'll check first, so it won't be added twice.",
    );
    expect(first.speech).not.toMatch(/try again/i);
    expect(entries().length).toBe(before + 1);
    proxy.clear();
    const again = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
    expect(again.speech).toBe(WRITES[0].again);
    expect(entries().length).toBe(before + 1);
  } finally {
    await alexa.close();
    await proxy.close();
    await emulator.close();
  }
});

/**
 * The duplicate check (read the playlist's end before adding) costs a round trip, so it runs only when this
 * skill sent the same add lately; what it sent is remembered per user in the store, which every container
 * shares. A repeat after a lost answer that lands on a fresh container (no warm index) is still checked.
 */
describe('the duplicate check is taken when the same add was sent lately, on any container', () => {
  test('U: add this song to workout mix (answer lost) / then, on a new container: A: already at the end; added once', async () => {
    const emulator = await startEmulator();
    const proxy = await startFaultProxy(emulator.url);
    const apiUrl = `${proxy.url}/v1`;
    const store = new MemoryPersistenceAdapter();
    const container = () =>
      startAlexa({
        emulator,
        deps: {
          config: { spotifyApiUrl: apiUrl, budgetMs: 6000 },
          spotify: createSpotifyClientFactory({
            baseUrl: apiUrl,
            logger: createLogger({ sink: captureSink }),
          }),
          persistence: store,
        },
      });
    const first = await container();
    const second = await container();
    try {
      playing(emulator, { trackId: TRACK });
      const entries = () =>
        emulator.state.playlists
          .get('pl-workout-mix')!
          .entries.filter((e) => e.uri === `spotify:track:${TRACK}`).length;
      const before = entries();
      proxy.add({ match: WRITES[0].matches, after: 'reset' });
      expect((await first.say('AddToPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
        WRITES[0].done,
      );
      proxy.clear();
      const again = await second.say('AddToPlaylistIntent', { playlist: 'workout mix' });
      expect(again.speech).toBe(WRITES[0].again);
      expect(
        second.lines().filter((l) => l.startsWith('GET /v1/playlists/pl-workout-mix/items')),
      ).toHaveLength(1);
      expect(entries()).toBe(before + 1);
    } finally {
      await first.close();
      await second.close();
      await proxy.close();
      await emulator.close();
    }
  });

  test('U: add this song to workout mix, then the next song / A: each added at once, no read of the playlist first', async () => {
    const alexa = await startAlexa();
    try {
      playing(alexa.emulator, { trackId: TRACK });
      expect((await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' })).speech).toBe(
        WRITES[0].done,
      );
      expect(alexa.lines().filter((l) => l.includes('/items'))).toEqual([
        'POST /v1/playlists/pl-workout-mix/items',
      ]);
      playing(alexa.emulator, { trackId: 't-eye-tiger' });
      const next = await alexa.say('AddToPlaylistIntent', { playlist: 'workout mix' });
      expect(next.speech).toMatch(/^Added .+ to Workout Mix\.$/);
      expect(alexa.lines().filter((l) => l.startsWith('POST'))).toEqual([
        'POST /v1/playlists/pl-workout-mix/items',
      ]);
    } finally {
      await alexa.close();
    }
  });
});
