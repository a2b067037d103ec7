/**
 * The emulator's world: users, their tokens, devices and player, playlists, library and a catalogue. Plain
 * data, so tests can arrange any situation directly (`emulator.state.users.get('demo')!.player = ...`).
 * The seeded world lives in seed.ts; the JSON that Spotify sends is built from this data in shapes.ts.
 */
export interface EmuImage {
  url: string;
  height: number | null;
  width: number | null;
}

export interface EmuDevice {
  /** Spotify sends `id: null` for some devices; the emulator always has one, a test may null it. */
  id: string;
  name: string;
  type: string;
  /** Kept in step with `player.deviceId`, which is the truth: set both when arranging a scene. */
  is_active: boolean;
  is_private_session: boolean;
  /** Restricted devices accept no Web API command (Spotify answers 403). */
  is_restricted: boolean;
  volume_percent: number | null;
  supports_volume: boolean;
  /**
   * When set, the device disappears from the user's device list once `idleMs` have passed since
   * `lastSeenAt` (times from the emulator's `now`) while it is not the active device. A command that targets
   * the device refreshes `lastSeenAt`. Without `idleMs` a device never goes away.
   */
  idleMs?: number;
  lastSeenAt?: number;
}

export interface EmuTrack {
  id: string;
  name: string;
  artists: Array<{ id: string; name: string }>;
  album: { id: string; name: string; images: EmuImage[] };
  duration_ms: number;
  track_number?: number;
  explicit?: boolean;
}

export interface EmuArtist {
  id: string;
  name: string;
  genres: string[];
  popularity: number;
  followers: number;
  images: EmuImage[];
}

export interface EmuAlbum {
  id: string;
  name: string;
  artistIds: string[];
  album_type: 'album' | 'single' | 'compilation';
  release_date: string;
  images: EmuImage[];
  trackIds: string[];
}

export interface EmuShow {
  id: string;
  name: string;
  publisher: string;
  description: string;
  images: EmuImage[];
  /** Newest first, as `GET /shows/{id}/episodes` lists them. */
  episodeIds: string[];
}

export interface EmuEpisode {
  id: string;
  name: string;
  showId: string;
  description: string;
  duration_ms: number;
  release_date: string;
}

export interface EmuPlaylistEntry {
  /** A `spotify:track:…` or `spotify:episode:…` URI. */
  uri: string;
  addedAt: string;
  addedBy: string;
}

export interface EmuPlaylist {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  public: boolean;
  collaborative: boolean;
  /** Users other than the owner who may read and add items (collaborators). */
  collaborators: string[];
  images: EmuImage[];
  entries: EmuPlaylistEntry[];
  snapshot: number;
  followers: number;
}

export interface EmuPlayer {
  deviceId: string | null;
  /** The current item: a track id, or an episode id (looked up in `state.episodes`). */
  trackId: string | null;
  /** `spotify:playlist:…`, `spotify:album:…`, `spotify:artist:…`, `spotify:show:…`, or null. */
  contextUri: string | null;
  isPlaying: boolean;
  progressMs: number;
  shuffle: boolean;
  repeat: 'off' | 'track' | 'context';
  /** Track/episode URIs given to `PUT /me/player/play` as `uris` (a context of its own), else absent. */
  uris?: string[] | null;
  /** URIs added with `POST /me/player/queue`, played before the context continues. */
  queue?: string[];
  /** While a queued item plays: the index in the context to continue after. */
  contextIndex?: number | null;
}

export interface EmuUser {
  id: string;
  displayName: string;
  premium: boolean;
  /**
   * false: the user is not on the Spotify app's allowlist (Development Mode allows five users, added by hand),
   * so every Web API call answers 403 with a plain-text body, not JSON.
   */
  allowlisted?: boolean;
  country?: string;
  devices: EmuDevice[];
  player: EmuPlayer;
  /** What `GET /me/playlists` lists, in order: ids of owned and followed playlists. */
  playlistIds?: string[];
  /** Liked Songs: newest first. */
  savedTracks?: Array<{ trackId: string; addedAt: string }>;
  /** Other saved URIs (albums, episodes, shows…), for `PUT /me/library`. */
  library?: string[];
  recentlyPlayed?: Array<{ trackId: string; playedAt: string; contextUri: string | null }>;
  /** Followed podcasts (`GET /me/shows`), newest first. */
  savedShows?: Array<{ showId: string; addedAt: string }>;
  /**
   * Where the user stopped in each episode they started (an episode's `resume_point`, readable with the
   * `user-read-playback-position` scope); an episode not listed was never started.
   */
  episodePositions?: Record<string, { positionMs: number; fullyPlayed: boolean }>;
}

export interface EmuToken {
  userId: string;
  scopes: Set<string>;
  expiresAt: number;
}

export interface EmuState {
  users: Map<string, EmuUser>;
  tokens: Map<string, EmuToken>;
  tracks: Map<string, EmuTrack>;
  artists: Map<string, EmuArtist>;
  albums: Map<string, EmuAlbum>;
  shows: Map<string, EmuShow>;
  episodes: Map<string, EmuEpisode>;
  playlists: Map<string, EmuPlaylist>;
}

export function image(key: string, size = 640): EmuImage {
  return { url: `https://i.scdn.co/image/${key}`, height: size, width: size };
}

/** A standalone track with its own artist and album (handy in tests; the seed builds a linked catalogue). */
export function track(
  id: string,
  name: string,
  artist: string,
  album: string,
  durationMs = 215000,
): EmuTrack {
  return {
    id,
    name,
    artists: [{ id: `ar-${id}`, name: artist }],
    album: { id: `al-${id}`, name: album, images: [image(id)] },
    duration_ms: durationMs,
  };
}

export function device(id: string, name: string, type: string, extra: Partial<EmuDevice> = {}): EmuDevice {
  return {
    id,
    name,
    type,
    is_active: false,
    is_private_session: false,
    is_restricted: false,
    volume_percent: 50,
    supports_volume: true,
    ...extra,
  };
}

export function emptyPlayer(): EmuPlayer {
  return {
    deviceId: null,
    trackId: null,
    contextUri: null,
    isPlaying: false,
    progressMs: 0,
    shuffle: false,
    repeat: 'off',
    uris: null,
    queue: [],
  };
}
