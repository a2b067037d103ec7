/**
 * The Web API router: bearer token, scope and Premium checks in one place, then the endpoint. Endpoint groups
 * live in player.ts, content.ts (me, playlists, library, search) and removed.ts.
 */
import { ApiError, badRequest } from './errors';
import type { Shaper } from './shapes';
import type { EmuState, EmuToken, EmuUser } from './state';

export interface Ctx {
  user: EmuUser;
  token: EmuToken;
  query: URLSearchParams;
  body: unknown;
  params: Record<string, string>;
  state: EmuState;
  shaper: Shaper;
  now: number;
}

export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (with `headers` naming its Content-Type), instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export const NO_CONTENT: Reply = { status: 204 };

export interface Route {
  method: string;
  /** Path under /v1 with `{param}` placeholders, as in the OpenAPI description. */
  path: string;
  /**
   * Scopes Spotify documents for the endpoint; the token needs at least one of them. A function picks them
   * from the request (creating a private playlist needs `playlist-modify-private`, a public one `-public`).
   */
  scopes?: string[] | ((c: Ctx) => string[]);
  /** Player commands need Premium (403 PREMIUM_REQUIRED). */
  premium?: boolean;
  handle(c: Ctx): Reply;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

export function compile(routes: Route[]): CompiledRoute[] {
  return routes.map((r) => {
    const keys: string[] = [];
    const source = r.path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
    return { ...r, regex: new RegExp(`^/v1${source}$`), keys };
  });
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

/** Spotify's bearer-token check. Messages as Spotify words them; clients must branch on the status only. */
export function authenticate(state: EmuState, authorization: string | undefined, now: number): EmuToken {
  if (!authorization) throw new ApiError(401, 'No token provided');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!m) throw badRequest('Only valid bearer authentication supported');
  const token = state.tokens.get(m[1]);
  if (!token) throw new ApiError(401, 'Invalid access token');
  if (token.expiresAt <= now) throw new ApiError(401, 'The access token expired');
  return token;
}

/** Integer query parameter in [min, max]; `name` appears in Spotify's "Invalid …" message. */
export function intParam(
  q: URLSearchParams,
  name: string,
  opts: { min: number; max: number; def?: number; message?: string },
): number {
  const raw = q.get(name);
  if (raw === null || raw === '') {
    if (opts.def === undefined) throw badRequest(`Missing required parameter: ${name}`);
    return opts.def;
  }
  if (!/^-?\d+$/.test(raw)) throw badRequest(opts.message ?? `Invalid ${name}`);
  const n = Number(raw);
  if (n < opts.min || n > opts.max) throw badRequest(opts.message ?? `Invalid ${name}`);
  return n;
}

/** limit (1..max, default 20) and offset (0..100000) for paged endpoints. */
export function paging(q: URLSearchParams, max = 50, maxOffset = 100_000): { limit: number; offset: number } {
  return {
    limit: intParam(q, 'limit', { min: 1, max, def: 20 }),
    offset: intParam(q, 'offset', { min: 0, max: maxOffset, def: 0 }),
  };
}
