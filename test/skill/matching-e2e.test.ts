/**
 * The spoken-name matching table (test/matching/cases.ts) run end to end: each case becomes the demo user's
 * library in the emulator, the user says the name through the real handler, and we check what Spotify was
 * told to do. A name: that one plays (or receives playback); null: nothing is played or moved; a list: the
 * skill asks which, offering exactly those.
 */
import { MATCH_CASES, type MatchCase } from '../matching/cases';
import { aSessionEnded, anIntent } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { demo, playing } from '../support/world';

let alexa: Alexa;
beforeAll(async () => {
  alexa = await startAlexa();
});
afterAll(() => alexa.close());

function arrange(c: MatchCase): Map<string, string> {
  const emulator = alexa.emulator;
  emulator.reset();
  const user = demo(emulator);
  const ids = new Map<string, string>();
  if (c.kind === 'playlist') {
    // Only the case's library exists, so a search fallback cannot find something else to play.
    emulator.state.playlists.clear();
    c.library.forEach((name, i) => {
      const id = `pl-case-${i}`;
      ids.set(id, name);
      emulator.state.playlists.set(id, {
        id,
        name,
        description: '',
        ownerId: 'demo',
        public: false,
        collaborative: false,
        collaborators: [],
        images: [],
        entries: [{ uri: 'spotify:track:t-dont-stop', addedAt: '2026-01-01T00:00:00Z', addedBy: 'demo' }],
        snapshot: 1,
        followers: 0,
      });
    });
    user.playlistIds = [...ids.keys()];
    playing(emulator, { isPlaying: false });
  } else {
    user.devices = c.library.map((name, i) => {
      const id = `dev-case-${i}`;
      ids.set(id, name);
      return {
        id,
        name,
        type: 'Speaker',
        is_active: false,
        is_private_session: false,
        is_restricted: false,
        volume_percent: 50,
        supports_volume: true,
      };
    });
    const first = [...ids.keys()][0];
    playing(emulator, { deviceId: first });
  }
  return ids;
}

const results: boolean[] = [];
let cases = 0;
afterAll(() => {
  const passed = results.filter(Boolean).length;
  // The score is reported in the test names too; this line is for the closing note.
  expect(`${passed}/${results.length}`).toBe(`${results.length}/${results.length}`);
});

test.each(MATCH_CASES.map((c) => [c.kind, c.spoken, JSON.stringify(c.expect), c] as const))(
  '%s: U: "%s" / expect %s',
  async (_kind, _spoken, _expect, c) => {
    let ok = false;
    try {
      const ids = arrange(c);
      // Every case is a different library, so a different user: one warm container keeps each user's
      // playlists and devices apart (lambda/src/spotify/cache.ts), and a case never sees another's.
      const user = `amzn1.ask.account.matching-case-${++cases}`;
      const reply =
        c.kind === 'playlist'
          ? await alexa.send(
              anIntent('PlayPlaylistIntent').slot('playlist', c.spoken).linked(alexa.token).user(user),
            )
          : await alexa.send(
              anIntent('TransferPlaybackIntent').slot('device', c.spoken).linked(alexa.token).user(user),
            );
      const acted = alexa
        .calls()
        .find(
          (r) =>
            r.method === 'PUT' &&
            (r.path === '/v1/me/player/play' || (r.path === '/v1/me/player' && c.kind === 'device')),
        );
      if (typeof c.expect === 'string') {
        expect(acted).toBeDefined();
        const target =
          c.kind === 'playlist'
            ? (acted!.body as { context_uri: string }).context_uri.replace('spotify:playlist:', '')
            : (acted!.body as { device_ids: string[] }).device_ids[0];
        expect(ids.get(target)).toBe(c.expect);
      } else if (c.expect === null) {
        expect(acted).toBeUndefined();
        // Nothing played, and the answer says why: not found, or (issue 13) one of Spotify's own playlists.
        expect(reply.speech).toMatch(
          /couldn't find|can't see|don't have any|^Which (playlist|device)\?|^Spotify doesn't let apps like this one play its own playlists/,
        );
      } else {
        expect(acted).toBeUndefined();
        const offered = (
          (reply.sessionAttributes.pending as { options?: Array<{ name: string }> })?.options ?? []
        ).map((o) => o.name);
        expect(new Set(offered)).toEqual(new Set(c.expect));
      }
      ok = true;
    } finally {
      results.push(ok);
      // Each case starts a fresh session.
      await alexa.send(aSessionEnded().linked(alexa.token));
    }
  },
);
