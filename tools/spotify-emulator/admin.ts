/**
 * The admin API, for the local console and manual use (never written to the request log):
 *   POST   /__admin/faults   a JSON FaultSpec; `path` a string glob or {"regex": "...", "flags"?: "..."}
 *   DELETE /__admin/faults   clear all faults
 *   GET    /__admin/log      the request log (Authorization values redacted)
 *   POST   /__admin/reset    fresh seeded state, empty log, no faults
 *   GET    /__admin/state    a JSON view of users, devices, players and playlists
 *   POST   /__admin/token    {"user"?: "demo", "scopes"?: [...], "ttlSeconds"?: 3600} -> {"access_token"}
 */
import { faultFromJson } from './faults';
import type { AdminContext } from './server';
import type { EmuState } from './state';

export interface AdminReply {
  status: number;
  body: unknown;
}

export function handleAdmin(method: string, url: URL, body: unknown, admin: AdminContext): AdminReply {
  const route = `${method} ${url.pathname.replace(/\/$/, '')}`;
  try {
    switch (route) {
      case 'POST /__admin/faults': {
        admin.faults.add(faultFromJson(body));
        return { status: 201, body: { pending: admin.faults.pending() } };
      }
      case 'DELETE /__admin/faults':
        admin.faults.clear();
        return { status: 200, body: { pending: 0 } };
      case 'GET /__admin/faults':
        return { status: 200, body: { pending: admin.faults.pending() } };
      case 'GET /__admin/log':
        return {
          status: 200,
          body: admin.log.map((e) => ({
            ...e,
            authorization: e.authorization ? `${e.authorization.split(' ')[0]} [redacted]` : undefined,
            body: e.path === '/api/token' ? '[redacted]' : e.body,
          })),
        };
      case 'POST /__admin/reset':
        admin.reset();
        return { status: 200, body: { reset: true } };
      case 'GET /__admin/state':
        return { status: 200, body: stateView(admin.state) };
      case 'POST /__admin/token': {
        const b = (body && typeof body === 'object' ? body : {}) as {
          user?: string;
          scopes?: string[];
          ttlSeconds?: number;
        };
        const user = b.user ?? 'demo';
        if (!admin.state.users.has(user)) return { status: 400, body: { error: `unknown user ${user}` } };
        return { status: 201, body: { access_token: admin.issueToken(user, b.scopes, b.ttlSeconds) } };
      }
      default:
        return { status: 404, body: { error: `no admin route ${route}` } };
    }
  } catch (err) {
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}

/** Users with devices and player, playlist names; tokens only counted. */
export function stateView(state: EmuState): unknown {
  return {
    users: [...state.users.values()].map((u) => ({
      id: u.id,
      displayName: u.displayName,
      premium: u.premium,
      devices: u.devices,
      player: u.player,
      playlists: (u.playlistIds ?? []).map((id) => {
        const p = state.playlists.get(id);
        return p ? { id, name: p.name, owner: p.ownerId, items: p.entries.length } : null;
      }),
      savedTracks: u.savedTracks?.length ?? 0,
    })),
    tokens: state.tokens.size,
    catalogue: {
      artists: state.artists.size,
      albums: state.albums.size,
      tracks: state.tracks.size,
      episodes: state.episodes.size,
      playlists: state.playlists.size,
    },
  };
}
