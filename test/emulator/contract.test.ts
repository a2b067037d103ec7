/**
 * Contract: every Web API endpoint the emulator serves exists in Spotify's OpenAPI description (removed ones
 * marked deprecated there, current ones not), and real emulator responses, successes and errors, validate
 * against the schema for their status. The description is the repository's copy
 * (test/fixtures/spotify-web-api/), so this never skips.
 */
import {
  DEV_CAR,
  DEV_KITCHEN,
  EPISODE_CHORUSES,
  PL_PRIYA_INDIE,
  PL_TOP_HITS,
  PL_WORKOUT_MIX,
  SHOW_SOUND_STORY,
  servedEndpoints,
  startEmulator,
  type Emulator,
} from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { call } from './http';
import { findOperation, loadSpec, validateResponse } from './openapi';

interface Case {
  name: string;
  method: string;
  url: string;
  body?: unknown;
  who?: 'demo' | 'free' | 'none' | 'expired' | 'no-scopes';
  arrange?: (e: Emulator) => void;
  status: number;
}

function playing(e: Emulator, trackId = 't-bicycle-race'): void {
  const demo = e.state.users.get('demo')!;
  demo.player = {
    ...demo.player,
    deviceId: DEV_KITCHEN,
    contextUri: 'spotify:album:al-jazz',
    trackId,
    isPlaying: true,
    progressMs: 1000,
  };
}

const CASES: Case[] = [
  { name: 'profile', method: 'GET', url: '/v1/me', status: 200 },
  { name: 'no token', method: 'GET', url: '/v1/me', who: 'none', status: 401 },
  { name: 'expired token', method: 'GET', url: '/v1/me/player', who: 'expired', status: 401 },
  { name: 'nothing active', method: 'GET', url: '/v1/me/player', status: 204 },
  { name: 'playing a track', method: 'GET', url: '/v1/me/player', arrange: (e) => playing(e), status: 200 },
  {
    name: 'playing an episode',
    method: 'GET',
    url: '/v1/me/player?additional_types=episode',
    arrange: (e) => playing(e, EPISODE_CHORUSES),
    status: 200,
  },
  {
    name: 'episode hidden',
    method: 'GET',
    url: '/v1/me/player',
    arrange: (e) => playing(e, EPISODE_CHORUSES),
    status: 200,
  },
  { name: 'currently playing, none', method: 'GET', url: '/v1/me/player/currently-playing', status: 204 },
  {
    name: 'currently playing',
    method: 'GET',
    url: '/v1/me/player/currently-playing',
    arrange: (e) => playing(e),
    status: 200,
  },
  { name: 'devices', method: 'GET', url: '/v1/me/player/devices', status: 200 },
  { name: 'queue', method: 'GET', url: '/v1/me/player/queue', arrange: (e) => playing(e), status: 200 },
  {
    name: 'transfer',
    method: 'PUT',
    url: '/v1/me/player',
    body: { device_ids: [DEV_KITCHEN], play: true },
    status: 204,
  },
  {
    name: 'transfer, stale id',
    method: 'PUT',
    url: '/v1/me/player',
    body: { device_ids: ['gone'] },
    status: 404,
  },
  {
    name: 'transfer, two ids',
    method: 'PUT',
    url: '/v1/me/player',
    body: { device_ids: [DEV_KITCHEN, DEV_CAR] },
    status: 400,
  },
  {
    name: 'play a playlist',
    method: 'PUT',
    url: `/v1/me/player/play?device_id=${DEV_KITCHEN}`,
    body: { context_uri: `spotify:playlist:${PL_WORKOUT_MIX}`, offset: { position: 1 } },
    status: 204,
  },
  { name: 'play, nothing active', method: 'PUT', url: '/v1/me/player/play', status: 404 },
  { name: 'play, free user', method: 'PUT', url: '/v1/me/player/play', who: 'free', status: 403 },
  { name: 'pause', method: 'PUT', url: '/v1/me/player/pause', arrange: (e) => playing(e), status: 204 },
  { name: 'pause, no scope', method: 'PUT', url: '/v1/me/player/pause', who: 'no-scopes', status: 403 },
  { name: 'next', method: 'POST', url: '/v1/me/player/next', arrange: (e) => playing(e), status: 204 },
  {
    name: 'previous at the start',
    method: 'POST',
    url: '/v1/me/player/previous',
    arrange: (e) => playing(e, 't-dont-stop'),
    status: 403,
  },
  {
    name: 'seek',
    method: 'PUT',
    url: '/v1/me/player/seek?position_ms=5000',
    arrange: (e) => playing(e),
    status: 204,
  },
  {
    name: 'volume',
    method: 'PUT',
    url: '/v1/me/player/volume?volume_percent=40',
    arrange: (e) => playing(e),
    status: 204,
  },
  {
    name: 'volume, car',
    method: 'PUT',
    url: `/v1/me/player/volume?volume_percent=40&device_id=${DEV_CAR}`,
    status: 403,
  },
  {
    name: 'shuffle',
    method: 'PUT',
    url: '/v1/me/player/shuffle?state=true',
    arrange: (e) => playing(e),
    status: 204,
  },
  {
    name: 'repeat',
    method: 'PUT',
    url: '/v1/me/player/repeat?state=context',
    arrange: (e) => playing(e),
    status: 204,
  },
  {
    name: 'queue a song',
    method: 'POST',
    url: '/v1/me/player/queue?uri=spotify:track:t-eye-tiger',
    arrange: (e) => playing(e),
    status: 204,
  },
  { name: 'recently played', method: 'GET', url: '/v1/me/player/recently-played?limit=5', status: 200 },
  { name: 'my playlists', method: 'GET', url: '/v1/me/playlists?limit=50', status: 200 },
  { name: 'my playlists, limit 51', method: 'GET', url: '/v1/me/playlists?limit=51', status: 400 },
  {
    name: 'create a playlist',
    method: 'POST',
    url: '/v1/me/playlists',
    body: { name: 'Road Trip', public: false, description: 'made by voice' },
    status: 201,
  },
  { name: 'own playlist', method: 'GET', url: `/v1/playlists/${PL_WORKOUT_MIX}`, status: 200 },
  { name: 'followed playlist', method: 'GET', url: `/v1/playlists/${PL_PRIYA_INDIE}`, status: 200 },
  { name: 'Spotify-owned playlist', method: 'GET', url: `/v1/playlists/${PL_TOP_HITS}`, status: 404 },
  { name: 'own items', method: 'GET', url: `/v1/playlists/${PL_WORKOUT_MIX}/items?limit=3`, status: 200 },
  { name: "someone else's items", method: 'GET', url: `/v1/playlists/${PL_PRIYA_INDIE}/items`, status: 403 },
  {
    name: 'add items',
    method: 'POST',
    url: `/v1/playlists/${PL_WORKOUT_MIX}/items`,
    body: { uris: ['spotify:track:t-wonderwall'] },
    status: 201,
  },
  { name: 'save to library', method: 'PUT', url: '/v1/me/library?uris=spotify:track:t-highway', status: 200 },
  { name: 'liked songs', method: 'GET', url: '/v1/me/tracks?limit=50', status: 200 },
  { name: 'a show', method: 'GET', url: `/v1/shows/${SHOW_SOUND_STORY}`, status: 200 },
  { name: 'an unknown show', method: 'GET', url: '/v1/shows/sh-nope', status: 404 },
  {
    name: "a show's episodes, newest first",
    method: 'GET',
    url: `/v1/shows/${SHOW_SOUND_STORY}/episodes?limit=50`,
    status: 200,
  },
  { name: 'an episode', method: 'GET', url: `/v1/episodes/${EPISODE_CHORUSES}`, status: 200 },
  { name: 'followed shows', method: 'GET', url: '/v1/me/shows?limit=50', status: 200 },
  {
    name: 'search everything',
    method: 'GET',
    url: '/v1/search?q=queen&type=artist,album,track,playlist,show,episode&limit=10',
    status: 200,
  },
  { name: 'search, limit 11', method: 'GET', url: '/v1/search?q=queen&type=track&limit=11', status: 400 },
  {
    name: 'removed: playlist tracks',
    method: 'GET',
    url: `/v1/playlists/${PL_WORKOUT_MIX}/tracks`,
    status: 403,
  },
  {
    name: 'removed: add playlist tracks',
    method: 'POST',
    url: `/v1/playlists/${PL_WORKOUT_MIX}/tracks`,
    body: { uris: [] },
    status: 403,
  },
  {
    name: 'removed: replace playlist tracks',
    method: 'PUT',
    url: `/v1/playlists/${PL_WORKOUT_MIX}/tracks`,
    status: 403,
  },
  {
    name: 'removed: delete playlist tracks',
    method: 'DELETE',
    url: `/v1/playlists/${PL_WORKOUT_MIX}/tracks`,
    status: 403,
  },
  {
    name: 'removed: create for user',
    method: 'POST',
    url: '/v1/users/demo/playlists',
    body: { name: 'x' },
    status: 403,
  },
  { name: 'removed: user playlists', method: 'GET', url: '/v1/users/demo/playlists', status: 403 },
  { name: 'removed: save tracks', method: 'PUT', url: '/v1/me/tracks?ids=t-highway', status: 403 },
  { name: 'removed: unsave tracks', method: 'DELETE', url: '/v1/me/tracks?ids=t-highway', status: 403 },
  {
    name: 'removed: tracks contain',
    method: 'GET',
    url: '/v1/me/tracks/contains?ids=t-highway',
    status: 403,
  },
  {
    name: 'removed: recommendations',
    method: 'GET',
    url: '/v1/recommendations?seed_genres=rock',
    status: 403,
  },
  {
    name: 'removed: genre seeds',
    method: 'GET',
    url: '/v1/recommendations/available-genre-seeds',
    status: 403,
  },
  {
    name: 'removed: related artists',
    method: 'GET',
    url: '/v1/artists/ar-queen/related-artists',
    status: 403,
  },
  { name: 'removed: audio features', method: 'GET', url: '/v1/audio-features?ids=t-highway', status: 403 },
  { name: 'removed: audio features of one', method: 'GET', url: '/v1/audio-features/t-highway', status: 403 },
  { name: 'removed: audio analysis', method: 'GET', url: '/v1/audio-analysis/t-highway', status: 403 },
  { name: 'removed: featured playlists', method: 'GET', url: '/v1/browse/featured-playlists', status: 403 },
  {
    name: 'removed: category playlists',
    method: 'GET',
    url: '/v1/browse/categories/jazz/playlists',
    status: 403,
  },
];

const spec = loadSpec();

describe(`OpenAPI contract (spec ${spec.version})`, () => {
  let emulator: Emulator;
  const tokens: Record<string, string | undefined> = {};
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    tokens.demo = emulator.issueToken('demo');
    tokens.free = emulator.issueToken('free');
    tokens['no-scopes'] = emulator.issueToken('demo', []);
    tokens.expired = emulator.issueToken('demo');
    emulator.expireToken(tokens.expired);
    tokens.none = undefined;
    Object.values(tokens).forEach((t) => t && registerSecret(t));
  });

  const templates = servedEndpoints();
  const templateOf = (method: string, url: string) => {
    const pathname = new URL(url, 'http://x').pathname;
    return templates.find(
      (t) => t.method === method && new RegExp(`^${t.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
    );
  };

  test.each(templates.map((t) => [`${t.method} ${t.path}`, t] as const))(
    '%s exists in the spec (deprecated there exactly when Spotify removed it)',
    (_name, t) => {
      const op = findOperation(t.method, t.path.replace(/\{[^}]+\}/g, 'x1'));
      expect(op).toBeDefined();
      expect(op!.deprecated).toBe(t.removed);
    },
  );

  test('every served endpoint has at least one contract case below', () => {
    const covered = new Set(
      CASES.map((c) => templateOf(c.method, c.url)).map((t) => t && `${t.method} ${t.path}`),
    );
    const missing = templates.map((t) => `${t.method} ${t.path}`).filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  test.each(CASES.map((c) => [`${c.method} ${c.url} (${c.name}) -> ${c.status}`, c] as const))(
    '%s validates against the spec',
    async (_name, c) => {
      c.arrange?.(emulator);
      const a = await call(c.method, `${emulator.url}${c.url}`, {
        token: tokens[c.who ?? 'demo'],
        body: c.body,
      });
      expect(a.status).toBe(c.status);
      const result = validateResponse(c.method, c.url, a.status, a.json ?? (a.text || undefined));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      // The statuses Spotify really sends but the spec leaves out are errors with the usual envelope.
      if (!result.documented) expect(a.status).toBeGreaterThanOrEqual(400);
    },
  );
});
