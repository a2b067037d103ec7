/**
 * The parts of Spotify's Web API objects the skill reads. Spotify returns null for many fields that
 * its OpenAPI description does not mark nullable (`context`, `item`, `device.id`, entries in `items`),
 * so the types here say so.
 */
export interface Image {
  url: string;
  height?: number | null;
  width?: number | null;
}

export interface ArtistRef {
  id?: string;
  name: string;
  uri: string;
}

export interface AlbumRef {
  id?: string;
  name: string;
  uri: string;
  images?: Image[] | null;
  artists?: ArtistRef[];
}

export interface Track {
  type: 'track';
  id: string | null;
  name: string;
  uri: string;
  duration_ms: number;
  artists: ArtistRef[];
  album: AlbumRef;
  is_local?: boolean;
}

/** Where the linked user stopped in an episode (present only with the `user-read-playback-position` scope). */
export interface ResumePoint {
  fully_played?: boolean;
  resume_position_ms?: number;
}

export interface Episode {
  type: 'episode';
  id: string;
  name: string;
  uri: string;
  duration_ms: number;
  images?: Image[] | null;
  /** "2026-03-02", or only "2026-03" / "2026" (`release_date_precision`). */
  release_date?: string;
  resume_point?: ResumePoint | null;
  /** Only on full episodes (the player's item); a show's own listing leaves it out. */
  show?: { id?: string; name: string; uri?: string; publisher?: string; images?: Image[] | null };
}

export type PlayableItem = Track | Episode;

export interface Device {
  id: string | null;
  is_active: boolean;
  is_private_session: boolean;
  is_restricted: boolean;
  name: string;
  type: string;
  volume_percent: number | null;
  supports_volume?: boolean;
}

export interface PlaybackContext {
  type: string;
  uri: string;
  href?: string;
}

export type RepeatState = 'off' | 'track' | 'context';

/** `GET /me/player/queue`, as the client hands it on. */
export interface Queue {
  currentlyPlaying: PlayableItem | null;
  /** What plays next, in order: the user's queue, then the rest of the context. */
  queue: PlayableItem[];
}

export interface PlaybackState {
  device: Device;
  repeat_state: RepeatState;
  shuffle_state: boolean;
  context: PlaybackContext | null;
  timestamp?: number;
  progress_ms: number | null;
  is_playing: boolean;
  item: PlayableItem | null;
  currently_playing_type: 'track' | 'episode' | 'ad' | 'unknown';
  actions?: { disallows?: Record<string, boolean> };
}

export interface Paging<T> {
  href: string;
  limit: number;
  offset: number;
  total: number;
  next: string | null;
  previous: string | null;
  items: Array<T | null>;
}

/** A page with Spotify's `null` entries (unavailable or Spotify-owned editorial items) already dropped. */
export type Page<T> = Omit<Paging<T>, 'items'> & {
  items: T[];
  /** How many `null` entries were dropped (a search's hits Spotify hides from apps, such as its own playlists). */
  hidden?: number;
};

/** `GET /me`. Since 2026 there is no `product`: Premium shows only as `PREMIUM_REQUIRED` on a command. */
export interface UserProfile {
  id: string;
  display_name: string | null;
  uri?: string;
  href?: string;
  images?: Image[] | null;
  type?: 'user';
}

export interface PlaylistOwner {
  id: string;
  display_name?: string | null;
  uri?: string;
}

export interface SimplifiedPlaylist {
  id: string;
  name: string;
  uri: string;
  description?: string | null;
  owner: PlaylistOwner;
  public?: boolean | null;
  collaborative: boolean;
  images?: Image[] | null;
  snapshot_id?: string;
  /** Since 2026 the item count is `items.total` (`tracks` is deprecated; either may be missing). */
  items?: { href?: string; total: number | null } | null;
  tracks?: { href?: string; total: number | null } | null;
}

/** An entry of `GET /playlists/{id}/items`; `item` replaces the deprecated `track` (2026). */
export interface PlaylistItem {
  added_at: string | null;
  added_by?: { id: string } | null;
  is_local?: boolean;
  item: PlayableItem | null;
  /** Deprecated twin of `item`, still sent by some responses. */
  track?: PlayableItem | null;
}

export interface Playlist extends Omit<SimplifiedPlaylist, 'items' | 'tracks'> {
  followers?: { total: number | null };
  /** Full playlist objects embed the first page of entries (`tracks` is the deprecated twin). */
  items?: Paging<PlaylistItem> | null;
  tracks?: Paging<PlaylistItem> | null;
}

export interface SavedTrack {
  added_at: string;
  track: Track;
}

export interface PlayHistory {
  track: Track;
  played_at: string;
  context: PlaybackContext | null;
}

export interface Artist {
  id: string;
  name: string;
  uri: string;
  genres?: string[];
  images?: Image[] | null;
  popularity?: number;
}

export interface Album {
  id: string;
  name: string;
  uri: string;
  album_type?: string;
  artists: ArtistRef[];
  images?: Image[] | null;
  release_date?: string;
  total_tracks?: number;
}

export interface Show {
  id: string;
  name: string;
  uri: string;
  publisher?: string;
  images?: Image[] | null;
  total_episodes?: number;
}

/** An entry of `GET /me/shows`: a show the user follows. */
export interface SavedShow {
  added_at: string;
  show: Show;
}

export type SearchType = 'artist' | 'album' | 'track' | 'playlist' | 'show' | 'episode';

/** `GET /search`: one page per requested type, `null` entries dropped. */
export interface SearchResults {
  artists?: Page<Artist>;
  albums?: Page<Album>;
  tracks?: Page<Track>;
  playlists?: Page<SimplifiedPlaylist>;
  shows?: Page<Show>;
  episodes?: Page<Episode>;
}
