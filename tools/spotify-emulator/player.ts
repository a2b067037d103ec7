/**
 * The player endpoints (https://developer.spotify.com/documentation/web-api/reference/get-information-about-the-users-current-playback
 * and the commands beside it). State lives in `user.player`; the active device is `player.deviceId` and each
 * device's `is_active` is kept in step with it.
 *
 * Simplifications, on purpose: progress does not advance with time (deterministic tests); shuffle is a flag
 * only (next/previous walk the context in order); a device only goes away through `idleMs`.
 */
import { NO_CONTENT, intParam, ok, type Ctx, type Route } from './api';
import { ApiError, badRequest, deviceNotFound, noActiveDevice, playerError, restricted } from './errors';
import * as shape from './shapes';
import { viewer } from './shows';
import type { EmuDevice, EmuState, EmuUser } from './state';

const READ = 'user-read-playback-state';
const MODIFY = 'user-modify-playback-state';
const CURRENT = 'user-read-currently-playing';

const ITEM_URI = /^spotify:(track|episode):([A-Za-z0-9-]+)$/;
const CONTEXT_URI =
  /^spotify:(playlist|album|artist|show):([A-Za-z0-9-]+)$|^spotify:user:([A-Za-z0-9-]+):collection$/;

/**
 * Applies device idleness at `now`: an idle device leaves the list; if it was the active one and is not
 * playing, playback state goes with it (GET /me/player then answers 204). A playing device counts as seen.
 */
export function refreshDevices(user: EmuUser, now: number): void {
  const p = user.player;
  for (const d of user.devices) {
    if (d.idleMs === undefined) continue;
    if (d.id === p.deviceId && p.isPlaying) d.lastSeenAt = now;
  }
  const active = user.devices.find((d) => d.id === p.deviceId);
  if (p.deviceId && (!active || isIdle(active, now))) {
    p.deviceId = null;
    p.isPlaying = false;
  }
  for (const d of user.devices) d.is_active = d.id === p.deviceId;
}

function isIdle(d: EmuDevice, now: number): boolean {
  return d.idleMs !== undefined && d.lastSeenAt !== undefined && now - d.lastSeenAt >= d.idleMs;
}

export function visibleDevices(user: EmuUser, now: number): EmuDevice[] {
  return user.devices.filter((d) => !isIdle(d, now));
}

function activate(user: EmuUser, d: EmuDevice, now: number): void {
  user.player.deviceId = d.id;
  d.lastSeenAt = now;
  for (const x of user.devices) x.is_active = x.id === d.id;
}

function activeDevice(c: Ctx): EmuDevice {
  const d = visibleDevices(c.user, c.now).find((x) => x.id === c.user.player.deviceId);
  if (!d) throw noActiveDevice();
  return d;
}

/** The device a command addresses: `device_id` when given (must be visible), else the active one. */
function targetDevice(c: Ctx): EmuDevice {
  const id = c.query.get('device_id');
  let d: EmuDevice | undefined;
  if (id) {
    d = visibleDevices(c.user, c.now).find((x) => x.id === id);
    if (!d) throw deviceNotFound();
  } else {
    d = activeDevice(c);
  }
  if (d.is_restricted) throw restricted();
  return d;
}

/** A command on the current playback: the addressed device must be the active one. */
function activeTarget(c: Ctx): EmuDevice {
  const d = targetDevice(c);
  if (d.id !== c.user.player.deviceId) throw noActiveDevice();
  d.lastSeenAt = c.now;
  return d;
}

export function uriOf(state: EmuState, id: string | null): string | null {
  if (!id) return null;
  if (state.tracks.has(id)) return `spotify:track:${id}`;
  if (state.episodes.has(id)) return `spotify:episode:${id}`;
  return null;
}

function exists(state: EmuState, uri: string): boolean {
  const m = ITEM_URI.exec(uri);
  if (!m) return false;
  return m[1] === 'track' ? state.tracks.has(m[2]) : state.episodes.has(m[2]);
}

/** The item URIs of a context, or undefined for an unknown one. */
export function contextItems(state: EmuState, contextUri: string): string[] | undefined {
  const m = CONTEXT_URI.exec(contextUri);
  if (!m) return undefined;
  if (m[3]) {
    const u = state.users.get(m[3]);
    return u ? (u.savedTracks ?? []).map((s) => `spotify:track:${s.trackId}`) : undefined;
  }
  const [, kind, id] = m;
  switch (kind) {
    case 'playlist':
      return state.playlists.get(id)?.entries.map((e) => e.uri);
    case 'album':
      return state.albums.get(id)?.trackIds.map((t) => `spotify:track:${t}`);
    case 'artist':
      if (!state.artists.has(id)) return undefined;
      // The artist's "top tracks": every catalogue track with the artist first.
      return [...state.tracks.values()]
        .filter((t) => t.artists[0]?.id === id)
        .map((t) => `spotify:track:${t.id}`);
    case 'show':
      return state.shows.get(id)?.episodeIds.map((e) => `spotify:episode:${e}`);
  }
  return undefined;
}

/** What next/previous walk: the `uris` given to play, else the context, else the current item alone. */
function currentList(c: Ctx): string[] {
  const p = c.user.player;
  if (p.uris && p.uris.length > 0) return p.uris;
  if (p.contextUri) return contextItems(c.state, p.contextUri) ?? [];
  const cur = uriOf(c.state, p.trackId);
  return cur ? [cur] : [];
}

function setItem(c: Ctx, uri: string, fromQueue = false): void {
  const p = c.user.player;
  if (fromQueue) {
    const { index } = neighbours(c);
    p.contextIndex = index;
  } else {
    p.contextIndex = null;
  }
  p.trackId = ITEM_URI.exec(uri)?.[2] ?? null;
  p.progressMs = 0;
}

function neighbours(c: Ctx): { list: string[]; index: number } {
  const list = currentList(c);
  const cur = uriOf(c.state, c.user.player.trackId);
  const index = cur ? list.indexOf(cur) : -1;
  // A queued item is not in the context: continue after the context item that played before it.
  return {
    list,
    index: index < 0 && c.user.player.contextIndex != null ? c.user.player.contextIndex : index,
  };
}

function hasNext(c: Ctx): boolean {
  const { list, index } = neighbours(c);
  return (
    (c.user.player.queue?.length ?? 0) > 0 ||
    index + 1 < list.length ||
    (c.user.player.repeat === 'context' && list.length > 0)
  );
}

function hasPrev(c: Ctx): boolean {
  const { list, index } = neighbours(c);
  return index > 0 || (c.user.player.repeat === 'context' && list.length > 0);
}

function contextObject(c: Ctx, uri: string): Record<string, unknown> {
  const m = CONTEXT_URI.exec(uri);
  if (m?.[3]) {
    return {
      type: 'collection',
      href: `${c.shaper.api}/me/tracks`,
      external_urls: { spotify: 'https://open.spotify.com/collection/tracks' },
      uri,
    };
  }
  const [, kind, id] = uri.split(':');
  return {
    type: kind,
    href: `${c.shaper.api}/${kind}s/${id}`,
    external_urls: { spotify: `https://open.spotify.com/${kind}/${id}` },
    uri,
  };
}

/** The body of GET /me/player (withDevice) and GET /me/player/currently-playing; null when nothing is active. */
function playback(c: Ctx, withDevice: boolean): Record<string, unknown> | null {
  const p = c.user.player;
  const device = visibleDevices(c.user, c.now).find((d) => d.id === p.deviceId);
  if (!device) return null;
  const episodesWanted = (c.query.get('additional_types') ?? '').split(',').includes('episode');
  const track = p.trackId ? c.state.tracks.get(p.trackId) : undefined;
  const episode = p.trackId && !track ? c.state.episodes.get(p.trackId) : undefined;
  let item: Record<string, unknown> | null = null;
  let type = 'unknown';
  if (track) {
    item = shape.fullTrack(c.shaper, track);
    type = 'track';
  } else if (episode) {
    // Without additional_types=episode Spotify hides the episode: item null, type "episode".
    item = episodesWanted ? shape.fullEpisode(c.shaper, episode, viewer(c)) : null;
    type = 'episode';
  }
  const disallows: Record<string, boolean> = {};
  if (!p.isPlaying) disallows.pausing = true;
  else disallows.resuming = true;
  if (!hasNext(c)) disallows.skipping_next = true;
  if (!hasPrev(c)) disallows.skipping_prev = true;
  const body: Record<string, unknown> = {
    ...(withDevice
      ? {
          device: shape.device(device, p.deviceId),
          shuffle_state: p.shuffle,
          smart_shuffle: false,
          repeat_state: p.repeat,
        }
      : {}),
    timestamp: c.now,
    context: p.contextUri && !(p.uris && p.uris.length > 0) ? contextObject(c, p.contextUri) : null,
    progress_ms: item || episode ? p.progressMs : null,
    item,
    currently_playing_type: type,
    actions: { disallows },
    is_playing: p.isPlaying,
  };
  return body;
}

function jsonBody(c: Ctx): Record<string, unknown> {
  if (c.body === undefined || c.body === null) return {};
  if (typeof c.body !== 'object' || Array.isArray(c.body)) throw badRequest('Malformed json');
  return c.body as Record<string, unknown>;
}

function play(c: Ctx) {
  const body = jsonBody(c);
  const target = targetDevice(c);
  const p = c.user.player;
  const { context_uri, uris, offset, position_ms } = body as {
    context_uri?: unknown;
    uris?: unknown;
    offset?: { position?: unknown; uri?: unknown };
    position_ms?: unknown;
  };
  if (context_uri !== undefined && uris !== undefined)
    badRequestThrow('Only one of context_uri and uris may be given');
  if (position_ms !== undefined && (!Number.isInteger(position_ms) || (position_ms as number) < 0)) {
    badRequestThrow('Invalid position_ms');
  }
  let list: string[] | undefined;
  if (context_uri !== undefined) {
    if (typeof context_uri !== 'string' || !CONTEXT_URI.test(context_uri))
      badRequestThrow('Invalid context uri');
    list = contextItems(c.state, context_uri as string);
    if (!list) throw new ApiError(404, 'Not found.');
    if (list.length === 0) throw restricted();
  } else if (uris !== undefined) {
    if (!Array.isArray(uris) || uris.length === 0 || uris.length > 100) badRequestThrow('Invalid uris');
    for (const u of uris as unknown[]) {
      if (typeof u !== 'string' || !ITEM_URI.test(u)) badRequestThrow(`Invalid track uri: ${String(u)}`);
      if (!exists(c.state, u as string)) throw new ApiError(404, 'Not found.');
    }
    list = uris as string[];
  }

  if (!list) {
    // Resume. On the active device while playing, Spotify refuses with a restriction.
    if (p.isPlaying && target.id === p.deviceId && position_ms === undefined) throw restricted();
    if (!p.trackId) {
      // Nothing loaded: Spotify resumes what the user played last.
      const last = c.user.recentlyPlayed?.[0];
      if (!last) throw playerError(404, 'No track to play', 'NO_SPECIFIC_TRACK');
      p.contextUri = last.contextUri;
      p.uris = null;
      setItem(c, `spotify:track:${last.trackId}`);
    }
  } else {
    let index = 0;
    if (offset !== undefined) {
      if (typeof offset !== 'object' || offset === null) badRequestThrow('Invalid offset');
      if (offset.position !== undefined) {
        if (!Number.isInteger(offset.position) || (offset.position as number) < 0)
          badRequestThrow('Invalid offset');
        index = offset.position as number;
        if (index >= list.length) throw new ApiError(404, 'Not found.');
      } else if (offset.uri !== undefined) {
        index = list.indexOf(String(offset.uri));
        if (index < 0) throw new ApiError(404, 'Not found.');
      }
    }
    p.contextUri = context_uri !== undefined ? (context_uri as string) : null;
    p.uris = uris !== undefined ? [...list] : null;
    p.queue = p.queue ?? [];
    setItem(c, list[index]);
  }
  if (position_ms !== undefined) p.progressMs = position_ms as number;
  activate(c.user, target, c.now);
  p.isPlaying = true;
  return NO_CONTENT;
}

function badRequestThrow(message: string): never {
  throw badRequest(message);
}

function skip(c: Ctx, forward: boolean) {
  activeTarget(c);
  const p = c.user.player;
  if (forward && p.queue && p.queue.length > 0) {
    setItem(c, p.queue.shift()!, true);
    p.isPlaying = true;
    return NO_CONTENT;
  }
  const { list, index } = neighbours(c);
  let next = forward ? index + 1 : index - 1;
  if (next >= list.length || next < 0) {
    if (p.repeat === 'context' && list.length > 0) next = forward ? 0 : list.length - 1;
    else
      throw forward
        ? playerError(403, 'No next track', 'NO_NEXT_TRACK')
        : playerError(403, 'No previous track', 'NO_PREV_TRACK');
  }
  setItem(c, list[next]);
  p.isPlaying = true;
  return NO_CONTENT;
}

function queueObject(c: Ctx) {
  const p = c.user.player;
  const cur = uriOf(c.state, p.trackId);
  const { list, index } = neighbours(c);
  const upcoming = [...(p.queue ?? []), ...list.slice(index + 1)].slice(0, 20);
  return {
    currently_playing: cur ? shape.itemByUri(c.shaper, cur) : null,
    queue: upcoming.map((u) => shape.itemByUri(c.shaper, u)).filter((x) => x !== null),
  };
}

export const PLAYER_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/me/player',
    scopes: [READ],
    handle: (c) => {
      const body = playback(c, true);
      return body ? ok(body) : NO_CONTENT;
    },
  },
  {
    method: 'GET',
    path: '/me/player/currently-playing',
    // Documented as user-read-currently-playing; Spotify also accepts user-read-playback-state.
    scopes: [CURRENT, READ],
    handle: (c) => {
      const body = playback(c, false);
      return body ? ok(body) : NO_CONTENT;
    },
  },
  {
    method: 'GET',
    path: '/me/player/devices',
    scopes: [READ],
    handle: (c) =>
      ok({ devices: visibleDevices(c.user, c.now).map((d) => shape.device(d, c.user.player.deviceId)) }),
  },
  {
    method: 'GET',
    path: '/me/player/queue',
    scopes: [CURRENT, READ],
    handle: (c) => {
      activeDevice(c);
      return ok(queueObject(c));
    },
  },
  {
    method: 'PUT',
    path: '/me/player',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const body = jsonBody(c);
      const ids = body.device_ids;
      if (!Array.isArray(ids) || ids.length === 0) badRequestThrow('Required field device_ids missing');
      if (ids.length > 1) badRequestThrow('Only one device_id supported');
      if (body.play !== undefined && typeof body.play !== 'boolean') badRequestThrow('Invalid play');
      const d = visibleDevices(c.user, c.now).find((x) => x.id === ids[0]);
      if (!d) throw deviceNotFound();
      if (d.is_restricted) throw restricted();
      const p = c.user.player;
      if (!p.trackId) {
        const last = c.user.recentlyPlayed?.[0];
        if (last) {
          p.contextUri = last.contextUri;
          p.uris = null;
          setItem(c, `spotify:track:${last.trackId}`);
        }
      }
      activate(c.user, d, c.now);
      // play: true starts playback; false or absent keeps the current playing/paused state.
      if (body.play === true) p.isPlaying = true;
      return NO_CONTENT;
    },
  },
  { method: 'PUT', path: '/me/player/play', scopes: [MODIFY], premium: true, handle: play },
  {
    method: 'PUT',
    path: '/me/player/pause',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      activeTarget(c);
      // Pausing while paused: Spotify answers 403 "Restriction violated", reason UNKNOWN.
      if (!c.user.player.isPlaying) throw restricted();
      const p = c.user.player;
      p.isPlaying = false;
      // A paused episode keeps its place: its resume_point is where it stopped.
      if (p.trackId && c.state.episodes.has(p.trackId))
        (c.user.episodePositions ??= {})[p.trackId] = { positionMs: p.progressMs, fullyPlayed: false };
      return NO_CONTENT;
    },
  },
  { method: 'POST', path: '/me/player/next', scopes: [MODIFY], premium: true, handle: (c) => skip(c, true) },
  {
    method: 'POST',
    path: '/me/player/previous',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => skip(c, false),
  },
  {
    method: 'PUT',
    path: '/me/player/seek',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const position = intParam(c.query, 'position_ms', { min: 0, max: Number.MAX_SAFE_INTEGER });
      activeTarget(c);
      const p = c.user.player;
      const t = p.trackId ? (c.state.tracks.get(p.trackId) ?? c.state.episodes.get(p.trackId)) : undefined;
      if (!t) throw restricted();
      // Past the end, Spotify plays the next song.
      if (position >= t.duration_ms) {
        if (hasNext(c)) return skip(c, true);
        p.progressMs = t.duration_ms;
        p.isPlaying = false;
        return NO_CONTENT;
      }
      p.progressMs = position;
      return NO_CONTENT;
    },
  },
  {
    method: 'PUT',
    path: '/me/player/volume',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const volume = intParam(c.query, 'volume_percent', {
        min: 0,
        max: 100,
        message: 'Invalid volume_percent: must be between 0 and 100',
      });
      const d = targetDevice(c);
      if (!d.supports_volume)
        throw playerError(403, 'Cannot control device volume', 'VOLUME_CONTROL_DISALLOW');
      d.volume_percent = volume;
      d.lastSeenAt = c.now;
      return NO_CONTENT;
    },
  },
  {
    method: 'PUT',
    path: '/me/player/shuffle',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const state = c.query.get('state');
      if (state !== 'true' && state !== 'false') badRequestThrow('Invalid state');
      activeTarget(c);
      c.user.player.shuffle = state === 'true';
      return NO_CONTENT;
    },
  },
  {
    method: 'PUT',
    path: '/me/player/repeat',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const state = c.query.get('state');
      if (state !== 'track' && state !== 'context' && state !== 'off') badRequestThrow('Invalid state');
      activeTarget(c);
      c.user.player.repeat = state;
      return NO_CONTENT;
    },
  },
  {
    method: 'POST',
    path: '/me/player/queue',
    scopes: [MODIFY],
    premium: true,
    handle: (c) => {
      const uri = c.query.get('uri');
      if (!uri) badRequestThrow('Missing required parameter: uri');
      if (!ITEM_URI.test(uri)) badRequestThrow('Invalid uri');
      if (!exists(c.state, uri)) throw new ApiError(404, 'Not found.');
      activeTarget(c);
      (c.user.player.queue ??= []).push(uri);
      return NO_CONTENT;
    },
  },
  {
    method: 'GET',
    path: '/me/player/recently-played',
    scopes: ['user-read-recently-played'],
    handle: (c) => {
      const limit = intParam(c.query, 'limit', { min: 1, max: 50, def: 20 });
      const before = c.query.get('before');
      const after = c.query.get('after');
      if (before && after) badRequestThrow('Only one of before and after may be given');
      let all = c.user.recentlyPlayed ?? [];
      if (before) all = all.filter((r) => Date.parse(r.playedAt) < Number(before));
      if (after) all = all.filter((r) => Date.parse(r.playedAt) > Number(after));
      const items = all.slice(0, limit);
      const q = (extra: Record<string, string>) =>
        `${c.shaper.api}/me/player/recently-played?${new URLSearchParams({ limit: String(limit), ...extra })}`;
      const oldest = items.at(-1);
      const newest = items[0];
      return ok({
        href: q(before ? { before } : after ? { after } : {}),
        items: items.map((r) => ({
          track: shape.fullTrack(c.shaper, c.state.tracks.get(r.trackId)!),
          played_at: r.playedAt,
          context: r.contextUri ? contextObject(c, r.contextUri) : null,
        })),
        limit,
        next: all.length > items.length && oldest ? q({ before: String(Date.parse(oldest.playedAt)) }) : null,
        cursors:
          newest && oldest
            ? { after: String(Date.parse(newest.playedAt)), before: String(Date.parse(oldest.playedAt)) }
            : null,
      });
    },
  },
];
