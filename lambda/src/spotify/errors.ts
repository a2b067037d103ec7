/**
 * Spotify failures as typed errors. Statuses and `reason`s are mapped to codes in ONE function,
 * `errorFromResponse`; callers branch on `code`, never on message text (Spotify's wording changes).
 * https://developer.spotify.com/documentation/web-api/concepts/api-calls#response-status-codes
 */
export type SpotifyErrorCode =
  | 'TOKEN_INVALID'
  | 'PREMIUM_REQUIRED'
  | 'NO_ACTIVE_DEVICE'
  | 'DEVICE_NOT_FOUND'
  | 'RESTRICTED'
  | 'NOT_ALLOWLISTED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'BAD_RESPONSE'
  | 'NOT_FOUND'
  | 'BAD_REQUEST';

export class SpotifyError extends Error {
  constructor(
    readonly code: SpotifyErrorCode,
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RateLimitedError extends SpotifyError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    reason?: string,
  ) {
    super('RATE_LIMITED', message, 429, reason);
  }
}

interface ErrorBody {
  error?: { status?: number; message?: string; reason?: string } | string;
  error_description?: string;
}

function parseBody(body: unknown): { message?: string; reason?: string } {
  if (typeof body === 'string') {
    try {
      return parseBody(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 200) };
    }
  }
  if (!body || typeof body !== 'object') return {};
  const err = (body as ErrorBody).error;
  if (typeof err === 'string') return { message: (body as ErrorBody).error_description ?? err };
  return { message: err?.message, reason: err?.reason };
}

/** Seconds (Spotify's form) or an HTTP date, to milliseconds. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (header === undefined || header === null || header === '') return undefined;
  const text = String(header).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The one mapping from an HTTP error answer to a typed error. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Record<string, unknown> = {},
): SpotifyError {
  const { message = `Spotify answered ${status}`, reason } = parseBody(body);
  if (status === 401) return new SpotifyError('TOKEN_INVALID', message, status, reason);
  if (status === 429) return new RateLimitedError(message, parseRetryAfter(headers['retry-after']), reason);
  if (reason === 'PREMIUM_REQUIRED') return new SpotifyError('PREMIUM_REQUIRED', message, status, reason);
  if (reason === 'NO_ACTIVE_DEVICE') return new SpotifyError('NO_ACTIVE_DEVICE', message, status, reason);
  if (status >= 500) return new SpotifyError('UNAVAILABLE', message, status, reason);
  if (status === 403) {
    // Development Mode apps answer a user missing from the allowlist in plain text, not JSON.
    if (!reason && /not registered|not.+allowlist|developer dashboard/i.test(message)) {
      return new SpotifyError('NOT_ALLOWLISTED', message, status, reason);
    }
    return new SpotifyError('RESTRICTED', message, status, reason);
  }
  if (status === 404) {
    // 404 without a reason on a player call means a stale device id ("Device not found").
    if (/device/i.test(message)) return new SpotifyError('DEVICE_NOT_FOUND', message, status, reason);
    return new SpotifyError('NOT_FOUND', message, status, reason);
  }
  return new SpotifyError('BAD_REQUEST', message, status, reason);
}
