/**
 * A local Spotify that speaks Spotify's wire format over real HTTP on 127.0.0.1: bearer tokens, JSON error
 * bodies with `reason`, 204s. Tests, the console and the benchmark start it in-process with `startEmulator`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedState, type EmuState, type EmuUser } from './state';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The Authorization header as sent, for assertions; never printed by the emulator. */
  authorization: string | undefined;
  status: number;
  at: number;
}

export interface Emulator {
  /** Origin, e.g. http://127.0.0.1:43121 */
  readonly url: string;
  /** Web API base, e.g. http://127.0.0.1:43121/v1 */
  readonly apiUrl: string;
  readonly state: EmuState;
  readonly log: LoggedRequest[];
  /** Issues an access token for a user directly (what a completed account linking yields). */
  issueToken(userId?: string, scopes?: string[], ttlSeconds?: number): string;
  close(): Promise<void>;
}

export const ALL_SCOPES = [
  'user-read-playback-state',
  'user-modify-playback-state',
  'user-read-currently-playing',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-public',
  'playlist-modify-private',
  'user-library-read',
  'user-library-modify',
  'user-read-recently-played',
];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

interface Ctx {
  user: EmuUser;
  query: URLSearchParams;
  body: unknown;
  state: EmuState;
}

type Route = {
  method: string;
  pattern: RegExp;
  scope?: string;
  premium?: boolean;
  handle: (c: Ctx) => unknown;
};

const NO_CONTENT = Symbol('204');

function playbackState(c: Ctx): unknown {
  const p = c.user.player;
  const dev = c.user.devices.find((d) => d.id === p.deviceId);
  if (!dev) return NO_CONTENT;
  const t = p.trackId ? c.state.tracks.get(p.trackId) : undefined;
  return {
    device: dev,
    repeat_state: p.repeat,
    shuffle_state: p.shuffle,
    context: p.contextUri ? { type: p.contextUri.split(':')[1], uri: p.contextUri, href: null } : null,
    timestamp: Date.now(),
    progress_ms: p.progressMs,
    is_playing: p.isPlaying,
    item: t
      ? {
          type: 'track',
          id: t.id,
          uri: `spotify:track:${t.id}`,
          name: t.name,
          duration_ms: t.duration_ms,
          artists: t.artists.map((a) => ({ ...a, uri: `spotify:artist:${a.id}` })),
          album: { ...t.album, uri: `spotify:album:${t.album.id}` },
        }
      : null,
    currently_playing_type: t ? 'track' : 'unknown',
    actions: { disallows: {} },
  };
}

function activeDevice(c: Ctx): void {
  if (!c.user.devices.some((d) => d.id === c.user.player.deviceId)) {
    throw new HttpError(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE');
  }
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/v1\/me\/player$/, scope: 'user-read-playback-state', handle: playbackState },
  {
    method: 'PUT',
    pattern: /^\/v1\/me\/player\/pause$/,
    scope: 'user-modify-playback-state',
    premium: true,
    handle(c) {
      activeDevice(c);
      if (!c.user.player.isPlaying)
        throw new HttpError(403, 'Player command failed: Restriction violated', 'UNKNOWN');
      c.user.player.isPlaying = false;
      return NO_CONTENT;
    },
  },
  {
    method: 'PUT',
    pattern: /^\/v1\/me\/player\/play$/,
    scope: 'user-modify-playback-state',
    premium: true,
    handle(c) {
      activeDevice(c);
      c.user.player.isPlaying = true;
      return NO_CONTENT;
    },
  },
];

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, err: HttpError): void {
  sendJson(res, err.status, {
    error: { status: err.status, message: err.message, ...(err.reason ? { reason: err.reason } : {}) },
  });
}

export async function startEmulator(options: { port?: number; state?: EmuState } = {}): Promise<Emulator> {
  const state = options.state ?? seedState();
  const log: LoggedRequest[] = [];
  let tokenCounter = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      status: 0,
      at: Date.now(),
    };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    try {
      const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      if (!route) throw new HttpError(404, 'Service not found');
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? state.tokens.get(auth.slice(7)) : undefined;
      if (!auth) throw new HttpError(401, 'No token provided');
      if (!token || token.expiresAt <= Date.now()) throw new HttpError(401, 'Invalid access token');
      if (route.scope && !token.scopes.has(route.scope))
        throw new HttpError(403, 'Insufficient client scope');
      const user = state.users.get(token.userId);
      if (!user) throw new HttpError(401, 'Invalid access token');
      if (route.premium && !user.premium) {
        throw new HttpError(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED');
      }
      const result = route.handle({ user, query: url.searchParams, body, state });
      if (result === NO_CONTENT) {
        res.writeHead(204);
        res.end();
      } else {
        sendJson(res, 200, result);
      }
    } catch (err) {
      if (err instanceof HttpError) sendError(res, err);
      else sendError(res, new HttpError(500, 'Server error'));
    }
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}/v1`,
    state,
    log,
    issueToken(userId = 'demo', scopes = ALL_SCOPES, ttlSeconds = 3600) {
      const token = `emu-at-${++tokenCounter}-${Math.random().toString(36).slice(2, 10)}`;
      state.tokens.set(token, { userId, scopes: new Set(scopes), expiresAt: Date.now() + ttlSeconds * 1000 });
      return token;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
