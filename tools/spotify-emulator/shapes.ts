/**
 * The JSON Spotify sends, built from the emulator's plain state: full and simplified objects with `uri`,
 * `href` (under this server's /v1), `external_urls` and images, and paging objects whose `next`/`previous`
 * are absolute URLs to this server. Shapes follow https://developer.spotify.com/documentation/web-api and the
 * OpenAPI description, including the 2026 renames (`items` beside the deprecated `tracks` on playlists).
 */
import type { EmuDevice, EmuEpisode, EmuPlaylist, EmuState, EmuTrack, EmuUser } from './state';

export interface Shaper {
  /** e.g. http://127.0.0.1:43121/v1 */
  api: string;
  state: EmuState;
}

const open = (kind: string, id: string) => ({ spotify: `https://open.spotify.com/${kind}/${id}` });

export function userRef(s: Shaper, id: string, withName = true): Record<string, unknown> {
  const u = s.state.users.get(id);
  return {
    external_urls: open('user', id),
    href: `${s.api}/users/${id}`,
    id,
    type: 'user',
    uri: `spotify:user:${id}`,
    ...(withName ? { display_name: u?.displayName ?? null } : {}),
  };
}

export function privateUser(s: Shaper, u: EmuUser): Record<string, unknown> {
  // 2026: `product`, `email`, `country` and `followers` are gone from /me for new apps; Premium can only be
  // learned from a PREMIUM_REQUIRED answer.
  return {
    display_name: u.displayName,
    external_urls: open('user', u.id),
    href: `${s.api}/users/${u.id}`,
    id: u.id,
    images: [{ url: `https://i.scdn.co/image/user-${u.id}`, height: 300, width: 300 }],
    type: 'user',
    uri: `spotify:user:${u.id}`,
  };
}

export function simpleArtist(s: Shaper, a: { id: string; name: string }): Record<string, unknown> {
  return {
    external_urls: open('artist', a.id),
    href: `${s.api}/artists/${a.id}`,
    id: a.id,
    name: a.name,
    type: 'artist',
    uri: `spotify:artist:${a.id}`,
  };
}

export function fullArtist(s: Shaper, id: string): Record<string, unknown> {
  const a = s.state.artists.get(id)!;
  return {
    ...simpleArtist(s, a),
    followers: { href: null, total: a.followers },
    genres: a.genres,
    images: a.images,
    popularity: a.popularity,
  };
}

export function simpleAlbum(s: Shaper, t: EmuTrack['album'] | { id: string }): Record<string, unknown> {
  const a = s.state.albums.get(t.id);
  const fallback = t as EmuTrack['album'];
  const artists = a
    ? a.artistIds.map((id) => simpleArtist(s, s.state.artists.get(id) ?? { id, name: id }))
    : [];
  return {
    album_type: a?.album_type ?? 'album',
    total_tracks: a?.trackIds.length ?? 1,
    available_markets: ['GB', 'US', 'DE'],
    external_urls: open('album', t.id),
    href: `${s.api}/albums/${t.id}`,
    id: t.id,
    images: a?.images ?? fallback.images ?? [],
    name: a?.name ?? fallback.name,
    release_date: a?.release_date ?? '2020-01-01',
    release_date_precision: 'day',
    type: 'album',
    uri: `spotify:album:${t.id}`,
    artists,
  };
}

export function fullTrack(s: Shaper, t: EmuTrack): Record<string, unknown> {
  return {
    album: simpleAlbum(s, t.album),
    artists: t.artists.map((a) => simpleArtist(s, a)),
    available_markets: ['GB', 'US', 'DE'],
    disc_number: 1,
    duration_ms: t.duration_ms,
    explicit: t.explicit ?? false,
    external_ids: {
      isrc: `EMU${t.id
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase()
        .slice(0, 9)}`,
    },
    external_urls: open('track', t.id),
    href: `${s.api}/tracks/${t.id}`,
    id: t.id,
    is_local: false,
    is_playable: true,
    name: t.name,
    popularity: 60,
    preview_url: null,
    track_number: t.track_number ?? 1,
    type: 'track',
    uri: `spotify:track:${t.id}`,
  };
}

export function simpleShow(s: Shaper, id: string): Record<string, unknown> {
  const sh = s.state.shows.get(id)!;
  return {
    available_markets: ['GB', 'US'],
    copyrights: [],
    description: sh.description,
    html_description: `<p>${sh.description}</p>`,
    explicit: false,
    external_urls: open('show', id),
    href: `${s.api}/shows/${id}`,
    id,
    images: sh.images,
    is_externally_hosted: false,
    languages: ['en'],
    media_type: 'audio',
    name: sh.name,
    publisher: sh.publisher,
    total_episodes: sh.episodeIds.length,
    type: 'show',
    uri: `spotify:show:${id}`,
  };
}

/**
 * An episode's `resume_point` for the user who asks: where they stopped, or the start of one they never
 * began. Spotify includes it only for a token with `user-read-playback-position`; `viewer` is absent then.
 */
function resumePoint(e: EmuEpisode, viewer: EmuUser | undefined): Record<string, unknown> | undefined {
  if (!viewer) return undefined;
  const at = viewer.episodePositions?.[e.id];
  return { fully_played: at?.fullyPlayed ?? false, resume_position_ms: at?.positionMs ?? 0 };
}

export function simpleEpisode(s: Shaper, e: EmuEpisode, viewer?: EmuUser): Record<string, unknown> {
  const show = s.state.shows.get(e.showId);
  const resume = resumePoint(e, viewer);
  return {
    audio_preview_url: null,
    description: e.description,
    html_description: `<p>${e.description}</p>`,
    duration_ms: e.duration_ms,
    explicit: false,
    external_urls: open('episode', e.id),
    href: `${s.api}/episodes/${e.id}`,
    id: e.id,
    images: show?.images ?? [],
    is_externally_hosted: false,
    is_playable: true,
    languages: ['en'],
    name: e.name,
    release_date: e.release_date,
    release_date_precision: 'day',
    ...(resume ? { resume_point: resume } : {}),
    type: 'episode',
    uri: `spotify:episode:${e.id}`,
  };
}

export function fullEpisode(s: Shaper, e: EmuEpisode, viewer?: EmuUser): Record<string, unknown> {
  return { ...simpleEpisode(s, e, viewer), show: simpleShow(s, e.showId) };
}

/** A track or episode by URI; null for an unknown one (Spotify sends null items for unavailable content). */
export function itemByUri(s: Shaper, uri: string): Record<string, unknown> | null {
  const [, kind, id] = uri.split(':');
  if (kind === 'track') {
    const t = s.state.tracks.get(id);
    return t ? fullTrack(s, t) : null;
  }
  if (kind === 'episode') {
    const e = s.state.episodes.get(id);
    return e ? fullEpisode(s, e) : null;
  }
  return null;
}

export function simplePlaylist(s: Shaper, p: EmuPlaylist): Record<string, unknown> {
  const ref = { href: `${s.api}/playlists/${p.id}/items`, total: p.entries.length };
  return {
    collaborative: p.collaborative,
    description: p.description,
    external_urls: open('playlist', p.id),
    href: `${s.api}/playlists/${p.id}`,
    id: p.id,
    // Spotify sends `images: null` for a playlist without any.
    images: p.images.length > 0 ? p.images : null,
    name: p.name,
    owner: userRef(s, p.ownerId),
    primary_color: null,
    public: p.public,
    snapshot_id: snapshotId(p),
    items: ref,
    tracks: ref,
    type: 'playlist',
    uri: `spotify:playlist:${p.id}`,
  };
}

export function snapshotId(p: EmuPlaylist): string {
  return Buffer.from(`${p.id}:${p.snapshot}`).toString('base64url');
}

export function playlistItem(s: Shaper, p: EmuPlaylist, index: number): Record<string, unknown> {
  const e = p.entries[index];
  const item = itemByUri(s, e.uri);
  return {
    added_at: e.addedAt,
    added_by: userRef(s, e.addedBy, false),
    is_local: false,
    primary_color: null,
    item,
    track: item,
  };
}

export function device(d: EmuDevice, activeId: string | null): Record<string, unknown> {
  return {
    id: d.id,
    is_active: d.id === activeId,
    is_private_session: d.is_private_session,
    is_restricted: d.is_restricted,
    name: d.name,
    supports_volume: d.supports_volume,
    type: d.type,
    volume_percent: d.volume_percent,
  };
}

/** A paging object; `href`/`next`/`previous` are absolute URLs to this server. */
export function page<T>(
  s: Shaper,
  path: string,
  all: readonly T[],
  offset: number,
  limit: number,
  render: (item: T, index: number) => unknown,
  extraQuery: Record<string, string> = {},
): Record<string, unknown> {
  const url = (o: number) => {
    const q = new URLSearchParams({ ...extraQuery, offset: String(o), limit: String(limit) });
    return `${s.api}${path}?${q}`;
  };
  const slice = all.slice(offset, offset + limit);
  return {
    href: url(offset),
    items: slice.map((item, i) => render(item, offset + i)),
    limit,
    next: offset + limit < all.length ? url(offset + limit) : null,
    offset,
    previous: offset > 0 ? url(Math.max(0, offset - limit)) : null,
    total: all.length,
  };
}
