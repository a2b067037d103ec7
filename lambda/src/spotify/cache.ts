/**
 * Warm caches for one Lambda container: per user, what does not change between two requests a minute apart
 * (the playlist index, the profile id) and, for a few seconds, the device list. Each Spotify round trip a
 * cache saves is 20 to 150 ms of silence before the music.
 *
 * Keyed by an opaque user key (a hash of the Alexa user id, made in context.ts), never by the token, and no
 * entry ever holds a token: the cache keeps only what Spotify answered about the user's own things.
 *
 * Honest by construction: every slot has a maximum age, the whole cache a maximum number of users (least
 * recently used goes first), and callers drop a slot whenever Spotify contradicts it (a name not found in the
 * index, a 404 for a cached id, a snapshot_id that changed, NO_ACTIVE_DEVICE).
 */
import type { Device, Image, SimplifiedPlaylist } from './types';

/** One playlist as the index keeps it: enough to match a spoken name, play it, add to it and card it. */
export interface CachedPlaylist {
  id: string;
  name: string;
  uri: string;
  /** `items.total` when the index was read (or after a write the skill made). */
  total: number | null;
  snapshotId: string | null;
  ownerId: string | null;
  collaborative: boolean;
  /** The first image only, for the card. */
  images: Image[] | null;
}

export interface PlaylistIndex {
  playlists: CachedPlaylist[];
  /** False when paging stopped early on a confident match: a name not in it proves nothing. */
  complete: boolean;
}

export interface CacheLimits {
  /** Users kept at most; the least recently used one is dropped first. */
  users: number;
  playlistsMs: number;
  profileMs: number;
  /** Devices come and go (a TV switched off), so the list is trusted for a few seconds only. */
  devicesMs: number;
}

export const CACHE_LIMITS: CacheLimits = {
  users: 500,
  playlistsMs: 10 * 60_000,
  profileMs: 60 * 60_000,
  devicesMs: 10_000,
};

interface Slot<T> {
  value: T;
  at: number;
}

/** The cached view of a playlist from what `GET /me/playlists` sent. */
export function toCachedPlaylist(p: SimplifiedPlaylist): CachedPlaylist {
  const total = p.items?.total ?? p.tracks?.total;
  return {
    id: p.id,
    name: p.name,
    uri: p.uri,
    total: typeof total === 'number' ? total : null,
    snapshotId: typeof p.snapshot_id === 'string' ? p.snapshot_id : null,
    ownerId: typeof p.owner?.id === 'string' ? p.owner.id : null,
    collaborative: p.collaborative === true,
    images: Array.isArray(p.images) && p.images[0] ? [p.images[0]] : null,
  };
}

/** One user's slots. Reads return undefined once a slot is older than its limit. */
export class UserCache {
  private playlistSlot?: Slot<PlaylistIndex>;
  private profileSlot?: Slot<string>;
  private deviceSlot?: Slot<Device[]>;

  constructor(
    private readonly now: () => number,
    private readonly limits: CacheLimits = CACHE_LIMITS,
  ) {}

  private fresh<T>(slot: Slot<T> | undefined, maxAgeMs: number): T | undefined {
    if (!slot) return undefined;
    const age = this.now() - slot.at;
    return age >= 0 && age <= maxAgeMs ? slot.value : undefined;
  }

  playlists(): PlaylistIndex | undefined {
    return this.fresh(this.playlistSlot, this.limits.playlistsMs);
  }

  setPlaylists(playlists: SimplifiedPlaylist[], complete: boolean): PlaylistIndex {
    const value = { playlists: playlists.map(toCachedPlaylist), complete };
    this.playlistSlot = { value, at: this.now() };
    return value;
  }

  dropPlaylists(): void {
    this.playlistSlot = undefined;
  }

  /**
   * What a playlist page or a write told us about playlists the index holds: a changed snapshot_id or name
   * (edited or renamed elsewhere) drops the index, so the next request reads it again.
   */
  observe(seen: SimplifiedPlaylist): void {
    const entry = this.playlists()?.playlists.find((p) => p.id === seen.id);
    if (!entry) return;
    const now = toCachedPlaylist(seen);
    if (now.name !== entry.name || now.snapshotId !== entry.snapshotId) this.dropPlaylists();
  }

  /** After the skill's own write to a playlist: its new snapshot_id and one more item. */
  wrote(id: string, snapshotId: string | null, added: number): void {
    const entry = this.playlists()?.playlists.find((p) => p.id === id);
    if (!entry) return;
    entry.snapshotId = snapshotId;
    if (entry.total !== null) entry.total += added;
  }

  profileId(): string | undefined {
    return this.fresh(this.profileSlot, this.limits.profileMs);
  }

  setProfileId(id: string): void {
    this.profileSlot = { value: id, at: this.now() };
  }

  devices(): Device[] | undefined {
    return this.fresh(this.deviceSlot, this.limits.devicesMs);
  }

  setDevices(devices: Device[]): void {
    this.deviceSlot = { value: devices.map((d) => ({ ...d })), at: this.now() };
  }

  dropDevices(): void {
    this.deviceSlot = undefined;
  }

  /** Playback moved to this device: the cached list says so, without a round trip. */
  activated(deviceId: string): void {
    for (const d of this.deviceSlot?.value ?? []) d.is_active = d.id === deviceId;
  }

  clear(): void {
    this.playlistSlot = this.profileSlot = this.deviceSlot = undefined;
  }

  /** What is held, for tests and diagnostics (copies). */
  snapshot(): { playlists?: PlaylistIndex; profileId?: string; devices?: Device[] } {
    return structuredClone({
      playlists: this.playlistSlot?.value,
      profileId: this.profileSlot?.value,
      devices: this.deviceSlot?.value,
    });
  }
}

/** Every user's caches in this container, least recently used first out. */
export class WarmCache {
  private readonly users = new Map<string, UserCache>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly limits: CacheLimits = CACHE_LIMITS,
  ) {}

  /** The caches of the user with this key (created empty on first use; the key is already a hash). */
  forUser(key: string): UserCache {
    let entry = this.users.get(key);
    if (entry) {
      this.users.delete(key);
    } else {
      entry = new UserCache(this.now, this.limits);
      while (this.users.size >= this.limits.users) {
        const oldest = this.users.keys().next().value as string;
        this.users.delete(oldest);
      }
    }
    this.users.set(key, entry);
    return entry;
  }

  drop(key: string): void {
    this.users.delete(key);
  }

  get size(): number {
    return this.users.size;
  }

  /** Keys and contents, for tests: proves what the cache holds and under which keys. */
  dump(): Array<{ key: string; value: ReturnType<UserCache['snapshot']> }> {
    return [...this.users].map(([key, c]) => ({ key, value: c.snapshot() }));
  }
}
