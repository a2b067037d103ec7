/**
 * The current user, playlists (2026 paths: `/playlists/{id}/items`, `POST /me/playlists`), the library
 * (`PUT /me/library`, `GET /me/tracks`) and search. In Development Mode (2026) a playlist's items are readable
 * only by its owner and collaborators; Spotify-owned playlists are `null` in lists and 404 when fetched.
 */
import { intParam, ok, paging, type Ctx, type Route } from './api';
import { ApiError, badRequest, forbidden, notFound } from './errors';
import * as shape from './shapes';
import type { EmuPlaylist } from './state';
import { USER_SPOTIFY } from './seed';
import { viewer } from './shows';

const PLAYLIST_ITEM_URI = /^spotify:(track|episode):([A-Za-z0-9-]+)$/;

function spotifyOwned(p: EmuPlaylist): boolean {
  return p.ownerId === USER_SPOTIFY;
}

function canRead(c: Ctx, p: EmuPlaylist): boolean {
  return p.ownerId === c.user.id || (p.collaborative && p.collaborators.includes(c.user.id));
}

/** A playlist by id for reading; Spotify-owned ones answer 404 to Development Mode apps since late 2024. */
function findPlaylist(c: Ctx): EmuPlaylist {
  const p = c.state.playlists.get(c.params.id);
  if (!p || spotifyOwned(p)) throw notFound();
  return p;
}

/** Entries in lists and search results: a Spotify-owned playlist is a `null` entry. */
function listEntry(c: Ctx, p: EmuPlaylist | undefined): unknown {
  if (!p || spotifyOwned(p)) return null;
  return shape.simplePlaylist(c.shaper, p);
}

const modifyScope = (isPublic: boolean) => [isPublic ? 'playlist-modify-public' : 'playlist-modify-private'];

function jsonObject(c: Ctx): Record<string, unknown> {
  if (c.body === undefined || c.body === null) return {};
  if (typeof c.body !== 'object' || Array.isArray(c.body)) throw badRequest('Malformed json');
  return c.body as Record<string, unknown>;
}

const LIBRARY_URI = /^spotify:(track|album|episode|show|audiobook|user|playlist):([A-Za-z0-9-]+)$/;

/** The scope each URI type of `PUT /me/library` needs. */
const LIBRARY_SCOPE: Record<string, string> = {
  user: 'user-follow-modify',
  playlist: 'playlist-modify-public',
};

/** Search: every query word must prefix a word of the item's text; accents, apostrophes and case are ignored. */
function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Spotify's search finds "Sound & Story" for "sound and story" (and the other way round). */
function words(s: string): string[] {
  return (
    normalise(s)
      .replace(/&/g, ' and ')
      // "dont" finds "Don't Stop Me Now", as Spotify's search does.
      .replace(/['’]/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

function matcher(q: string): (text: string) => number {
  // Field filters (`artist:queen`, `track:"eye of the tiger"`) are treated as plain words.
  const terms = words(q.replace(/\b(artist|track|album|genre|year|playlist):/gi, ' '));
  const phrase = terms.join(' ');
  return (text) => {
    const w = words(text);
    if (terms.length === 0) return 0;
    if (!terms.every((t) => w.some((x) => x.startsWith(t)))) return 0;
    return w.join(' ') === phrase ? 3 : w.join(' ').includes(phrase) ? 2 : 1;
  };
}

const SEARCH_TYPES = ['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook'];

function search(c: Ctx) {
  const q = c.query.get('q');
  if (!q || !q.trim()) throw badRequest('No search query');
  const typeParam = c.query.get('type');
  if (!typeParam) throw badRequest('Missing parameter type');
  const types = typeParam.split(',');
  if (types.some((t) => !SEARCH_TYPES.includes(t))) throw badRequest('Bad search type field');
  // Development Mode (2026): limit at most 10.
  const limit = intParam(c.query, 'limit', { min: 1, max: 10, def: 5, message: 'Invalid limit' });
  const offset = intParam(c.query, 'offset', { min: 0, max: 1000, def: 0, message: 'Invalid offset' });
  const score = matcher(q);
  const ranked = <T>(all: T[], text: (x: T) => string, weight: (x: T) => number = () => 0): T[] =>
    all
      .map((x, i) => ({ x, s: score(text(x)), w: weight(x), i }))
      .filter((r) => r.s > 0)
      .sort((a, b) => b.s - a.s || b.w - a.w || a.i - b.i)
      .map((r) => r.x);
  const s = c.state;
  const extra = { q, type: typeParam };
  const out: Record<string, unknown> = {};
  const result = <T>(key: string, items: T[], render: (x: T) => unknown) => {
    out[key] = shape.page(c.shaper, '/search', items, offset, limit, render, extra);
  };
  for (const t of types) {
    if (t === 'artist') {
      result(
        'artists',
        ranked(
          [...s.artists.values()],
          (a) => a.name,
          (a) => a.popularity,
        ),
        (a) => shape.fullArtist(c.shaper, a.id),
      );
    } else if (t === 'track') {
      result(
        'tracks',
        ranked(
          [...s.tracks.values()],
          (x) => `${x.name} ${x.artists.map((a) => a.name).join(' ')} ${x.album.name}`,
          (x) => s.artists.get(x.artists[0].id)?.popularity ?? 0,
        ),
        (x) => shape.fullTrack(c.shaper, x),
      );
    } else if (t === 'album') {
      result(
        'albums',
        ranked(
          [...s.albums.values()],
          (a) => `${a.name} ${a.artistIds.map((id) => s.artists.get(id)?.name ?? '').join(' ')}`,
        ),
        (a) => shape.simpleAlbum(c.shaper, { id: a.id }),
      );
    } else if (t === 'playlist') {
      result(
        'playlists',
        ranked(
          [...s.playlists.values()].filter((p) => p.public),
          (p) => `${p.name} ${p.description}`,
        ),
        (p) => listEntry(c, p),
      );
    } else if (t === 'show') {
      result(
        'shows',
        ranked([...s.shows.values()], (x) => `${x.name} ${x.publisher}`),
        (x) => shape.simpleShow(c.shaper, x.id),
      );
    } else if (t === 'episode') {
      result(
        'episodes',
        ranked([...s.episodes.values()], (x) => `${x.name} ${x.description}`),
        (x) => shape.simpleEpisode(c.shaper, x, viewer(c)),
      );
    } else if (t === 'audiobook') {
      result('audiobooks', [], (x) => x);
    }
  }
  return ok(out);
}

export const CONTENT_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/me',
    // Documented with user-read-private/user-read-email, which only add fields: any valid token may call it.
    handle: (c) => ok(shape.privateUser(c.shaper, c.user)),
  },
  {
    method: 'GET',
    path: '/me/playlists',
    scopes: ['playlist-read-private'],
    handle: (c) => {
      const { limit, offset } = paging(c.query);
      const ids = c.user.playlistIds ?? [];
      return ok(
        shape.page(c.shaper, '/me/playlists', ids, offset, limit, (id) =>
          listEntry(c, c.state.playlists.get(id)),
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/me/playlists',
    scopes: (c) => modifyScope(jsonObject(c).public !== false),
    handle: (c) => {
      const body = jsonObject(c);
      if (typeof body.name !== 'string' || !body.name.trim())
        throw badRequest('Missing required field: name');
      if (body.public !== undefined && typeof body.public !== 'boolean') throw badRequest('Invalid public');
      const id = `pl-new-${c.state.playlists.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
      const p: EmuPlaylist = {
        id,
        name: body.name,
        description: typeof body.description === 'string' ? body.description : '',
        ownerId: c.user.id,
        public: body.public !== false,
        collaborative: body.collaborative === true,
        collaborators: [],
        images: [],
        entries: [],
        snapshot: 1,
        followers: 0,
      };
      c.state.playlists.set(id, p);
      (c.user.playlistIds ??= []).unshift(id);
      return ok(
        {
          ...shape.simplePlaylist(c.shaper, p),
          followers: { href: null, total: 0 },
          items: shape.page(c.shaper, `/playlists/${id}/items`, [], 0, 100, () => null),
          tracks: shape.page(c.shaper, `/playlists/${id}/items`, [], 0, 100, () => null),
        },
        201,
      );
    },
  },
  {
    method: 'GET',
    path: '/playlists/{id}',
    handle: (c) => {
      const p = findPlaylist(c);
      const body: Record<string, unknown> = {
        ...shape.simplePlaylist(c.shaper, p),
        followers: { href: null, total: p.followers },
      };
      // 2026 Development Mode: the items come only to the owner and collaborators.
      if (canRead(c, p)) {
        const items = shape.page(c.shaper, `/playlists/${p.id}/items`, p.entries, 0, 100, (_e, i) =>
          shape.playlistItem(c.shaper, p, i),
        );
        body.items = items;
        body.tracks = items;
      } else {
        delete body.items;
        delete body.tracks;
      }
      return ok(body);
    },
  },
  {
    method: 'GET',
    path: '/playlists/{id}/items',
    scopes: ['playlist-read-private', 'playlist-read-collaborative'],
    handle: (c) => {
      const p = findPlaylist(c);
      if (!canRead(c, p)) throw forbidden();
      const { limit, offset } = paging(c.query);
      return ok(
        shape.page(c.shaper, `/playlists/${p.id}/items`, p.entries, offset, limit, (_e, i) =>
          shape.playlistItem(c.shaper, p, i),
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/playlists/{id}/items',
    scopes: (c) => modifyScope(c.state.playlists.get(c.params.id)?.public ?? true),
    handle: (c) => {
      const p = findPlaylist(c);
      if (!canRead(c, p)) throw forbidden();
      const body = jsonObject(c);
      const uris: unknown = body.uris ?? (c.query.get('uris') ? c.query.get('uris')!.split(',') : undefined);
      if (!Array.isArray(uris) || uris.length === 0) throw badRequest('No uris provided');
      if (uris.length > 100) throw badRequest('You can add a maximum of 100 tracks per request.');
      for (const u of uris) {
        if (typeof u !== 'string' || !PLAYLIST_ITEM_URI.test(u))
          throw badRequest(`Invalid track uri: ${String(u)}`);
      }
      const position = body.position ?? c.query.get('position') ?? undefined;
      const at = position === undefined ? p.entries.length : Number(position);
      if (!Number.isInteger(at) || at < 0 || at > p.entries.length) throw badRequest('Index out of bounds');
      const addedAt = new Date(c.now).toISOString();
      p.entries.splice(at, 0, ...(uris as string[]).map((uri) => ({ uri, addedAt, addedBy: c.user.id })));
      p.snapshot += 1;
      return ok({ snapshot_id: shape.snapshotId(p) }, 201);
    },
  },
  {
    method: 'PUT',
    path: '/me/library',
    scopes: ['user-library-modify', 'user-follow-modify', 'playlist-modify-public'],
    handle: (c) => {
      const raw = c.query.get('uris');
      if (!raw) throw badRequest('Missing required parameter: uris');
      const uris = raw.split(',').map((u) => u.trim());
      if (uris.length > 40) throw badRequest('Too many ids requested');
      for (const u of uris) if (!LIBRARY_URI.test(u)) throw badRequest(`Unsupported URI: ${u}`);
      // Each URI type needs its own scope (tracks, albums, episodes, shows: user-library-modify).
      for (const u of uris) {
        const needed = LIBRARY_SCOPE[LIBRARY_URI.exec(u)![1]] ?? 'user-library-modify';
        if (!c.token.scopes.has(needed)) throw new ApiError(403, 'Insufficient client scope');
      }
      const saved = (c.user.savedTracks ??= []);
      const library = (c.user.library ??= []);
      for (const u of uris) {
        const [, kind, id] = LIBRARY_URI.exec(u)!;
        if (kind === 'track') {
          if (!c.state.tracks.has(id)) throw new ApiError(400, `Invalid id: ${id}`);
          if (!saved.some((s) => s.trackId === id))
            saved.unshift({ trackId: id, addedAt: new Date(c.now).toISOString() });
        } else if (!library.includes(u)) {
          library.push(u);
        }
      }
      return { status: 200 };
    },
  },
  {
    method: 'GET',
    path: '/me/tracks',
    scopes: ['user-library-read'],
    handle: (c) => {
      const { limit, offset } = paging(c.query);
      const saved = c.user.savedTracks ?? [];
      return ok(
        shape.page(c.shaper, '/me/tracks', saved, offset, limit, (s) => ({
          added_at: s.addedAt,
          track: shape.fullTrack(c.shaper, c.state.tracks.get(s.trackId)!),
        })),
      );
    },
  },
  { method: 'GET', path: '/search', handle: search },
];
