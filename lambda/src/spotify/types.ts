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

export interface Episode {
  type: 'episode';
  id: string;
  name: string;
  uri: string;
  duration_ms: number;
  images?: Image[] | null;
  show?: { name: string; publisher?: string; images?: Image[] | null };
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
