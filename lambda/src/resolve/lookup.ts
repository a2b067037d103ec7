/**
 * Reads through this user's warm caches (spotify/cache.ts): the device list, the playlist index and the
 * profile id come from the cache while it can be trusted, from Spotify otherwise, and every answer Spotify
 * gives goes back into the cache. What the handlers do when Spotify contradicts the cache (a 404 for a cached
 * id, NO_ACTIVE_DEVICE) is theirs to decide; these helpers only read and refresh.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { ctx } from '../context';
import type { Understanding } from '../lang';
import { matchName, normalizeName, type MatchLanguage, type MatchResult } from '../matching';
import type { CachedPlaylist, PlaylistIndex } from '../spotify/cache';
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

/** What was said without the words that are not part of a playlist's name ("my", "the", "playlist"). */
export function playlistWords(spoken: string, lang: Understanding): string {
  return spoken.replace(lang.playlistFillers, '').trim() || spoken;
}

/** Whether `words` (a name without "my" and "playlist") names one of Spotify's own playlists. */
export function isSpotifysOwn(words: string, lang: Understanding): boolean {
  return lang.spotifysOwnPlaylists.test(words.trim().replace(/\s+/g, ' '));
}

export function matchPlaylist(
  spoken: string,
  playlists: CachedPlaylist[],
  lang: MatchLanguage,
): MatchResult<CachedPlaylist> {
  const result = matchName(
    lang,
    spoken,
    playlists.map((p) => ({ name: p.name, value: p })),
    { kind: 'playlist' },
  );
  if (result.kind !== 'ambiguous') return result;
  // A tie between a playlist with songs and empty ones is no question: the one with songs.
  const filled = result.options.filter((o) => o.value.total !== 0);
  if (filled.length === 1) return { kind: 'match', best: filled[0] };
  return filled.length > 1 && filled.length < result.options.length ? { ...result, options: filled } : result;
}

/** The cached playlist the user named exactly, if the warm index has one (no request made). */
export function cachedPlaylist(input: HandlerInput, spoken: string): CachedPlaylist | undefined {
  const { cache, lang } = ctx(input);
  const index = cache().playlists();
  return index ? exactIn(index, spoken, lang.matching) : undefined;
}

export interface PlaylistLookup {
  playlists: CachedPlaylist[];
  /** The index came from the cache: a 404 for one of its ids means it is stale. */
  cached: boolean;
  /** The playlist whose name is exactly what was said (the same normal form), when there is one. */
  exact?: CachedPlaylist;
}

/**
 * Each index's playlists by normal form (the first of a form wins, as in the matcher, except that one with songs
 * wins over an empty one), built once (again
 * only for a request in another language: normal forms depend on the language).
 */
const byNormal = new WeakMap<PlaylistIndex, { lang: MatchLanguage; names: Map<string, CachedPlaylist> }>();

/**
 * The playlist named exactly `spoken` (equal normal forms): what the matcher would answer, without scoring
 * every name. An exact-name match is never ambiguous, so nothing else needs looking at.
 */
function exactIn(index: PlaylistIndex, spoken: string, lang: MatchLanguage): CachedPlaylist | undefined {
  const target = normalizeName(lang, spoken);
  if (!target) return undefined;
  let known = byNormal.get(index);
  if (!known || known.lang !== lang) {
    const names = new Map<string, CachedPlaylist>();
    for (const p of index.playlists) {
      const normal = normalizeName(lang, p.name);
      const first = normal ? names.get(normal) : undefined;
      // Two of one name: a playlist with songs wins over an empty one.
      if (normal && (!first || (first.total === 0 && p.total !== 0))) names.set(normal, p);
    }
    known = { lang, names };
    byNormal.set(index, known);
  }
  return known.names.get(target);
}

/**
 * The playlists to match `spoken` against. The cached index is used only when it holds a playlist of exactly
 * that name (the matcher's normal form: case, accents, punctuation, "&" and "and", number words): anything
 * less (a name not in it, a partial or fuzzy match a new playlist could beat, a question) reads the index
 * again, so a playlist created or renamed elsewhere is found on the very next request.
 * Reading stops after the first two pages when they already hold a playlist of exactly that name (no later
 * page can change the matcher's answer then: an exact-name match is never ambiguous).
 */
export async function lookupPlaylists(input: HandlerInput, spoken: string): Promise<PlaylistLookup> {
  const { spotify, cache, lang } = ctx(input);
  const words = lang.matching;
  const index = cache().playlists();
  if (index) {
    const exact = exactIn(index, spoken, words);
    if (exact) return { playlists: index.playlists, cached: true, exact };
  }
  const target = normalizeName(words, spoken);
  const { playlists, complete } = await spotify().playlists.scan(
    (seen) => target !== '' && seen.some((p) => normalizeName(words, p.name) === target),
  );
  const fresh = cache().setPlaylists(playlists, complete);
  return { playlists: fresh.playlists, cached: false, exact: exactIn(fresh, spoken, words) };
}

/** The matcher's answer for a lookup: the exact name at once when there is one. */
export function choosePlaylist(
  spoken: string,
  lookup: PlaylistLookup,
  lang: MatchLanguage,
): MatchResult<CachedPlaylist> {
  if (lookup.exact)
    return { kind: 'match', best: { name: lookup.exact.name, value: lookup.exact, score: 1 } };
  return matchPlaylist(spoken, lookup.playlists, lang);
}

/** A 404 for an id that came from a cache: the playlist was deleted, or the device is gone. */
export function isGone(error: unknown): boolean {
  return (
    error instanceof SpotifyError &&
    error.status === 404 &&
    (error.code === 'NOT_FOUND' || error.code === 'DEVICE_NOT_FOUND')
  );
}
