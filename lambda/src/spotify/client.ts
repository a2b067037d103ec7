import type { Deadline } from '../util/deadline';
import type { Logger } from '../util/logger';
import {
  type CallOptions,
  type CoreOptions,
  type Query,
  RequestCore,
  type RetryPolicy,
  type Sleep,
} from './core';
import { type EndpointId, endpoint } from './endpoints';
import { BadResponseError } from './errors';
import type {
  Device,
  Episode,
  Page,
  Paging,
  PlayableItem,
  PlayHistory,
  PlaybackState,
  Playlist,
  PlaylistItem,
  Queue,
  RepeatState,
  SavedShow,
  SavedTrack,
  SearchResults,
  SearchType,
  SimplifiedPlaylist,
  UserProfile,
} from './types';

/** Spotify's page-size limits: https://developer.spotify.com/documentation/web-api/reference/get-a-list-of-current-users-playlists */
const PLAYLIST_PAGE = 50;
/**
 * `mine()` stops after this many pages (1,000 playlists): every page after the first is fetched in parallel,
 * and a voice request has a few seconds, not minutes.
 */
export const MAX_PLAYLIST_PAGES = 20;
/** Development Mode allows at most 10 results per type (2026). */
export const SEARCH_LIMIT_MAX = 10;
/** `PUT /me/library` takes at most 40 URIs, `POST /playlists/{id}/items` at most 100. */
const LIBRARY_BATCH = 40;
const PLAYLIST_ADD_BATCH = 100;

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** `limit` and `offset` of a paged GET, clamped to what Spotify accepts. */
function pageQuery(options: { limit?: number; offset?: number }): Query {
  return {
    limit: options.limit === undefined ? undefined : clamp(options.limit, 1, 50),
    offset: options.offset === undefined ? undefined : clamp(options.offset, 0, Number.MAX_SAFE_INTEGER),
  };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The entries that are objects: Spotify sends `null` for unavailable items (and a broken answer worse). */
function objectsOnly<T>(items: ReadonlyArray<T | null | undefined>): T[] {
  return items.filter((item): item is T => typeof item === 'object' && item !== null);
}

const RESULT_KEYS: Record<SearchType, keyof SearchResults> = {
  artist: 'artists',
  album: 'albums',
  track: 'tracks',
  playlist: 'playlists',
  show: 'shows',
  episode: 'episodes',
};

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Shape checks at the client boundary: what a handler may take for granted about an answer. Anything else is
 * a broken answer (BAD_RESPONSE, "Spotify sent an answer I could not understand"), not a TypeError later.
 */
const SHAPES = {
  any: () => true,
  /** A paging object: an `items` array and a `total` count (a handler speaks it and pages by it). */
  page: (body: Body) =>
    Array.isArray(body.items) && Number.isInteger(body.total) && (body.total as number) >= 0,
  /** A cursor-based paging object (recently played): an `items` array. */
  items: (body: Body) => Array.isArray(body.items),
  devices: (body: Body) => Array.isArray(body.devices),
  profile: (body: Body) =>
    typeof body.id === 'string' && (body.display_name == null || typeof body.display_name === 'string'),
  /** Every result type present is a page with an `items` array (an absent or null type is no results). */
  search: (body: Body) =>
    Object.values(RESULT_KEYS).every(
      (key) => body[key] == null || (isObject(body[key]) && Array.isArray((body[key] as Body).items)),
    ),
} satisfies Record<string, (body: Body) => boolean>;

/** The shared plumbing of the endpoint groups. */
abstract class Group {
  constructor(protected readonly core: RequestCore) {}

  /** For commands: what Spotify answered, if anything (the body of a command's answer is not needed). */
  protected async send<T>(id: EndpointId, call?: CallOptions): Promise<T | null> {
    return (await this.core.call<T>(endpoint(id), call)).data;
  }

  /** For answers that may be empty (204, nothing active); a body that is there must be a JSON object. */
  protected async fetchOptional<T extends object>(id: EndpointId, call?: CallOptions): Promise<T | null> {
    const res = await this.core.call<T>(endpoint(id), call);
    if (res.data !== null && !isObject(res.data)) throw broken(res.status);
    return res.data;
  }

  /** For endpoints whose answer must be a JSON object of a known shape: anything else is a broken answer. */
  protected async fetch<T extends object>(
    id: EndpointId,
    call?: CallOptions,
    shape: (body: Body) => boolean = SHAPES.any,
  ): Promise<T> {
    const res = await this.core.call<T>(endpoint(id), call);
    if (!isObject(res.data) || !shape(res.data)) throw broken(res.status);
    return res.data as T;
  }
}

function broken(status: number): BadResponseError {
  return new BadResponseError(`Spotify answered ${status} without the expected body`, status);
}

/** `/me`: the linked user. */
export class MeApi extends Group {
  /** `GET /me`: id and display name (no scope needed for these). */
  get(): Promise<UserProfile> {
    return this.fetch<UserProfile>('me.get', undefined, SHAPES.profile);
  }
}

export interface PlayOptions {
  deviceId?: string;
  contextUri?: string;
  uris?: string[];
  offset?: { position: number } | { uri: string };
  positionMs?: number;
}

/** `/me/player`: playback state and commands. https://developer.spotify.com/documentation/web-api/reference/get-information-about-the-users-current-playback */
export class PlayerApi extends Group {
  // Without additional_types=episode a podcast episode comes back as `item: null`.
  private static readonly WITH_EPISODES: Query = { additional_types: 'episode' };

  /** Current playback; null when Spotify answers 204 (nothing active). */
  getPlaybackState(): Promise<PlaybackState | null> {
    return this.fetchOptional<PlaybackState>('player.state', { query: PlayerApi.WITH_EPISODES });
  }

  /** What is playing; null when Spotify answers 204. */
  getCurrentlyPlaying(): Promise<PlaybackState | null> {
    return this.fetchOptional<PlaybackState>('player.currentlyPlaying', {
      query: PlayerApi.WITH_EPISODES,
    });
  }

  /**
   * `GET /me/player/queue`: what plays now and what comes after it (the user's queue, then the context).
   * Entries that are not objects are dropped; no queue at all reads as empty.
   */
  async getQueue(): Promise<Queue> {
    const body = await this.fetchOptional<{ currently_playing?: PlayableItem | null; queue?: unknown }>(
      'player.getQueue',
    );
    if (body && body.queue != null && !Array.isArray(body.queue)) throw broken(200);
    return {
      currentlyPlaying: isObject(body?.currently_playing) ? (body.currently_playing as PlayableItem) : null,
      queue: objectsOnly((body?.queue as Array<PlayableItem | null> | undefined) ?? []),
    };
  }

  /** Every device Spotify can see; entries that are not objects dropped (`id` itself may still be null). */
  async getDevices(): Promise<Device[]> {
    const body = await this.fetch<{ devices: Array<Device | null> }>(
      'player.devices',
      undefined,
      SHAPES.devices,
    );
    return objectsOnly(body.devices);
  }

  /** `PUT /me/player`: Spotify takes exactly one device id. */
  async transfer(deviceId: string, play?: boolean): Promise<void> {
    await this.send('player.transfer', {
      body: { device_ids: [deviceId], ...(play === undefined ? {} : { play }) },
    });
  }

  /** `PUT /me/player/play`: resume (no options) or start a context, list of URIs, offset or position. */
  async play(options: PlayOptions = {}): Promise<void> {
    const body: Record<string, unknown> = {};
    if (options.contextUri !== undefined) body.context_uri = options.contextUri;
    if (options.uris !== undefined) body.uris = options.uris;
    if (options.offset !== undefined) body.offset = options.offset;
    if (options.positionMs !== undefined)
      body.position_ms = clamp(options.positionMs, 0, Number.MAX_SAFE_INTEGER);
    await this.send('player.play', {
      query: { device_id: options.deviceId },
      body: Object.keys(body).length > 0 ? body : undefined,
    });
  }

  async pause(deviceId?: string): Promise<void> {
    await this.send('player.pause', { query: { device_id: deviceId } });
  }

  async next(deviceId?: string): Promise<void> {
    await this.send('player.next', { query: { device_id: deviceId } });
  }

  async previous(deviceId?: string): Promise<void> {
    await this.send('player.previous', { query: { device_id: deviceId } });
  }

  async seek(positionMs: number, deviceId?: string): Promise<void> {
    await this.send('player.seek', {
      query: { position_ms: clamp(positionMs, 0, Number.MAX_SAFE_INTEGER), device_id: deviceId },
    });
  }

  /** Rounds and clamps to 0..100: "louder" past the top is still 100. */
  async setVolume(percent: number, deviceId?: string): Promise<void> {
    await this.send('player.volume', {
      query: { volume_percent: clamp(percent, 0, 100), device_id: deviceId },
    });
  }

  async setShuffle(on: boolean, deviceId?: string): Promise<void> {
    await this.send('player.shuffle', { query: { state: on, device_id: deviceId } });
  }

  async setRepeat(state: RepeatState, deviceId?: string): Promise<void> {
    await this.send('player.repeat', { query: { state, device_id: deviceId } });
  }

  /** `POST /me/player/queue`: never sent twice once it may have arrived (the song would be queued twice). */
  async queue(uri: string, deviceId?: string): Promise<void> {
    await this.send('player.queue', { query: { uri, device_id: deviceId } });
  }

  /** The latest plays, newest first; `limit` is clamped to Spotify's 1..50. */
  async recentlyPlayed(limit = 20): Promise<PlayHistory[]> {
    const body = await this.fetch<{ items: Array<PlayHistory | null> }>(
      'player.recentlyPlayed',
      { query: { limit: clamp(limit, 1, 50) } },
      SHAPES.items,
    );
    return objectsOnly(body.items);
  }
}

/** Playlists: the 2026 paths (`/playlists/{id}/items`, `POST /me/playlists`). */
export class PlaylistsApi extends Group {
  /** Every playlist the user owns or follows (see `scan`). */
  async mine(): Promise<SimplifiedPlaylist[]> {
    return (await this.scan()).playlists;
  }

  /**
   * The user's playlists without waiting on `total` to page: offsets 0 and 50 at once (one round trip for
   * up to 100 playlists), then every page left in parallel once `total` is known, so 200 playlists cost two
   * round trips and 60 cost one. `enough` may end it after the first two pages (a confident match is already
   * in them); `complete` says whether every page was read. Spotify-owned editorial playlists arrive as
   * `null` entries and are dropped.
   */
  async scan(
    enough?: (seen: SimplifiedPlaylist[]) => boolean,
  ): Promise<{ playlists: SimplifiedPlaylist[]; complete: boolean }> {
    const head = await Promise.all([this.page(0, PLAYLIST_PAGE), this.page(PLAYLIST_PAGE, PLAYLIST_PAGE)]);
    const total = Math.min(head[0].total, PLAYLIST_PAGE * MAX_PLAYLIST_PAGES);
    const seen = head.flatMap((page) => objectsOnly(page.items));
    const offsets: number[] = [];
    for (let offset = 2 * PLAYLIST_PAGE; offset < total; offset += PLAYLIST_PAGE) offsets.push(offset);
    if (offsets.length === 0) return { playlists: seen, complete: true };
    if (enough?.(seen)) return { playlists: seen, complete: false };
    const rest = await Promise.all(offsets.map((offset) => this.page(offset, PLAYLIST_PAGE)));
    return { playlists: [...seen, ...rest.flatMap((page) => objectsOnly(page.items))], complete: true };
  }

  /** One page of `GET /me/playlists`, as Spotify sent it (entries may be null). */
  page(offset: number, limit: number): Promise<Paging<SimplifiedPlaylist>> {
    return this.fetch<Paging<SimplifiedPlaylist>>(
      'playlists.mine',
      { query: { limit: clamp(limit, 1, PLAYLIST_PAGE), offset: clamp(offset, 0, 100_000) } },
      SHAPES.page,
    );
  }

  get(id: string): Promise<Playlist> {
    return this.fetch<Playlist>('playlists.get', { params: { id } });
  }

  /** One page of a playlist's entries (readable by its owner and collaborators only, since 2026). */
  items(id: string, options: { limit?: number; offset?: number } = {}): Promise<Paging<PlaylistItem>> {
    return this.fetch<Paging<PlaylistItem>>(
      'playlists.items',
      { params: { id }, query: pageQuery(options) },
      SHAPES.page,
    );
  }

  /**
   * `POST /playlists/{id}/items` (201). Never retried once it may have reached Spotify: a duplicate adds the
   * songs twice. More than 100 URIs go in consecutive requests, in order.
   */
  async addItems(id: string, uris: string[]): Promise<{ snapshot_id: string }> {
    if (uris.length === 0) throw new RangeError('addItems needs at least one URI');
    let last: { snapshot_id: string } | undefined;
    for (const batch of chunks(uris, PLAYLIST_ADD_BATCH)) {
      last = await this.fetch<{ snapshot_id: string }>('playlists.addItems', {
        params: { id },
        body: { uris: batch },
      });
    }
    return last!;
  }

  /** `POST /me/playlists` (201). Never retried once it may have reached Spotify: no duplicate playlists. */
  create(name: string, options: { public?: boolean; description?: string } = {}): Promise<Playlist> {
    return this.fetch<Playlist>('playlists.create', {
      body: {
        name,
        ...(options.public === undefined ? {} : { public: options.public }),
        ...(options.description === undefined ? {} : { description: options.description }),
      },
    });
  }
}

/** The user's library: `PUT /me/library` (2026) and the Liked Songs. */
export class LibraryApi extends Group {
  /** Saves tracks, albums, episodes or shows; more than 40 URIs go in several (idempotent) requests. */
  async save(uris: string[]): Promise<void> {
    if (uris.length === 0) return;
    await Promise.all(
      chunks(uris, LIBRARY_BATCH).map((batch) =>
        this.send('library.save', { query: { uris: batch.join(',') } }),
      ),
    );
  }

  /** The podcasts the user follows (`GET /me/shows`), most recently followed first; null entries dropped. */
  async savedShows(limit = 20): Promise<SavedShow[]> {
    const body = await this.fetch<Paging<SavedShow>>(
      'library.savedShows',
      { query: { limit: clamp(limit, 1, 50) } },
      SHAPES.page,
    );
    return objectsOnly(body.items).filter((saved) => isObject(saved.show));
  }

  /** One page of Liked Songs (`GET /me/tracks`, which stays current; only its write forms were removed). */
  likedTracks(options: { limit?: number; offset?: number } = {}): Promise<Paging<SavedTrack>> {
    return this.fetch<Paging<SavedTrack>>('library.likedTracks', { query: pageQuery(options) }, SHAPES.page);
  }
}

/** Podcasts: https://developer.spotify.com/documentation/web-api/reference/get-a-shows-episodes */
export class ShowsApi extends Group {
  /**
   * One page of a show's episodes, newest first, each with the user's `resume_point` (the scope
   * `user-read-playback-position` puts it there); `null` entries dropped.
   */
  async episodes(id: string, options: { limit?: number; offset?: number } = {}): Promise<Page<Episode>> {
    const page = await this.fetch<Paging<Episode>>(
      'shows.episodes',
      { params: { id }, query: pageQuery(options) },
      SHAPES.page,
    );
    return { ...page, items: objectsOnly(page.items) };
  }
}

export class SearchApi extends Group {
  /** `GET /search`; `limit` clamped to 1..10 (Development Mode), `null` entries dropped from every type. */
  async query(q: string, types: SearchType[], limit = 5): Promise<SearchResults> {
    if (types.length === 0) throw new RangeError('search needs at least one type');
    const body = await this.fetch<Record<string, Paging<unknown> | null | undefined>>(
      'search.query',
      { query: { q, type: [...new Set(types)].join(','), limit: clamp(limit, 1, SEARCH_LIMIT_MAX) } },
      SHAPES.search,
    );
    const results: Record<string, unknown> = {};
    for (const type of types) {
      const key = RESULT_KEYS[type];
      const page = body[key];
      if (!page || typeof page !== 'object') continue;
      const items = objectsOnly(page.items);
      results[key] = { ...page, items, hidden: page.items.length - items.length };
    }
    return results as SearchResults;
  }
}

/** The Spotify Web API facade: endpoint groups over one request core. */
export class SpotifyClient {
  readonly me: MeApi;
  readonly player: PlayerApi;
  readonly playlists: PlaylistsApi;
  readonly library: LibraryApi;
  readonly shows: ShowsApi;
  readonly search: SearchApi;

  constructor(core: RequestCore) {
    this.me = new MeApi(core);
    this.player = new PlayerApi(core);
    this.playlists = new PlaylistsApi(core);
    this.library = new LibraryApi(core);
    this.shows = new ShowsApi(core);
    this.search = new SearchApi(core);
  }
}

export interface SpotifyClientFactoryOptions {
  baseUrl: string;
  logger: Logger;
  /** Tests pass a sleep that does not wait; default is a real timer. */
  sleep?: Sleep;
  retry?: RetryPolicy;
  /**
   * Sockets to Spotify at most, for a host that serves many requests at once (`npm run serve`): this
   * factory then has its own keep-alive agents of that size. Unset: the container's shared pool of 8.
   */
  maxSockets?: number;
}

/** Builds a client for one invocation: the user's token and the invocation's deadline. */
export type SpotifyClientFactory = (
  accessToken: string,
  deadline: Deadline,
  logger?: Logger,
) => SpotifyClient;

export function createSpotifyClientFactory(options: SpotifyClientFactoryOptions): SpotifyClientFactory {
  let agents: CoreOptions['agents'];
  if (options.maxSockets) {
    const pool = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets };
    agents = {
      http: new (require('node:http') as typeof import('node:http')).Agent(pool),
      https: new (require('node:https') as typeof import('node:https')).Agent(pool),
    };
  }
  return (accessToken, deadline, logger = options.logger) =>
    new SpotifyClient(
      new RequestCore({
        baseUrl: options.baseUrl,
        accessToken,
        deadline,
        logger,
        sleep: options.sleep,
        retry: options.retry,
        agents,
      }),
    );
}
