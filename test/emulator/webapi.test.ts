/**
 * The Web API part of the emulator enforces what Spotify enforces (tokens, scopes, Premium, active device,
 * stale ids, restricted devices, limits, removed endpoints) and its player state behaves.
 */
import {
  ALL_SCOPES,
  arrangeIdle,
  arrangePlaying,
  BEDROOM_IDLE_MS,
  DEMO_PLAYLIST_TOTAL,
  DEV_BEDROOM,
  DEV_CAR,
  DEV_KITCHEN,
  DEV_PS5,
  DEV_TV,
  NOT_ALLOWLISTED_TEXT,
  EPISODE_CHORUSES,
  PL_PRIYA_INDIE,
  PL_PRIYA_ROAD_TRIP,
  PL_PRIYA_SECRET,
  PL_TOP_HITS,
  PL_WORKOUT_MIX,
  PL_WORKOUT_MIX_2,
  REMOVED_ENDPOINTS,
  startEmulator,
  type Emulator,
} from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { call, errorOf, type Answer } from './http';

type Json = Record<string, unknown>;

describe('Web API', () => {
  let emulator: Emulator;
  let clock: number;
  let demo: string;
  beforeAll(async () => {
    clock = Date.UTC(2026, 5, 1, 12);
    emulator = await startEmulator({ now: () => clock });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    demo = tokenFor('demo');
  });

  function tokenFor(user: string, scopes: string[] = ALL_SCOPES): string {
    const t = emulator.issueToken(user, scopes);
    registerSecret(t);
    return t;
  }
  const api = (
    method: string,
    path: string,
    opts: { token?: string | null; body?: unknown } = {},
  ): Promise<Answer> =>
    call(method, `${emulator.apiUrl}${path}`, {
      token: opts.token === null ? undefined : (opts.token ?? demo),
      body: opts.body,
    });
  const player = () => emulator.state.users.get('demo')!.player;
  const playbackOf = async () => (await api('GET', '/me/player?additional_types=episode')).json as Json;
  const playOn = (device: string, body: unknown) =>
    api('PUT', `/me/player/play?device_id=${device}`, { body });

  describe('tokens', () => {
    test('missing: 401; unknown: 401; expired: 401; not Bearer: 400', async () => {
      expect((await api('GET', '/me', { token: null })).status).toBe(401);
      expect(errorOf(await api('GET', '/me', { token: null })).message).toBe('No token provided');
      expect((await api('GET', '/me', { token: 'made-up-token' })).status).toBe(401);
      const t = tokenFor('demo');
      expect((await api('GET', '/me', { token: t })).status).toBe(200);
      emulator.expireToken(t);
      expect((await api('GET', '/me', { token: t })).status).toBe(401);
      const basicAuth = await call('GET', `${emulator.apiUrl}/me`, {
        headers: { Authorization: 'Basic abcdef' },
      });
      expect(basicAuth.status).toBe(400);
    });

    test('a user not on the app allowlist gets 403 in plain text on every call', async () => {
      const a = await api('GET', '/me/player/devices', { token: tokenFor('stranger') });
      expect(a.status).toBe(403);
      expect(a.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(a.text).toBe(NOT_ALLOWLISTED_TEXT);
      expect(a.json).toBeUndefined();
    });

    test('issueToken ttl follows the clock', async () => {
      const t = emulator.issueToken('demo', ALL_SCOPES, 10);
      registerSecret(t);
      clock += 9_999;
      expect((await api('GET', '/me', { token: t })).status).toBe(200);
      clock += 1;
      expect((await api('GET', '/me', { token: t })).status).toBe(401);
    });
  });

  describe('scopes', () => {
    test.each([
      ['PUT', '/me/player/pause', 'user-modify-playback-state'],
      ['GET', '/me/player', 'user-read-playback-state'],
      ['GET', '/me/player/devices', 'user-read-playback-state'],
      ['GET', '/me/playlists', 'playlist-read-private'],
      ['GET', '/me/tracks', 'user-library-read'],
      ['PUT', '/me/library?uris=spotify:track:t-highway', 'user-library-modify'],
      ['GET', '/me/player/recently-played', 'user-read-recently-played'],
      ['POST', `/playlists/${PL_WORKOUT_MIX}/items`, 'playlist-modify-private'],
      ['POST', `/playlists/${PL_WORKOUT_MIX_2}/items`, 'playlist-modify-public'],
    ])('%s %s needs %s: 403 "Insufficient client scope" without it', async (method, path, scope) => {
      const without = tokenFor(
        'demo',
        ALL_SCOPES.filter((s) => s !== scope),
      );
      const a = await api(method, path, {
        token: without,
        body: method === 'POST' ? { uris: ['spotify:track:t-highway'] } : undefined,
      });
      expect(a.status).toBe(403);
      expect(errorOf(a).message).toBe('Insufficient client scope');
      const only = tokenFor('demo', [scope]);
      const b = await api(method, path, {
        token: only,
        body: method === 'POST' ? { uris: ['spotify:track:t-highway'] } : undefined,
      });
      expect(b.status).not.toBe(403);
    });

    test('creating a private playlist needs playlist-modify-private, a public one playlist-modify-public', async () => {
      const pub = tokenFor('demo', ['playlist-modify-public']);
      expect(
        (await api('POST', '/me/playlists', { token: pub, body: { name: 'A', public: false } })).status,
      ).toBe(403);
      expect((await api('POST', '/me/playlists', { token: pub, body: { name: 'A' } })).status).toBe(201);
    });

    test('GET /me and search need no scope', async () => {
      const none = tokenFor('demo', []);
      expect((await api('GET', '/me', { token: none })).status).toBe(200);
      expect((await api('GET', '/search?q=queen&type=artist', { token: none })).status).toBe(200);
    });
  });

  describe('Premium', () => {
    test.each([
      ['PUT', '/me/player/play'],
      ['PUT', '/me/player/pause'],
      ['POST', '/me/player/next'],
      ['PUT', '/me/player/volume?volume_percent=10'],
      ['PUT', '/me/player'],
    ])('a free user gets 403 PREMIUM_REQUIRED for %s %s', async (method, path) => {
      const a = await api(method, path, {
        token: tokenFor('free'),
        body: { device_ids: ['dev-free-phone'] },
      });
      expect(a.status).toBe(403);
      expect(errorOf(a).reason).toBe('PREMIUM_REQUIRED');
    });

    test('a free user may still read: devices, playlists; /me does not reveal the product', async () => {
      const free = tokenFor('free');
      expect((await api('GET', '/me/player/devices', { token: free })).status).toBe(200);
      expect((await api('GET', '/me/playlists', { token: free })).status).toBe(200);
      const me = (await api('GET', '/me', { token: free })).json as Json;
      expect(me.display_name).toBe('Free Listener');
      expect(me).not.toHaveProperty('product');
    });
  });

  describe('player', () => {
    test('nothing playing at start: GET /me/player and currently-playing answer 204 with no body', async () => {
      for (const path of ['/me/player', '/me/player/currently-playing']) {
        const a = await api('GET', path);
        expect(a.status).toBe(204);
        expect(a.text).toBe('');
      }
    });

    test('commands without an active device: 404 NO_ACTIVE_DEVICE', async () => {
      for (const [method, path] of [
        ['PUT', '/me/player/pause'],
        ['PUT', '/me/player/play'],
        ['POST', '/me/player/next'],
        ['PUT', '/me/player/seek?position_ms=0'],
        ['PUT', '/me/player/shuffle?state=true'],
        ['POST', '/me/player/queue?uri=spotify:track:t-highway'],
      ]) {
        const a = await api(method, path);
        expect([method, path, a.status, errorOf(a).reason]).toEqual([method, path, 404, 'NO_ACTIVE_DEVICE']);
      }
    });

    test('play a playlist on a device: active, playing, context and item set; next and previous walk it', async () => {
      expect((await playOn(DEV_KITCHEN, { context_uri: `spotify:playlist:${PL_WORKOUT_MIX}` })).status).toBe(
        204,
      );
      let s = await playbackOf();
      expect(s).toMatchObject({
        device: { id: DEV_KITCHEN, is_active: true, name: 'Kitchen speaker' },
        is_playing: true,
        context: { type: 'playlist', uri: `spotify:playlist:${PL_WORKOUT_MIX}` },
        item: { name: 'Eye of the Tiger', type: 'track' },
        currently_playing_type: 'track',
        actions: { disallows: { resuming: true, skipping_prev: true } },
      });
      expect(
        ((await api('GET', '/me/player/devices')).json as { devices: Json[] }).devices.filter(
          (d) => d.is_active,
        ),
      ).toEqual([expect.objectContaining({ id: DEV_KITCHEN })]);
      expect((await api('POST', '/me/player/next')).status).toBe(204);
      s = await playbackOf();
      expect((s.item as Json).name).toBe('Stronger');
      expect((await api('POST', '/me/player/previous')).status).toBe(204);
      expect(((await playbackOf()).item as Json).name).toBe('Eye of the Tiger');
      const atStart = await api('POST', '/me/player/previous');
      expect([atStart.status, errorOf(atStart).reason]).toEqual([403, 'NO_PREV_TRACK']);
    });

    test('the end of a context: NO_NEXT_TRACK, unless repeat context wraps around', async () => {
      await playOn(DEV_KITCHEN, {
        context_uri: `spotify:playlist:${PL_WORKOUT_MIX}`,
        offset: { position: 5 },
      });
      expect(player().trackId).toBe('t-dont-stop');
      const end = await api('POST', '/me/player/next');
      expect([end.status, errorOf(end).reason]).toEqual([403, 'NO_NEXT_TRACK']);
      expect((await api('PUT', '/me/player/repeat?state=context')).status).toBe(204);
      expect((await api('POST', '/me/player/next')).status).toBe(204);
      expect(player().trackId).toBe('t-eye-tiger');
    });

    test('offset by uri, position_ms and uris instead of a context', async () => {
      await playOn(DEV_TV, {
        context_uri: 'spotify:album:al-jazz',
        offset: { uri: 'spotify:track:t-fat-bottomed' },
        position_ms: 5000,
      });
      expect(player()).toMatchObject({ trackId: 't-fat-bottomed', progressMs: 5000, deviceId: DEV_TV });
      await playOn(DEV_TV, { uris: ['spotify:track:t-highway', 'spotify:track:t-wonderwall'] });
      const s = await playbackOf();
      expect(s.context).toBeNull();
      expect((s.item as Json).name).toBe('Highway to Hell');
      await api('POST', '/me/player/next');
      expect(player().trackId).toBe('t-wonderwall');
    });

    test('bad play bodies: 400 for malformed, 404 for unknown content', async () => {
      expect((await playOn(DEV_KITCHEN, { context_uri: 'not-a-uri' })).status).toBe(400);
      expect((await playOn(DEV_KITCHEN, { uris: ['spotify:track:nope'] })).status).toBe(404);
      expect((await playOn(DEV_KITCHEN, '{"context_uri": "spotify:album:al-ja')).status).toBe(400);
      expect(
        (await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz', offset: { position: 99 } }))
          .status,
      ).toBe(404);
    });

    test('pause, pausing while paused is a restriction (403 UNKNOWN), resume', async () => {
      await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz' });
      const resumeWhilePlaying = await api('PUT', '/me/player/play');
      expect([resumeWhilePlaying.status, errorOf(resumeWhilePlaying).reason]).toEqual([403, 'UNKNOWN']);
      expect((await api('PUT', '/me/player/pause')).status).toBe(204);
      expect(player().isPlaying).toBe(false);
      const again = await api('PUT', '/me/player/pause');
      expect([again.status, errorOf(again).reason]).toEqual([403, 'UNKNOWN']);
      expect((await api('PUT', '/me/player/play')).status).toBe(204);
      expect(player().isPlaying).toBe(true);
    });

    test('a stale device id: 404 "Device not found" without a reason', async () => {
      for (const a of [
        await playOn('dev-gone', { context_uri: 'spotify:album:al-jazz' }),
        await api('PUT', '/me/player', { body: { device_ids: ['dev-gone'] } }),
      ]) {
        expect(a.status).toBe(404);
        expect(errorOf(a)).toEqual({ status: 404, message: 'Device not found' });
      }
    });

    test('a restricted device refuses commands: 403 UNKNOWN', async () => {
      const a = await playOn(DEV_PS5, { context_uri: 'spotify:album:al-jazz' });
      expect([a.status, errorOf(a).reason]).toEqual([403, 'UNKNOWN']);
      const t = await api('PUT', '/me/player', { body: { device_ids: [DEV_PS5], play: true } });
      expect(t.status).toBe(403);
      expect(player().deviceId).toBeNull();
    });

    test('transfer: one id only; play:true starts, play absent keeps paused', async () => {
      await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz' });
      await api('PUT', '/me/player/pause');
      const two = await api('PUT', '/me/player', { body: { device_ids: [DEV_TV, DEV_KITCHEN] } });
      expect(two.status).toBe(400);
      expect((await api('PUT', '/me/player', { body: { device_ids: [DEV_TV] } })).status).toBe(204);
      expect(player()).toMatchObject({ deviceId: DEV_TV, isPlaying: false, trackId: 't-dont-stop' });
      expect(
        (await api('PUT', '/me/player', { body: { device_ids: [DEV_KITCHEN], play: true } })).status,
      ).toBe(204);
      expect(player()).toMatchObject({ deviceId: DEV_KITCHEN, isPlaying: true });
    });

    test('transfer with nothing loaded resumes the most recently played track', async () => {
      expect((await api('PUT', '/me/player', { body: { device_ids: [DEV_TV], play: true } })).status).toBe(
        204,
      );
      expect(((await playbackOf()).item as Json).name).toBe("Don't Stop Me Now");
    });

    test('volume: sets the level; 0-100 only; a device without volume support answers VOLUME_CONTROL_DISALLOW', async () => {
      await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz' });
      expect((await api('PUT', '/me/player/volume?volume_percent=35')).status).toBe(204);
      expect(((await playbackOf()).device as Json).volume_percent).toBe(35);
      expect((await api('PUT', '/me/player/volume?volume_percent=101')).status).toBe(400);
      expect((await api('PUT', '/me/player/volume')).status).toBe(400);
      const car = await api('PUT', `/me/player/volume?volume_percent=20&device_id=${DEV_CAR}`);
      expect([car.status, errorOf(car).reason]).toEqual([403, 'VOLUME_CONTROL_DISALLOW']);
    });

    test('seek, shuffle and repeat change state; bad values are 400', async () => {
      await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz' });
      expect((await api('PUT', '/me/player/seek?position_ms=61000')).status).toBe(204);
      expect((await api('PUT', '/me/player/shuffle?state=true')).status).toBe(204);
      expect((await api('PUT', '/me/player/repeat?state=track')).status).toBe(204);
      expect(await playbackOf()).toMatchObject({
        progress_ms: 61000,
        shuffle_state: true,
        repeat_state: 'track',
      });
      expect((await api('PUT', '/me/player/shuffle?state=yes')).status).toBe(400);
      expect((await api('PUT', '/me/player/repeat?state=all')).status).toBe(400);
      expect((await api('PUT', '/me/player/seek?position_ms=-1')).status).toBe(400);
      // Past the end of the track: the next one plays.
      expect((await api('PUT', '/me/player/seek?position_ms=999999')).status).toBe(204);
      expect(player()).toMatchObject({ trackId: 't-bicycle-race', progressMs: 0 });
    });

    test('queue: the queued song plays next, then the context continues', async () => {
      await playOn(DEV_KITCHEN, { context_uri: 'spotify:album:al-jazz' });
      expect((await api('POST', '/me/player/queue?uri=spotify:track:t-highway')).status).toBe(204);
      const q = (await api('GET', '/me/player/queue')).json as { currently_playing: Json; queue: Json[] };
      expect(q.currently_playing.name).toBe("Don't Stop Me Now");
      expect(q.queue.map((t) => t.name)).toEqual(['Highway to Hell', 'Bicycle Race', 'Fat Bottomed Girls']);
      await api('POST', '/me/player/next');
      expect(player().trackId).toBe('t-highway');
      await api('POST', '/me/player/next');
      expect(player().trackId).toBe('t-bicycle-race');
      expect((await api('POST', '/me/player/queue?uri=bogus')).status).toBe(400);
    });

    test('an episode is item null without additional_types=episode', async () => {
      await playOn(DEV_KITCHEN, { uris: [`spotify:episode:${EPISODE_CHORUSES}`] });
      const hidden = (await api('GET', '/me/player')).json as Json;
      expect(hidden).toMatchObject({ item: null, currently_playing_type: 'episode' });
      const shown = (await api('GET', '/me/player/currently-playing?additional_types=track,episode'))
        .json as Json;
      expect(shown).toMatchObject({
        currently_playing_type: 'episode',
        item: { type: 'episode', show: { name: 'Sound & Story' } },
      });
    });

    test('devices go idle: the Bedroom Echo disappears after idleMs, and a paused active device takes the playback with it', async () => {
      const ids = async () => {
        const a = await api('GET', '/me/player/devices');
        expect(a.status).toBe(200);
        return (a.json as { devices: Json[] }).devices.map((d) => d.id);
      };
      expect(await ids()).toContain(DEV_BEDROOM);
      await playOn(DEV_BEDROOM, { context_uri: 'spotify:album:al-jazz' });
      clock += BEDROOM_IDLE_MS + 1000;
      // Playing keeps it alive.
      expect(await ids()).toContain(DEV_BEDROOM);
      await api('PUT', '/me/player/pause');
      clock += BEDROOM_IDLE_MS;
      expect(await ids()).not.toContain(DEV_BEDROOM);
      expect((await api('GET', '/me/player')).status).toBe(204);
      const stale = await playOn(DEV_BEDROOM, { context_uri: 'spotify:album:al-jazz' });
      expect(errorOf(stale)).toEqual({ status: 404, message: 'Device not found' });
    });

    test('arrangePlaying and arrangeIdle set up scenes the API then reports', async () => {
      arrangePlaying(emulator.state, { deviceId: DEV_TV, trackId: 't-bicycle-race', isPlaying: false });
      expect(await playbackOf()).toMatchObject({
        device: { id: DEV_TV, is_active: true },
        is_playing: false,
        context: { uri: 'spotify:album:al-jazz' },
        item: { name: 'Bicycle Race' },
        progress_ms: 60_000,
      });
      expect(
        emulator.state.users
          .get('demo')!
          .devices.filter((d) => d.is_active)
          .map((d) => d.id),
      ).toEqual([DEV_TV]);
      expect((await api('POST', '/me/player/next')).status).toBe(204);
      arrangeIdle(emulator.state);
      expect((await api('GET', '/me/player')).status).toBe(204);
      expect(() => arrangePlaying(emulator.state, { deviceId: 'nope' })).toThrow();
    });

    test('recently played: newest first with a cursor', async () => {
      const a = (await api('GET', '/me/player/recently-played?limit=3')).json as {
        items: Json[];
        next: string;
        cursors: Json;
      };
      expect(a.items).toHaveLength(3);
      expect((a.items[0].track as Json).name).toBe("Don't Stop Me Now");
      const more = (await call('GET', a.next, { token: demo })).json as { items: Json[] };
      expect((more.items[0].track as Json).name).toBe('Formation');
    });
  });

  describe('playlists and paging', () => {
    test('my playlists: 64 entries over three pages of 25, next/previous absolute, Spotify-owned ones null', async () => {
      const first = (await api('GET', '/me/playlists?limit=25')).json as Json;
      expect(first).toMatchObject({ total: DEMO_PLAYLIST_TOTAL, limit: 25, offset: 0, previous: null });
      expect(String(first.next)).toBe(`${emulator.apiUrl}/me/playlists?offset=25&limit=25`);
      const pages = [first];
      let next = first.next as string | null;
      while (next && pages.length < 5) {
        const p = (await call('GET', next, { token: demo })).json as Json;
        pages.push(p);
        next = p.next as string | null;
      }
      expect(pages).toHaveLength(3);
      expect(pages[2].previous).toBe(`${emulator.apiUrl}/me/playlists?offset=25&limit=25`);
      const items = pages.flatMap((p) => p.items as Array<Json | null>);
      expect(items).toHaveLength(DEMO_PLAYLIST_TOTAL);
      expect(items.filter((i) => i === null)).toHaveLength(3);
      const names = items.filter((i): i is Json => i !== null).map((i) => i.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'Workout Mix',
          'Workout Mix 2',
          'Rock & Roll',
          'Chill 🌙 Vibes',
          "Mum's Favourites",
          'Café del Mar',
          'Beyoncé Essentials',
        ]),
      );
      expect(names.indexOf('Workout Mix')).toBeGreaterThanOrEqual(25);
      const wm = items.find((i) => i?.id === PL_WORKOUT_MIX)!;
      expect(wm).toMatchObject({
        uri: `spotify:playlist:${PL_WORKOUT_MIX}`,
        owner: { id: 'demo', display_name: 'Demo User' },
        items: { href: `${emulator.apiUrl}/playlists/${PL_WORKOUT_MIX}/items`, total: 6 },
        images: [expect.objectContaining({ url: expect.stringMatching(/^https:/) }), expect.anything()],
      });
    });

    test('limits: 1..50, offset >= 0', async () => {
      for (const q of ['limit=0', 'limit=51', 'limit=x', 'offset=-1']) {
        expect([q, (await api('GET', `/me/playlists?${q}`)).status]).toEqual([q, 400]);
      }
      const last = (await api('GET', '/me/playlists?limit=50&offset=60')).json as Json;
      expect((last.items as unknown[]).length).toBe(4);
      expect(last.next).toBeNull();
    });

    test('playlist items: readable by the owner and collaborators only (2026), Spotify-owned 404', async () => {
      const own = (await api('GET', `/playlists/${PL_WORKOUT_MIX}/items?limit=2`)).json as Json;
      expect(own).toMatchObject({ total: 6, limit: 2 });
      expect(((own.items as Json[])[0].item as Json).name).toBe('Eye of the Tiger');
      expect((await api('GET', `/playlists/${PL_PRIYA_ROAD_TRIP}/items`)).status).toBe(200);
      const notMine = await api('GET', `/playlists/${PL_PRIYA_INDIE}/items`);
      expect(notMine.status).toBe(403);
      expect(errorOf(notMine)).toEqual({ status: 403, message: 'Forbidden' });
      expect((await api('GET', `/playlists/${PL_PRIYA_SECRET}/items`)).status).toBe(403);
      expect((await api('GET', `/playlists/${PL_TOP_HITS}/items`)).status).toBe(404);
      expect((await api('GET', `/playlists/${PL_TOP_HITS}`)).status).toBe(404);
      const meta = (await api('GET', `/playlists/${PL_PRIYA_INDIE}`)).json as Json;
      expect(meta.name).toBe("Priya's Indie Finds");
      expect(meta).not.toHaveProperty('items');
    });

    test('add items (201 snapshot_id; owner or collaborator only) and create a playlist (201)', async () => {
      const add = await api('POST', `/playlists/${PL_WORKOUT_MIX_2}/items`, {
        body: { uris: ['spotify:track:t-highway'] },
      });
      expect(add.status).toBe(201);
      expect(add.json).toEqual({ snapshot_id: expect.any(String) });
      const entries = emulator.state.playlists.get(PL_WORKOUT_MIX_2)!.entries;
      expect(entries.at(-1)!.uri).toBe('spotify:track:t-highway');
      expect(
        (
          await api('POST', `/playlists/${PL_PRIYA_ROAD_TRIP}/items`, {
            body: { uris: ['spotify:track:t-highway'] },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await api('POST', `/playlists/${PL_PRIYA_INDIE}/items`, {
            body: { uris: ['spotify:track:t-highway'] },
          })
        ).status,
      ).toBe(403);
      expect(
        (await api('POST', `/playlists/${PL_WORKOUT_MIX_2}/items`, { body: { uris: ['spotify:album:x'] } }))
          .status,
      ).toBe(400);

      const created = await api('POST', '/me/playlists', {
        body: { name: 'Road Trip 🚗', public: false, description: 'by voice' },
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        name: 'Road Trip 🚗',
        public: false,
        owner: { id: 'demo' },
        items: { total: 0 },
      });
      const first = (await api('GET', '/me/playlists?limit=1')).json as { items: Json[]; total: number };
      expect(first.items[0].name).toBe('Road Trip 🚗');
      expect(first.total).toBe(DEMO_PLAYLIST_TOTAL + 1);
      expect((await api('POST', '/me/playlists', { body: {} })).status).toBe(400);
    });

    test('library: PUT /me/library saves tracks to Liked Songs; GET /me/tracks pages them', async () => {
      const before = ((await api('GET', '/me/tracks?limit=1')).json as Json).total as number;
      expect(before).toBeGreaterThanOrEqual(24);
      expect(
        (await api('PUT', '/me/library?uris=spotify:track:t-wannabe,spotify:album:al-jazz')).status,
      ).toBe(200);
      const after = (await api('GET', '/me/tracks?limit=1')).json as { total: number; items: Json[] };
      expect(after.total).toBe(before + 1);
      expect((after.items[0].track as Json).id).toBe('t-wannabe');
      // Saving again changes nothing.
      await api('PUT', '/me/library?uris=spotify:track:t-wannabe');
      expect(((await api('GET', '/me/tracks?limit=1')).json as Json).total).toBe(before + 1);
      expect((await api('PUT', '/me/library')).status).toBe(400);
      expect((await api('PUT', '/me/library?uris=t-highway')).status).toBe(400);
      expect((await api('GET', '/me/tracks?limit=51')).status).toBe(400);
    });
  });

  describe('search', () => {
    test('finds artists, tracks, albums and playlists, ignoring accents and case', async () => {
      const a = (await api('GET', '/search?q=beyonce&type=artist,track,playlist&limit=10')).json as Record<
        string,
        Json
      >;
      expect(((a.artists.items as Json[])[0] as Json).name).toBe('Beyoncé');
      expect((a.tracks.items as Json[]).map((t) => t.name)).toContain('Formation');
      expect((a.playlists.items as Json[]).map((p) => p?.name)).toContain('Beyoncé Essentials');
      const song = (
        await api('GET', `/search?q=${encodeURIComponent("don't stop me now")}&type=track&limit=1`)
      ).json as Record<string, Json>;
      expect(((song.tracks.items as Json[])[0] as Json).name).toBe("Don't Stop Me Now");
    });

    test('"play some jazz": genre playlists are found; Spotify-owned matches come back as null', async () => {
      const a = (await api('GET', '/search?q=jazz&type=playlist&limit=10')).json as Record<string, Json>;
      const items = a.playlists.items as Array<Json | null>;
      expect(items.map((p) => p?.name ?? null)).toEqual(expect.arrayContaining(['Jazz Classics', null]));
    });

    test('limit at most 10 (Development Mode), paging under /search, bad type and missing q are 400', async () => {
      expect(errorOf(await api('GET', '/search?q=queen&type=track&limit=11'))).toEqual({
        status: 400,
        message: 'Invalid limit',
      });
      expect((await api('GET', '/search?q=queen&type=song')).status).toBe(400);
      expect((await api('GET', '/search?type=track')).status).toBe(400);
      const p = (await api('GET', '/search?q=queen&type=track&limit=2')).json as Record<string, Json>;
      expect(p.tracks.next).toBe(`${emulator.apiUrl}/search?q=queen&type=track&offset=2&limit=2`);
    });
  });

  describe('podcasts', () => {
    const episodes = async (token = demo) =>
      ((await api('GET', '/shows/sh-sound-story/episodes?limit=10', { token })).json as Json).items as Json[];

    test("a show's episodes come newest first, each with the user's resume_point", async () => {
      const items = await episodes();
      expect(items.map((e) => e.name)).toEqual([
        'Episode 42: Why We Love Choruses',
        'Episode 41: Basslines & Bad Ideas',
        'Ep. 40 - Burning Bridges',
      ]);
      expect(items.map((e) => e.resume_point)).toEqual([
        { fully_played: false, resume_position_ms: 754_000 },
        { fully_played: true, resume_position_ms: 0 },
        { fully_played: false, resume_position_ms: 0 },
      ]);
    });

    test('without user-read-playback-position there is no resume_point, but the listing still answers', async () => {
      const without = tokenFor(
        'demo',
        ALL_SCOPES.filter((s) => s !== 'user-read-playback-position'),
      );
      const items = await episodes(without);
      expect(items).toHaveLength(3);
      expect(items.every((e) => !('resume_point' in e))).toBe(true);
    });

    test('pausing an episode records where it stopped', async () => {
      const user = emulator.state.users.get('demo')!;
      for (const d of user.devices) d.is_active = d.id === DEV_KITCHEN;
      user.player = {
        ...user.player,
        deviceId: DEV_KITCHEN,
        trackId: 'ep-bridges',
        contextUri: 'spotify:show:sh-sound-story',
        isPlaying: true,
        progressMs: 120_000,
      };
      expect((await api('PUT', '/me/player/pause')).status).toBe(204);
      const bridges = (await api('GET', '/episodes/ep-bridges')).json as Json;
      expect(bridges.resume_point).toEqual({ fully_played: false, resume_position_ms: 120_000 });
      expect((bridges.show as Json).name).toBe('Sound & Story');
    });

    test('followed shows, a show without episodes, and unknown ids (404)', async () => {
      const saved = ((await api('GET', '/me/shows')).json as Json).items as Json[];
      expect(saved.map((s) => (s.show as Json).name)).toEqual(['Sound & Story', 'The Quiet Hour']);
      const pilot = (await api('GET', '/shows/sh-pilot-season/episodes')).json as Json;
      expect([pilot.total, pilot.items]).toEqual([0, []]);
      expect((await api('GET', '/shows/sh-nope/episodes')).status).toBe(404);
      expect((await api('GET', '/episodes/ep-nope')).status).toBe(404);
    });

    test('search reads "&" as "and": "sound and story" finds Sound & Story', async () => {
      const found = (await api('GET', '/search?q=sound+and+story&type=show')).json as Record<string, Json>;
      expect((found.shows.items as Json[]).map((s) => s.name)).toEqual(['Sound & Story']);
    });

    test('search ignores apostrophes: "dont stop me now" finds Don\'t Stop Me Now', async () => {
      const found = (await api('GET', '/search?q=dont+stop+me+now&type=track')).json as Record<string, Json>;
      expect((found.tracks.items as Json[]).map((t) => t.name)).toContain("Don't Stop Me Now");
    });
  });

  describe('removed endpoints', () => {
    test.each(REMOVED_ENDPOINTS)('%s answers 403 Forbidden', async (endpoint) => {
      const [method, path] = endpoint.split(' ');
      const a = await call(method, `${emulator.url}${path.replace(/\{[^}]+\}/g, 'x1')}`, { token: demo });
      expect(a.status).toBe(403);
      expect(a.json).toEqual({ error: { status: 403, message: 'Forbidden' } });
    });

    test('an unknown path is 404 "Service not found"; a known path with another method 405', async () => {
      expect((await api('GET', '/nothing/here')).status).toBe(404);
      expect((await api('DELETE', '/me/player/pause')).status).toBe(405);
    });
  });
});
