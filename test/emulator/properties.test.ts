/**
 * Properties the client relies on, checked over many generated cases (fast-check, fixed seed so a failure
 * reproduces): paging is exact for any limit and offset, and no sequence of player commands makes the
 * emulator answer 5xx or break its own invariants.
 */
import fc from 'fast-check';
import {
  ALL_SCOPES,
  DEMO_PLAYLIST_TOTAL,
  DEV_CAR,
  DEV_KITCHEN,
  DEV_PS5,
  DEV_TV,
  startEmulator,
  type Emulator,
} from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { call } from './http';

describe('properties', () => {
  let emulator: Emulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.issueToken('demo', ALL_SCOPES, 24 * 3600);
    registerSecret(token);
  });
  afterAll(() => emulator.close());

  test('GET /me/playlists: any limit and offset give the right slice, and following next visits every entry once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 80 }),
        async (limit, offset) => {
          const a = await call('GET', `${emulator.apiUrl}/me/playlists?limit=${limit}&offset=${offset}`, {
            token,
          });
          const page = a.json as {
            items: unknown[];
            total: number;
            next: string | null;
            previous: string | null;
          };
          expect(page.total).toBe(DEMO_PLAYLIST_TOTAL);
          expect(page.items).toHaveLength(Math.max(0, Math.min(limit, DEMO_PLAYLIST_TOTAL - offset)));
          expect(page.next !== null).toBe(offset + limit < DEMO_PLAYLIST_TOTAL);
          expect(page.previous !== null).toBe(offset > 0);
          if (offset === 0) {
            let seen = page.items.length;
            let next = page.next;
            for (let i = 0; next && i < 100; i++) {
              const p = (await call('GET', next, { token })).json as {
                items: unknown[];
                next: string | null;
              };
              seen += p.items.length;
              next = p.next;
            }
            expect(seen).toBe(DEMO_PLAYLIST_TOTAL);
          }
        },
      ),
      { numRuns: 40, seed: 20260601 },
    );
  });

  const command = fc.oneof(
    fc.constant(['PUT', '/me/player/pause']),
    fc.constant(['PUT', '/me/player/play']),
    fc.constant(['POST', '/me/player/next']),
    fc.constant(['POST', '/me/player/previous']),
    fc
      .constantFrom(DEV_KITCHEN, DEV_TV, DEV_PS5, DEV_CAR, 'dev-gone')
      .map((d) => ['PUT', `/me/player/play?device_id=${d}`, { context_uri: 'spotify:album:al-jazz' }]),
    fc
      .constantFrom(DEV_KITCHEN, DEV_TV, DEV_PS5, 'dev-gone')
      .map((d) => ['PUT', '/me/player', { device_ids: [d], play: true }]),
    fc.integer({ min: -5, max: 400_000 }).map((ms) => ['PUT', `/me/player/seek?position_ms=${ms}`]),
    fc.integer({ min: -5, max: 105 }).map((v) => ['PUT', `/me/player/volume?volume_percent=${v}`]),
    fc.constantFrom('track', 'context', 'off', 'bogus').map((s) => ['PUT', `/me/player/repeat?state=${s}`]),
    fc.constantFrom('true', 'false').map((s) => ['PUT', `/me/player/shuffle?state=${s}`]),
    fc
      .constantFrom('spotify:track:t-highway', 'spotify:track:nope', 'junk')
      .map((u) => ['POST', `/me/player/queue?uri=${u}`]),
    fc.constant(['GET', '/me/player?additional_types=episode']),
    fc.constant(['GET', '/me/player/queue']),
  ) as fc.Arbitrary<[string, string, unknown?]>;

  test('player commands in any order: never a 5xx, always a JSON error with a status, one active device at most', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        emulator.reset();
        for (const [method, path, body] of commands) {
          const a = await call(method, `${emulator.apiUrl}${path}`, { token, body });
          expect(a.status).toBeLessThan(500);
          if (a.status >= 400) {
            expect((a.json as { error: { status: number } }).error.status).toBe(a.status);
          }
          const demo = emulator.state.users.get('demo')!;
          const active = demo.devices.filter((d) => d.is_active).map((d) => d.id);
          expect(active).toEqual(demo.player.deviceId ? [demo.player.deviceId] : []);
          expect(demo.player.deviceId).not.toBe(DEV_PS5);
        }
      }),
      { numRuns: 60, seed: 20260601 },
    );
  });
});
