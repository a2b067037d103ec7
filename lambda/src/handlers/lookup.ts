/**
 * Reads through this user's warm caches (spotify/cache.ts): the device list, the playlist index and the
 * profile id come from the cache while it can be trusted, from Spotify otherwise, and every answer Spotify
 * gives goes back into the cache. What the handlers do when Spotify contradicts the cache (a 404 for a cached
 * id, NO_ACTIVE_DEVICE) is theirs to decide; these helpers only read and refresh.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { ctx } from '../context';
import { matchName, type MatchResult } from '../matching';
import type { CachedPlaylist } from '../spotify/cache';
import { SpotifyError } from '../spotify/errors';
import type { Device } from '../spotify/types';

export interface DeviceList {
  devices: Device[];
  /** From the cache: Spotify may know better (a device gone, or no longer active). */
  cached: boolean;
}

/** GET /me/player/devices, kept for a few seconds. */
export async function readDevices(input: HandlerInput): Promise<DeviceList> {
  const { spotify, cache } = ctx(input);
  const devices = await spotify().player.getDevices();
  cache().setDevices(devices);
  return { devices, cached: false };
}

/** The device list: the cached one while fresh, otherwise read now. */
export function deviceList(input: HandlerInput): Promise<DeviceList> {
  const devices = ctx(input).cache().devices();
  return devices ? Promise.resolve({ devices, cached: true }) : readDevices(input);
}

/** The user's profile id (whose playlists may be written to), cached for the container's life (an hour). */
export async function profileId(input: HandlerInput): Promise<string> {
  const { spotify, cache } = ctx(input);
  const cached = cache().profileId();
  if (cached) return cached;
  const me = await spotify().me.get();
  cache().setProfileId(me.id);
  return me.id;
}

/** Spoken words that are not part of a playlist's name ("my", "the", "playlist"). */
const FILLER = /^(?:(?:my|the|a|some)\s+)+|\s+(?:playlist|play list)$/gi;

export function playlistWords(spoken: string): string {
  return spoken.replace(FILLER, '').trim() || spoken;
}

export function matchPlaylist(spoken: string, playlists: CachedPlaylist[]): MatchResult<CachedPlaylist> {
  return matchName(
    spoken,
    playlists.map((p) => ({ name: p.name, value: p })),
    { kind: 'playlist' },
  );
}

/** The exact tiers of the matcher (same name, same without spaces, same without filler words). */
const EXACT = 0.98;

export interface PlaylistLookup {
  playlists: CachedPlaylist[];
  /** The index came from the cache: a 404 for one of its ids means it is stale. */
  cached: boolean;
}

/**
 * The playlists to match `spoken` against. The cached index is used only when it holds an exact match for
 * the name: anything less (a name not in it, a partial or fuzzy match a new playlist could beat, a question)
 * reads the index again, so a playlist created or renamed elsewhere is found on the very next request.
 * Reading stops after the first two pages when they already hold a playlist of exactly that name (no later
 * page can change the matcher's answer then: an exact-name match is never ambiguous).
 */
export async function lookupPlaylists(input: HandlerInput, spoken: string): Promise<PlaylistLookup> {
  const { spotify, cache } = ctx(input);
  const index = cache().playlists();
  if (index) {
    const result = matchPlaylist(spoken, index.playlists);
    if (result.kind === 'match' && result.best.score >= EXACT)
      return { playlists: index.playlists, cached: true };
  }
  const exact = (seen: Array<{ name: string }>) => {
    const r = matchName(
      spoken,
      seen.map((p) => ({ name: p.name, value: p })),
      { kind: 'playlist' },
    );
    return r.kind === 'match' && r.best.score === 1;
  };
  const { playlists, complete } = await spotify().playlists.scan(exact);
  return { playlists: cache().setPlaylists(playlists, complete).playlists, cached: false };
}

/** A 404 for an id that came from a cache: the playlist was deleted, or the device is gone. */
export function isGone(error: unknown): boolean {
  return (
    error instanceof SpotifyError &&
    error.status === 404 &&
    (error.code === 'NOT_FOUND' || error.code === 'DEVICE_NOT_FOUND')
  );
}
