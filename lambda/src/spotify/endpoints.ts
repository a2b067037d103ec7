/**
 * Every Spotify Web API endpoint the client calls, as data. The request core takes one of these entries
 * plus parameters, so this table is the whole truth about what the skill sends: the deployment validator
 * derives the OAuth scopes from it (`requiredScopes`), and tests check it against the OpenAPI description and
 * against `REMOVED_ENDPOINTS`.
 *
 * Scopes are Spotify's documented ones per endpoint (https://developer.spotify.com/documentation/web-api/concepts/scopes),
 * narrowed to what the skill uses: `PUT /me/library` lists `user-follow-modify` and `playlist-modify-public`
 * too, but those are only for saving artists, users and playlists; the skill saves tracks and episodes.
 */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface Endpoint {
  /** Stable name used in logs and tests: `group.action`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template below the API base; `{name}` segments are filled (and URI-encoded) by the core. */
  readonly path: string;
  /** OAuth scopes Spotify requires for this call (empty: any valid token). */
  readonly scopes: readonly string[];
  /**
   * Whether sending the request twice has the same effect as sending it once. Only idempotent requests are
   * retried after they may have reached Spotify (5xx, reset, timeout, 202). Non-idempotent ones are retried
   * only when Spotify provably did not act on them: the connection was refused, or Spotify answered 429.
   */
  readonly idempotent: boolean;
  /**
   * A player or device command: a 404 without a `reason` here means the target device id is stale
   * ("Device not found"), not that the path is wrong.
   */
  readonly player?: boolean;
  /**
   * A write whose outcome the skill reads back when its answer is lost (spotify/once.ts): the core keeps part
   * of the deadline back from its timeout for that read.
   */
  readonly readBack?: boolean;
}

const PLAYBACK_READ = ['user-read-playback-state'];
const PLAYBACK_MODIFY = ['user-modify-playback-state'];
const PLAYLIST_MODIFY = ['playlist-modify-public', 'playlist-modify-private'];

/**
 * The table. POST next/previous/queue are not idempotent (a duplicate skips twice or queues a song twice), so
 * they are never retried once they may have reached Spotify, exactly like adding to or creating a playlist.
 */
export const ENDPOINTS = [
  { id: 'me.get', method: 'GET', path: '/me', scopes: [], idempotent: true },

  {
    id: 'player.state',
    method: 'GET',
    path: '/me/player',
    scopes: PLAYBACK_READ,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.currentlyPlaying',
    method: 'GET',
    path: '/me/player/currently-playing',
    scopes: ['user-read-currently-playing'],
    idempotent: true,
    player: true,
  },
  {
    id: 'player.devices',
    method: 'GET',
    path: '/me/player/devices',
    scopes: PLAYBACK_READ,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.transfer',
    method: 'PUT',
    path: '/me/player',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.play',
    method: 'PUT',
    path: '/me/player/play',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.pause',
    method: 'PUT',
    path: '/me/player/pause',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.next',
    method: 'POST',
    path: '/me/player/next',
    scopes: PLAYBACK_MODIFY,
    idempotent: false,
    player: true,
  },
  {
    id: 'player.previous',
    method: 'POST',
    path: '/me/player/previous',
    scopes: PLAYBACK_MODIFY,
    idempotent: false,
    player: true,
  },
  {
    id: 'player.seek',
    method: 'PUT',
    path: '/me/player/seek',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.volume',
    method: 'PUT',
    path: '/me/player/volume',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.shuffle',
    method: 'PUT',
    path: '/me/player/shuffle',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.repeat',
    method: 'PUT',
    path: '/me/player/repeat',
    scopes: PLAYBACK_MODIFY,
    idempotent: true,
    player: true,
  },
  {
    id: 'player.queue',
    method: 'POST',
    path: '/me/player/queue',
    scopes: PLAYBACK_MODIFY,
    idempotent: false,
    player: true,
  },
  {
    id: 'player.getQueue',
    method: 'GET',
    path: '/me/player/queue',
    scopes: ['user-read-currently-playing', 'user-read-playback-state'],
    idempotent: true,
    player: true,
  },
  {
    id: 'player.recentlyPlayed',
    method: 'GET',
    path: '/me/player/recently-played',
    scopes: ['user-read-recently-played'],
    idempotent: true,
  },

  {
    id: 'playlists.mine',
    method: 'GET',
    path: '/me/playlists',
    // Collaborative playlists are listed only with playlist-read-collaborative.
    scopes: ['playlist-read-private', 'playlist-read-collaborative'],
    idempotent: true,
  },
  {
    id: 'playlists.get',
    method: 'GET',
    path: '/playlists/{id}',
    // Public playlists need no scope; the user's private and collaborative ones do.
    scopes: ['playlist-read-private', 'playlist-read-collaborative'],
    idempotent: true,
  },
  {
    id: 'playlists.items',
    method: 'GET',
    path: '/playlists/{id}/items',
    scopes: ['playlist-read-private', 'playlist-read-collaborative'],
    idempotent: true,
  },
  {
    id: 'playlists.addItems',
    method: 'POST',
    path: '/playlists/{id}/items',
    scopes: PLAYLIST_MODIFY,
    idempotent: false,
    readBack: true,
  },
  {
    id: 'playlists.create',
    method: 'POST',
    path: '/me/playlists',
    scopes: PLAYLIST_MODIFY,
    idempotent: false,
    readBack: true,
  },

  {
    id: 'library.save',
    method: 'PUT',
    path: '/me/library',
    scopes: ['user-library-modify'],
    idempotent: true,
    readBack: true,
  },
  {
    id: 'library.likedTracks',
    method: 'GET',
    path: '/me/tracks',
    scopes: ['user-library-read'],
    idempotent: true,
  },

  {
    id: 'library.savedShows',
    method: 'GET',
    path: '/me/shows',
    scopes: ['user-library-read'],
    idempotent: true,
  },

  {
    id: 'shows.episodes',
    method: 'GET',
    path: '/shows/{id}/episodes',
    // The listing itself is catalogue data; this scope is what puts the user's `resume_point` on each episode.
    scopes: ['user-read-playback-position'],
    idempotent: true,
  },

  { id: 'search.query', method: 'GET', path: '/search', scopes: [], idempotent: true },
] as const satisfies readonly Endpoint[];

export type EndpointId = (typeof ENDPOINTS)[number]['id'];

const BY_ID = new Map<string, Endpoint>(ENDPOINTS.map((e) => [e.id, e]));

/** The entry for an id; the type system makes an unknown id a compile error. */
export function endpoint(id: EndpointId): Endpoint {
  return BY_ID.get(id)!;
}

/**
 * The exact OAuth scopes the skill needs: the union over the table, sorted. accountLinking.json must ask for
 * exactly these (npm run validate, test/spotify/endpoints.test.ts), and the emulator grants them by default.
 */
export function requiredScopes(): string[] {
  return [...new Set(ENDPOINTS.flatMap((e) => e.scopes as readonly string[]))].sort();
}

export interface RemovedEndpoint {
  /** A method, or '*' for every method. */
  readonly method: HttpMethod | '*';
  /** Path template; `{x}` matches one segment. */
  readonly path: string;
  readonly why: string;
}

/**
 * Endpoints Spotify removed or deprecated in its 2024–2026 changes (the old paths answer 403 for new apps).
 * The client must never call one: tests check ENDPOINTS and every request an emulator logged against this.
 */
export const REMOVED_ENDPOINTS: readonly RemovedEndpoint[] = [
  { method: 'GET', path: '/playlists/{id}/tracks', why: 'replaced by GET /playlists/{id}/items (2026)' },
  { method: 'POST', path: '/playlists/{id}/tracks', why: 'replaced by POST /playlists/{id}/items (2026)' },
  { method: 'PUT', path: '/playlists/{id}/tracks', why: 'replaced by PUT /playlists/{id}/items (2026)' },
  {
    method: 'DELETE',
    path: '/playlists/{id}/tracks',
    why: 'replaced by DELETE /playlists/{id}/items (2026)',
  },
  { method: 'POST', path: '/users/{id}/playlists', why: 'replaced by POST /me/playlists (2026)' },
  {
    method: 'GET',
    path: '/users/{id}/playlists',
    why: 'deprecated; GET /me/playlists lists the linked user',
  },
  { method: 'PUT', path: '/me/tracks', why: 'replaced by PUT /me/library (2026)' },
  { method: 'DELETE', path: '/me/tracks', why: 'replaced by DELETE /me/library (2026)' },
  { method: 'GET', path: '/me/tracks/contains', why: 'deprecated (2026)' },
  { method: '*', path: '/recommendations', why: 'removed for new apps (November 2024)' },
  {
    method: '*',
    path: '/recommendations/available-genre-seeds',
    why: 'removed for new apps (November 2024)',
  },
  { method: '*', path: '/artists/{id}/related-artists', why: 'removed for new apps (November 2024)' },
  { method: '*', path: '/audio-features', why: 'removed for new apps (November 2024)' },
  { method: '*', path: '/audio-features/{id}', why: 'removed for new apps (November 2024)' },
  { method: '*', path: '/audio-analysis/{id}', why: 'removed for new apps (November 2024)' },
  { method: '*', path: '/browse/featured-playlists', why: 'removed for new apps (November 2024)' },
  { method: '*', path: '/browse/categories/{id}/playlists', why: 'removed for new apps (November 2024)' },
];

function templateToRegExp(template: string): RegExp {
  const body = template
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${body}/?$`);
}

/** Built on the first check: the skill itself never checks at run time (the tests and the emulator do). */
let removedPatterns: Array<RemovedEndpoint & { pattern: RegExp }> | undefined;

/**
 * The removed endpoint a request (or a template) hits, if any. `path` may be a concrete path as logged by a
 * server (with or without the `/v1` prefix) or a template from ENDPOINTS.
 */
export function removedEndpoint(method: string, path: string): RemovedEndpoint | undefined {
  const bare = path.replace(/^\/v1(?=\/)/, '').split('?')[0];
  const upper = method.toUpperCase();
  removedPatterns ??= REMOVED_ENDPOINTS.map((r) => ({ ...r, pattern: templateToRegExp(r.path) }));
  return removedPatterns.find((r) => (r.method === '*' || r.method === upper) && r.pattern.test(bare));
}

/**
 * Fills `{name}` segments of a template. Every value is URI-encoded: playlist ids come from Spotify, but a
 * crafted one must not be able to walk to another path (`..`, `x/y`, `x?y`).
 */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    // encodeURIComponent leaves '.' alone, and URL parsing would resolve a '..' segment.
    return encodeURIComponent(value).replace(/\./g, '%2E');
  });
}
