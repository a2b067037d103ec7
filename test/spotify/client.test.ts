/**
 * Every client method against the emulator over real HTTP: the request Spotify receives (method, path,
 * query, body as the emulator logged them) and what the method returns. The last test scans the emulator
 * log of the whole file: no removed endpoint was ever called.
 */
import { MAX_PLAYLIST_PAGES, type SpotifyClient } from '../../lambda/src/spotify/client';
import { removedEndpoint } from '../../lambda/src/spotify/endpoints';
import type { LoggedRequest } from '../../tools/spotify-emulator';
import { eventually, startRig, type Rig } from './rig';

const KITCHEN = 'dev-kitchen';
const TV = 'dev-tv';
const QUEUE = ['spotify:track:t-dont-stop', 'spotify:track:t-bohemian', 'spotify:track:t-eye-tiger'];

describe('SpotifyClient against the emulator', () => {
  let rig: Rig;
  let spotify: SpotifyClient;
  /** Every request the emulator saw in this file, for the removed-endpoint scan at the end. */
  const seen: LoggedRequest[] = [];

  beforeEach(async () => {
    rig = await startRig();
    spotify = rig.client();
  });
  afterEach(async () => {
    seen.push(...rig.emulator.log);
    await rig.close();
  });

  const demo = () => rig.emulator.state.users.get('demo')!;
  /** The kitchen speaker plays the second of three tracks given as `uris`. */
  const kitchenPlaying = () => {
    const u = demo();
    u.player = {
      ...u.player,
      deviceId: KITCHEN,
      trackId: 't-bohemian',
      contextUri: null,
      uris: [...QUEUE],
      isPlaying: true,
      progressMs: 1000,
    };
    for (const d of u.devices) d.is_active = d.id === KITCHEN;
  };
  const only = () => {
    const calls = rig.calls();
    expect(calls).toHaveLength(1);
    return calls[0];
  };

  describe('me', () => {
    test('get: GET /me, the profile', async () => {
      const me = await spotify.me.get();
      expect(only()).toMatchObject({ method: 'GET', path: '/v1/me', query: {} });
      expect(me).toMatchObject({ id: 'demo', display_name: 'Demo User' });
    });
  });

  describe('player', () => {
    test('getPlaybackState: GET /me/player?additional_types=episode; 204 when nothing is active → null', async () => {
      expect(await spotify.player.getPlaybackState()).toBeNull();
      expect(only()).toMatchObject({
        method: 'GET',
        path: '/v1/me/player',
        query: { additional_types: 'episode' },
        status: 204,
      });
    });

    test('getPlaybackState: the state with device, item and flags when something plays', async () => {
      kitchenPlaying();
      const state = await spotify.player.getPlaybackState();
      expect(state).toMatchObject({
        is_playing: true,
        device: { id: KITCHEN, is_active: true },
        item: { type: 'track', uri: 'spotify:track:t-bohemian' },
        shuffle_state: false,
        repeat_state: 'off',
      });
    });

    test('getCurrentlyPlaying: GET /me/player/currently-playing?additional_types=episode; null on 204', async () => {
      expect(await spotify.player.getCurrentlyPlaying()).toBeNull();
      kitchenPlaying();
      const now = await spotify.player.getCurrentlyPlaying();
      expect(now).toMatchObject({ is_playing: true, item: { uri: 'spotify:track:t-bohemian' } });
      expect(rig.calls().map((c) => [c.method, c.path, c.query, c.status])).toEqual([
        ['GET', '/v1/me/player/currently-playing', { additional_types: 'episode' }, 204],
        ['GET', '/v1/me/player/currently-playing', { additional_types: 'episode' }, 200],
      ]);
    });

    test('getDevices: GET /me/player/devices, the list with ids, names and volume', async () => {
      const devices = await spotify.player.getDevices();
      expect(only()).toMatchObject({ method: 'GET', path: '/v1/me/player/devices' });
      expect(devices.map((d) => d.id)).toEqual(expect.arrayContaining([KITCHEN, TV, 'dev-ps5', 'dev-car']));
      expect(devices.find((d) => d.id === 'dev-car')).toMatchObject({ volume_percent: null });
      expect(devices.find((d) => d.id === 'dev-ps5')).toMatchObject({ is_restricted: true });
    });

    test('transfer: PUT /me/player with one device id and play', async () => {
      await spotify.player.transfer(TV, true);
      expect(only()).toMatchObject({
        method: 'PUT',
        path: '/v1/me/player',
        body: { device_ids: [TV], play: true },
        status: 204,
      });
      expect(demo().player.deviceId).toBe(TV);
    });

    test('transfer without play sends no play field', async () => {
      await spotify.player.transfer(TV);
      expect(only().body).toEqual({ device_ids: [TV] });
    });

    test('play(): resume, PUT /me/player/play with no body and no device_id', async () => {
      kitchenPlaying();
      demo().player.isPlaying = false;
      await spotify.player.play();
      expect(only()).toMatchObject({ method: 'PUT', path: '/v1/me/player/play', query: {}, status: 204 });
      expect(only().body).toBeUndefined();
      expect(demo().player.isPlaying).toBe(true);
    });

    test('play(options): device_id in the query; context_uri, offset, position_ms in the body', async () => {
      await spotify.player.play({
        deviceId: TV,
        contextUri: 'spotify:album:al-night-opera',
        offset: { position: 0 },
        positionMs: 1500.4,
      });
      expect(only()).toMatchObject({
        method: 'PUT',
        path: '/v1/me/player/play',
        query: { device_id: TV },
        body: { context_uri: 'spotify:album:al-night-opera', offset: { position: 0 }, position_ms: 1500 },
        status: 204,
      });
      expect(demo().player).toMatchObject({
        deviceId: TV,
        isPlaying: true,
        contextUri: 'spotify:album:al-night-opera',
      });
    });

    test('play(options): uris with an offset by uri', async () => {
      await spotify.player.play({ deviceId: KITCHEN, uris: QUEUE, offset: { uri: QUEUE[2] } });
      expect(only().body).toEqual({ uris: QUEUE, offset: { uri: QUEUE[2] } });
      expect(demo().player.trackId).toBe('t-eye-tiger');
    });

    test('pause: PUT /me/player/pause, with and without a device id', async () => {
      kitchenPlaying();
      await spotify.player.pause();
      demo().player.isPlaying = true;
      await spotify.player.pause(KITCHEN);
      expect(rig.calls().map((c) => [c.method, c.path, c.query, c.status])).toEqual([
        ['PUT', '/v1/me/player/pause', {}, 204],
        ['PUT', '/v1/me/player/pause', { device_id: KITCHEN }, 204],
      ]);
      expect(demo().player.isPlaying).toBe(false);
    });

    test('next and previous: POST /me/player/next|previous, the item moves', async () => {
      kitchenPlaying();
      await spotify.player.next();
      expect(demo().player.trackId).toBe('t-eye-tiger');
      await spotify.player.previous(KITCHEN);
      expect(demo().player.trackId).toBe('t-bohemian');
      expect(rig.calls().map((c) => [c.method, c.path, c.query, c.status])).toEqual([
        ['POST', '/v1/me/player/next', {}, 204],
        ['POST', '/v1/me/player/previous', { device_id: KITCHEN }, 204],
      ]);
    });

    test('seek: PUT /me/player/seek?position_ms=, rounded, never negative', async () => {
      kitchenPlaying();
      await spotify.player.seek(61_000.7);
      await spotify.player.seek(-5, KITCHEN);
      expect(rig.calls().map((c) => c.query)).toEqual([
        { position_ms: '61001' },
        { position_ms: '0', device_id: KITCHEN },
      ]);
      expect(demo().player.progressMs).toBe(0);
    });

    test('setVolume: PUT /me/player/volume?volume_percent=, clamped to 0..100 and rounded', async () => {
      kitchenPlaying();
      await spotify.player.setVolume(140);
      await spotify.player.setVolume(-3, KITCHEN);
      await spotify.player.setVolume(33.6);
      expect(rig.calls().map((c) => [c.method, c.path, c.query, c.status])).toEqual([
        ['PUT', '/v1/me/player/volume', { volume_percent: '100' }, 204],
        ['PUT', '/v1/me/player/volume', { volume_percent: '0', device_id: KITCHEN }, 204],
        ['PUT', '/v1/me/player/volume', { volume_percent: '34' }, 204],
      ]);
      expect(demo().devices.find((d) => d.id === KITCHEN)!.volume_percent).toBe(34);
    });

    test('setVolume: a value that is not a number is a programming error, and nothing is sent', async () => {
      await expect(spotify.player.setVolume(Number.NaN)).rejects.toThrow(RangeError);
      expect(rig.calls()).toEqual([]);
    });

    test('setShuffle and setRepeat: PUT with state in the query', async () => {
      kitchenPlaying();
      await spotify.player.setShuffle(true);
      await spotify.player.setRepeat('context', KITCHEN);
      await spotify.player.setShuffle(false);
      await spotify.player.setRepeat('off');
      expect(rig.calls().map((c) => [c.method, c.path, c.query, c.status])).toEqual([
        ['PUT', '/v1/me/player/shuffle', { state: 'true' }, 204],
        ['PUT', '/v1/me/player/repeat', { state: 'context', device_id: KITCHEN }, 204],
        ['PUT', '/v1/me/player/shuffle', { state: 'false' }, 204],
        ['PUT', '/v1/me/player/repeat', { state: 'off' }, 204],
      ]);
      expect(demo().player).toMatchObject({ shuffle: false, repeat: 'off' });
    });

    test('queue: POST /me/player/queue?uri=', async () => {
      kitchenPlaying();
      await spotify.player.queue('spotify:track:t-stronger');
      expect(only()).toMatchObject({
        method: 'POST',
        path: '/v1/me/player/queue',
        query: { uri: 'spotify:track:t-stronger' },
        status: 204,
      });
      expect(demo().player.queue).toEqual(['spotify:track:t-stronger']);
    });

    test('recentlyPlayed: GET /me/player/recently-played?limit=, newest first; limit clamped to 1..50', async () => {
      const recent = await spotify.player.recentlyPlayed(3);
      await spotify.player.recentlyPlayed(500);
      expect(rig.calls().map((c) => [c.path, c.query])).toEqual([
        ['/v1/me/player/recently-played', { limit: '3' }],
        ['/v1/me/player/recently-played', { limit: '50' }],
      ]);
      expect(recent.map((r) => r.track.uri)).toEqual([
        'spotify:track:t-dont-stop',
        'spotify:track:t-bohemian',
        'spotify:track:t-crazy-in-love',
      ]);
      expect(recent[0].context).toMatchObject({ uri: 'spotify:album:al-night-opera' });
      expect(typeof recent[0].played_at).toBe('string');
    });
  });

  describe('playlists', () => {
    test('page: one GET /me/playlists?limit&offset, as Spotify sent it', async () => {
      const page = await spotify.playlists.page(0, 5);
      expect(only()).toMatchObject({
        method: 'GET',
        path: '/v1/me/playlists',
        query: { limit: '5', offset: '0' },
      });
      expect(page).toMatchObject({ limit: 5, offset: 0, total: 64 });
      expect(page.items).toHaveLength(5);
    });

    test('mine: page 1, then the rest; 64 entries less the null (Spotify-owned) ones', async () => {
      const all = await spotify.playlists.mine();
      expect(rig.calls().map((c) => c.query)).toEqual([
        { limit: '50', offset: '0' },
        { limit: '50', offset: '50' },
      ]);
      const raw = [
        ...(await spotify.playlists.page(0, 50)).items,
        ...(await spotify.playlists.page(50, 50)).items,
      ];
      expect(raw).toHaveLength(64);
      expect(raw.filter((p) => p === null).length).toBeGreaterThan(0);
      expect(all).toEqual(raw.filter((p) => p !== null));
      expect(all.every((p) => typeof p.name === 'string' && typeof p.id === 'string')).toBe(true);
    });

    test('mine: offsets 0 and 50 at once, then the pages left in parallel once the total is known', async () => {
      // 180 entries: offsets 0 and 50 together, then 100 and 150 together. Every page is held back by a
      // delay; each pair is in flight before either is answered, which a sequential loop cannot do.
      const u = demo();
      const ids = [...u.playlistIds!];
      while (ids.length < 180) ids.push(...u.playlistIds!.slice(0, 180 - ids.length));
      u.playlistIds = ids;
      rig.emulator.faults.add({ method: 'GET', path: '/v1/me/playlists', times: 4, delayMs: 300 });
      rig.reset();
      const pending = spotify.playlists.mine();
      expect(await eventually(() => rig.calls().length >= 2)).toBe(true);
      expect(rig.calls().map((c) => [c.query.offset, c.status])).toEqual([
        ['0', 0],
        ['50', 0],
      ]);
      expect(await eventually(() => rig.calls().length >= 4)).toBe(true);
      expect(rig.calls().map((c) => c.status)).toEqual([200, 200, 0, 0]);
      const all = await pending;
      expect(
        rig
          .calls()
          .slice(2)
          .map((c) => c.query.offset)
          .sort(),
      ).toEqual(['100', '150']);
      expect(all.length).toBeGreaterThan(100);
      expect(all).not.toContain(null);
    });

    test('scan: stops after offsets 0 and 50 when they already hold what is looked for', async () => {
      const u = demo();
      const ids: string[] = [];
      while (ids.length < 300) ids.push(...u.playlistIds!);
      u.playlistIds = ids.slice(0, 300);
      rig.reset();
      const found = await spotify.playlists.scan((seen) => seen.some((p) => p.name === 'Workout Mix'));
      expect(found.complete).toBe(false);
      expect(rig.calls().map((c) => c.query.offset)).toEqual(['0', '50']);
      rig.reset();
      const all = await spotify.playlists.scan(() => false);
      expect(all.complete).toBe(true);
      expect(rig.calls()).toHaveLength(6);
    });

    test(`mine: stops after ${MAX_PLAYLIST_PAGES} pages however many Spotify claims`, async () => {
      const u = demo();
      const ids: string[] = [];
      while (ids.length < 50 * (MAX_PLAYLIST_PAGES + 3)) ids.push(...u.playlistIds!);
      u.playlistIds = ids;
      await spotify.playlists.mine();
      expect(rig.calls()).toHaveLength(MAX_PLAYLIST_PAGES);
    });

    test('get: GET /playlists/{id}', async () => {
      const playlist = await spotify.playlists.get('pl-workout-mix');
      expect(only()).toMatchObject({ method: 'GET', path: '/v1/playlists/pl-workout-mix' });
      expect(playlist).toMatchObject({ id: 'pl-workout-mix', uri: 'spotify:playlist:pl-workout-mix' });
    });

    test('items: GET /playlists/{id}/items?limit&offset (the 2026 path), entries carry `item`', async () => {
      const page = await spotify.playlists.items('pl-workout-mix', { limit: 2, offset: 1 });
      expect(only()).toMatchObject({
        method: 'GET',
        path: '/v1/playlists/pl-workout-mix/items',
        query: { limit: '2', offset: '1' },
      });
      expect(page).toMatchObject({ limit: 2, offset: 1 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items[0]?.item?.uri).toMatch(/^spotify:(track|episode):/);
    });

    test('a playlist id is one encoded path segment, never a way to another path', async () => {
      await spotify.playlists.get('../me').catch(() => undefined);
      await spotify.playlists.items('x/y?z=1').catch(() => undefined);
      expect(rig.calls().map((c) => c.path)).toEqual([
        '/v1/playlists/%2E%2E%2Fme',
        '/v1/playlists/x%2Fy%3Fz%3D1/items',
      ]);
    });

    test('addItems: POST /playlists/{id}/items with the uris in the body, 201 with a snapshot id', async () => {
      const before = rig.emulator.state.playlists.get('pl-workout-mix')!.entries.length;
      const result = await spotify.playlists.addItems('pl-workout-mix', ['spotify:track:t-stronger']);
      expect(only()).toMatchObject({
        method: 'POST',
        path: '/v1/playlists/pl-workout-mix/items',
        query: {},
        body: { uris: ['spotify:track:t-stronger'] },
        status: 201,
      });
      expect(typeof result.snapshot_id).toBe('string');
      expect(rig.emulator.state.playlists.get('pl-workout-mix')!.entries.length).toBe(before + 1);
    });

    test('create: POST /me/playlists (201), the new playlist', async () => {
      const created = await spotify.playlists.create('Road trip 🚗 & more', {
        public: false,
        description: 'made by voice',
      });
      expect(only()).toMatchObject({
        method: 'POST',
        path: '/v1/me/playlists',
        body: { name: 'Road trip 🚗 & more', public: false, description: 'made by voice' },
        status: 201,
      });
      expect(created).toMatchObject({ name: 'Road trip 🚗 & more', owner: { id: 'demo' } });
      expect(rig.emulator.state.playlists.get(created.id)).toBeDefined();
    });
  });

  describe('library', () => {
    test('save: PUT /me/library?uris=comma,separated (the 2026 path)', async () => {
      await spotify.library.save(['spotify:track:t-stronger', 'spotify:album:al-jazz']);
      expect(only()).toMatchObject({
        method: 'PUT',
        path: '/v1/me/library',
        query: { uris: 'spotify:track:t-stronger,spotify:album:al-jazz' },
      });
      expect(only().status).toBeLessThan(300);
      expect(demo().savedTracks!.some((s) => s.trackId === 't-stronger')).toBe(true);
    });

    test('save: more than 40 URIs go in batches of at most 40; none is an empty request', async () => {
      const uris = Array.from({ length: 41 }, () => 'spotify:track:t-stronger');
      await spotify.library.save(uris);
      await spotify.library.save([]);
      expect(rig.calls().map((c) => c.query.uris.split(',').length)).toEqual([40, 1]);
    });

    test('likedTracks: GET /me/tracks?limit&offset, the Liked Songs', async () => {
      const page = await spotify.library.likedTracks({ limit: 50, offset: 0 });
      expect(only()).toMatchObject({
        method: 'GET',
        path: '/v1/me/tracks',
        query: { limit: '50', offset: '0' },
      });
      expect(page.total).toBe(36);
      expect(page.items[0]).toMatchObject({ track: { type: 'track' } });
      expect(typeof page.items[0]?.added_at).toBe('string');
    });
  });

  describe('podcasts', () => {
    test('savedShows: GET /me/shows?limit=, the followed shows; entries without a show dropped', async () => {
      const shows = await spotify.library.savedShows(5);
      expect(only()).toMatchObject({ method: 'GET', path: '/v1/me/shows', query: { limit: '5' } });
      expect(shows.map((s) => s.show.name)).toEqual(['Sound & Story', 'The Quiet Hour']);
      rig.emulator.faults.add({
        path: '/v1/me/shows',
        status: 200,
        body: JSON.stringify({ limit: 5, offset: 0, total: 2, next: null, items: [null, {}] }),
      });
      expect(await spotify.library.savedShows(5)).toEqual([]);
    });

    test("shows.episodes: GET /shows/{id}/episodes?limit&offset, newest first, with the user's resume_point", async () => {
      const page = await spotify.shows.episodes('sh-sound-story', { limit: 2, offset: 0 });
      expect(only()).toMatchObject({
        path: '/v1/shows/sh-sound-story/episodes',
        query: { limit: '2', offset: '0' },
      });
      expect(page.total).toBe(3);
      expect(page.items.map((e) => [e.id, e.release_date, e.resume_point])).toEqual([
        ['ep-choruses', '2026-03-02', { fully_played: false, resume_position_ms: 754_000 }],
        ['ep-basslines', '2026-02-23', { fully_played: true, resume_position_ms: 0 }],
      ]);
    });

    test('shows.episodes: an answer without items is a broken answer, not a crash later', async () => {
      rig.emulator.faults.add({
        path: '/v1/shows/sh-sound-story/episodes',
        status: 200,
        body: JSON.stringify({ total: 3 }),
      });
      await expect(spotify.shows.episodes('sh-sound-story')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    });
  });

  describe('search', () => {
    test('query: GET /search with q, type and limit; results per type', async () => {
      const found = await spotify.search.query('queen', ['artist', 'track'], 5);
      expect(only()).toMatchObject({
        method: 'GET',
        path: '/v1/search',
        query: { q: 'queen', type: 'artist,track', limit: '5' },
      });
      expect(found.artists?.items[0]).toMatchObject({ id: 'ar-queen', name: 'Queen' });
      expect(found.tracks?.items.length).toBeGreaterThan(0);
      expect(found.albums).toBeUndefined();
    });

    test('query: limit clamped to 1..10 (Development Mode)', async () => {
      await spotify.search.query('queen', ['album'], 50);
      await spotify.search.query('queen', ['album'], 0);
      expect(rig.calls().map((c) => c.query.limit)).toEqual(['10', '1']);
    });

    test('query: null entries (Spotify-owned playlists) are dropped from the results', async () => {
      const found = await spotify.search.query('jazz', ['playlist'], 10);
      // What Spotify sent, read past the client: the same search has null entries.
      const res = await fetch(`${rig.emulator.apiUrl}/search?q=jazz&type=playlist&limit=10`, {
        headers: { Authorization: `Bearer ${rig.token}` },
      });
      const raw = (await res.json()) as { playlists: { items: Array<{ id: string } | null> } };
      expect(raw.playlists.items).toContain(null);
      expect(found.playlists!.items.map((p) => p.id)).toEqual(
        raw.playlists.items.filter((p) => p !== null).map((p) => p!.id),
      );
      expect(found.playlists!.items.length).toBeGreaterThan(0);
    });

    test("query: the user's words travel in the query, encoded; & and # do not split it", async () => {
      await spotify.search.query("rock & roll #1 it's", ['playlist'], 3);
      expect(only().query.q).toBe("rock & roll #1 it's");
      expect(only().path).toBe('/v1/search');
    });
  });

  test('no request in this whole file hit a removed endpoint', () => {
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.filter((r) => removedEndpoint(r.method, r.path)).map((r) => `${r.method} ${r.path}`)).toEqual(
      [],
    );
  });
});
