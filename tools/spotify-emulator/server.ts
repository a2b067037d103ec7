/**
 * A local Spotify that speaks Spotify's wire format over real HTTP on 127.0.0.1: the accounts service
 * (`/authorize`, `/api/token`), the Web API under `/v1` (bearer tokens, scopes, Premium, JSON error bodies
 * with `reason`, 204s), fault injection and a request log. Tests, the console and the benchmark start it
 * in-process with `startEmulator`; `npm run emulator` starts it from the command line (main.ts).
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Accounts, CLIENT_ID, CLIENT_SECRET } from './accounts';
import { handleAdmin } from './admin';
import { authenticate, compile, type CompiledRoute, type Ctx, type Reply } from './api';
import { CONTENT_ROUTES } from './content';
import { ApiError } from './errors';
import { Faults, type FaultApi, type FaultSpec } from './faults';
import { PLAYER_ROUTES, refreshDevices } from './player';
import { REMOVED_ROUTES } from './removed';
import { SHOW_ROUTES } from './shows';
import { seedState } from './seed';
import type { EmuState } from './state';
import { requiredScopes } from '../../lambda/src/spotify/endpoints';

export interface LoggedRequest {
  method: string;
  /** Pathname, e.g. /v1/me/player */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, a form body as an object (/api/token), the raw text when neither parses, or undefined. */
  body: unknown;
  /** The Authorization header as sent, for assertions; never printed by the emulator. */
  authorization: string | undefined;
  /** As answered; 0 while unanswered and for hang/reset faults. */
  status: number;
  /** Start, in epoch milliseconds (fractional, monotonic within a run). */
  at: number;
  /** Duration until the response finished; undefined while unanswered. */
  ms?: number;
}

export interface EmulatorOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** A world to serve instead of the seeded one. */
  state?: EmuState;
  /** Lifetime of access tokens from /api/token and the default for `issueToken` (default 3600). */
  tokenTtlSeconds?: number;
  /** Leave `expires_in` out of token responses (Alexa then uses its default expiry). */
  omitExpiresIn?: boolean;
  /** The clock for token and code expiry, device idleness and `timestamp`; default Date.now. */
  now?: () => number;
}

export interface Emulator {
  /** Origin, e.g. http://127.0.0.1:43121 (the accounts service lives here: /authorize, /api/token) */
  readonly url: string;
  /** Web API base, e.g. http://127.0.0.1:43121/v1 */
  readonly apiUrl: string;
  /** The mutable world. `reset()` refills it in place, so this reference stays valid. */
  readonly state: EmuState;
  /** Every request except /__admin, in arrival order. */
  readonly log: LoggedRequest[];
  /** The seeded Spotify app: 'emu-client-id' / 'emu-client-secret'. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Issues an access token for a user directly (what a completed account linking yields). */
  issueToken(userId?: string, scopes?: string[], ttlSeconds?: number): string;
  /** The access token answers 401 "The access token expired" from now on. */
  expireToken(token: string): void;
  readonly faults: FaultApi;
  /** Fresh seeded state, empty log, no faults; tokens issued so far stay valid. */
  reset(): void;
  close(): Promise<void>;
}

/** The scopes the skill asks for (derived from the client's endpoint table); `issueToken` grants these by default. */
export const ALL_SCOPES: string[] = requiredScopes();

export const ROUTES: CompiledRoute[] = compile([
  ...PLAYER_ROUTES,
  ...CONTENT_ROUTES,
  ...SHOW_ROUTES,
  ...REMOVED_ROUTES,
]);

/** Every `METHOD /v1/path` the Web API part serves (OpenAPI-style placeholders), removed ones included. */
export function servedEndpoints(): Array<{ method: string; path: string; removed: boolean }> {
  const removed = new Set(REMOVED_ROUTES.map((r) => `${r.method} ${r.path}`));
  return ROUTES.map((r) => ({
    method: r.method,
    path: `/v1${r.path}`,
    removed: removed.has(`${r.method} ${r.path}`),
  }));
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** What Spotify sends to a user missing from a Development Mode app's allowlist. */
export const NOT_ALLOWLISTED_TEXT =
  'Check settings on developer.spotify.com/dashboard, the user may not be registered.';

/** Spotify's wording for common fault statuses when the fault gives no message. */
const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'The access token expired',
  429: 'API rate limit exceeded',
  500: 'Server error',
  502: 'Bad gateway.',
  503: 'Service unavailable',
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.destroyed || res.headersSent) return;
  const noBody = status === 204 || status === 304;
  res.writeHead(status, noBody ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(noBody ? undefined : body);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  send(res, status, { 'Content-Type': JSON_TYPE, ...headers }, JSON.stringify(body));
}

/** Whether a fault replaces the answer (else it only delays it or adds headers). */
function answersWithFault(f: FaultSpec): boolean {
  return (
    f.status !== undefined ||
    f.body !== undefined ||
    f.reason !== undefined ||
    f.message !== undefined ||
    f.contentType !== undefined
  );
}

function faultReply(f: FaultSpec): { status: number; headers: Record<string, string>; body: string } {
  const status = f.status ?? 500;
  if (f.body !== undefined) {
    return {
      status,
      headers: { ...(f.contentType ? { 'Content-Type': f.contentType } : {}), ...(f.headers ?? {}) },
      body: f.body,
    };
  }
  const error = {
    status,
    message: f.message ?? DEFAULT_MESSAGES[status] ?? http.STATUS_CODES[status] ?? 'Error',
    ...(f.reason ? { reason: f.reason } : {}),
  };
  return {
    status,
    headers: { 'Content-Type': f.contentType ?? JSON_TYPE, ...(f.headers ?? {}) },
    body: JSON.stringify({ error }),
  };
}

const nowPrecise = () => performance.timeOrigin + performance.now();

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const state = options.state ?? seedState(now());
  const log: LoggedRequest[] = [];
  const faults = new Faults();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;

  const issueToken = (
    userId = 'demo',
    scopes: string[] = ALL_SCOPES,
    ttlSeconds = tokenTtlSeconds,
  ): string => {
    const token = `emu-at-${randomBytes(18).toString('base64url')}`;
    state.tokens.set(token, { userId, scopes: new Set(scopes), expiresAt: now() + ttlSeconds * 1000 });
    return token;
  };

  const accounts = new Accounts({
    state: () => state,
    now,
    tokenTtlSeconds,
    omitExpiresIn: options.omitExpiresIn ?? false,
    issueToken,
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function webApi(method: string, url: URL, authorization: string | undefined, body: unknown): Reply {
    const candidates = ROUTES.filter((r) => r.regex.test(url.pathname));
    if (candidates.length === 0) throw new ApiError(404, 'Service not found');
    const route = candidates.find((r) => r.method === method);
    if (!route) throw new ApiError(405, 'Method not allowed');
    const t = now();
    const token = authenticate(state, authorization, t);
    const user = state.users.get(token.userId);
    if (!user) throw new ApiError(401, 'Invalid access token');
    if (user.allowlisted === false) {
      // Development Mode: a user not on the app's allowlist gets plain text, not JSON.
      return {
        status: 403,
        raw: NOT_ALLOWLISTED_TEXT,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      };
    }
    refreshDevices(user, t);
    const m = route.regex.exec(url.pathname)!;
    const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    const ctx: Ctx = {
      user,
      token,
      query: url.searchParams,
      body,
      params,
      state,
      shaper: { api: `${origin}/v1`, state },
      now: t,
    };
    const scopes = typeof route.scopes === 'function' ? route.scopes(ctx) : route.scopes;
    if (scopes && scopes.length > 0 && !scopes.some((s) => token.scopes.has(s))) {
      throw new ApiError(403, 'Insufficient client scope');
    }
    if (route.premium && !user.premium) {
      throw new ApiError(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED');
    }
    return route.handle(ctx);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type']);

    if (url.pathname.startsWith('/__admin')) {
      const reply = handleAdmin(method, url, body, admin);
      sendJson(res, reply.status, reply.body);
      return;
    }

    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      status: 0,
      at: nowPrecise(),
    };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.ms = nowPrecise() - entry.at;
    });

    // Faults first: they model Spotify itself misbehaving, before any auth check.
    const fault = faults.take(method, url.pathname);
    let extraHeaders: Record<string, string> = {};
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.hang) return; // never answered; close() ends the socket
      if (fault.reset) {
        req.socket.destroy();
        return;
      }
      if (answersWithFault(fault)) {
        const r = faultReply(fault);
        send(res, r.status, r.headers, r.body);
        return;
      }
      extraHeaders = fault.headers ?? {};
    }
    if (res.destroyed) return;

    if (url.pathname === '/authorize' && method === 'GET') {
      const r = accounts.authorize(url.searchParams);
      send(res, r.status, { ...r.headers, ...extraHeaders }, r.body);
      return;
    }
    if (url.pathname === '/api/token' && method === 'POST') {
      const form = new URLSearchParams(
        (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') ? raw : '',
      );
      const r = accounts.token(req.headers.authorization, form);
      send(res, r.status, { ...r.headers, ...extraHeaders }, r.body);
      return;
    }

    try {
      const reply = webApi(method, url, req.headers.authorization, body);
      const headers = { ...(reply.headers ?? {}), ...extraHeaders };
      if (reply.raw !== undefined) send(res, reply.status, headers, reply.raw);
      else if (reply.body === undefined) send(res, reply.status, headers, '');
      else sendJson(res, reply.status, reply.body, headers);
    } catch (err) {
      if (err instanceof ApiError)
        sendJson(res, err.status, err.toJSON(), { ...err.headers, ...extraHeaders });
      else sendJson(res, 500, { error: { status: 500, message: 'Server error' } });
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed)
        sendJson(res, 500, { error: { status: 500, message: 'Server error' } });
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  const reset = () => {
    const fresh = seedState(now());
    const tokens = state.tokens;
    for (const key of Object.keys(fresh) as Array<keyof EmuState>) {
      (state as unknown as Record<string, unknown>)[key] = fresh[key];
    }
    state.tokens = tokens;
    log.length = 0;
    faults.clear();
  };

  const admin = {
    state,
    log,
    faults,
    reset,
    issueToken,
  };

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    apiUrl: `${origin}/v1`,
    state,
    log,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    issueToken,
    expireToken(token) {
      const t = state.tokens.get(token);
      if (t) t.expiresAt = now() - 1;
    },
    faults,
    reset,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export type AdminContext = {
  state: EmuState;
  log: LoggedRequest[];
  faults: Faults;
  reset: () => void;
  issueToken: (userId?: string, scopes?: string[], ttlSeconds?: number) => string;
};
