/**
 * Spotify failures as typed errors. Statuses and `reason`s are mapped to codes in ONE function,
 * `errorFromResponse`; callers branch on `code` (or `instanceof`), never on message text (Spotify's wording
 * changes). https://developer.spotify.com/documentation/web-api/concepts/api-calls#response-status-codes
 *
 * No error here ever holds a request's headers: axios errors carry `config.headers` (the bearer token), so
 * the core builds these from scratch and never keeps the axios error as a `cause`.
 */
export type SpotifyErrorCode =
  /** 401: token invalid, expired or revoked; the user must re-link. */
  | 'TOKEN_INVALID'
  /** 403 reason PREMIUM_REQUIRED: player commands need Premium. */
  | 'PREMIUM_REQUIRED'
  /** 404 reason NO_ACTIVE_DEVICE: nothing to send the command to. */
  | 'NO_ACTIVE_DEVICE'
  /** 404 without a reason on a player or device call: a stale device id. */
  | 'DEVICE_NOT_FOUND'
  /**
   * Spotify refuses the action: a player reason (403 UNKNOWN "Restriction violated", NO_NEXT_TRACK,
   * ALREADY_PAUSED…, kept in `reason`) or any other 403 (restricted device, someone else's playlist).
   */
  | 'RESTRICTED'
  /** 403 in plain text: the user is not on the Development Mode app's allowlist. */
  | 'NOT_ALLOWLISTED'
  /** 429; `retryAfterMs` from Retry-After. */
  | 'RATE_LIMITED'
  /** 5xx (empty or HTML bodies included) and network failures. */
  | 'UNAVAILABLE'
  /** The invocation's deadline ended the request. */
  | 'TIMEOUT'
  /** 2xx whose body is not the JSON it should be. */
  | 'BAD_RESPONSE'
  /** 404 on a non-player call (a playlist that is gone). */
  | 'NOT_FOUND'
  /** Any other 4xx (400 bad parameters, 405, 413…). */
  | 'BAD_REQUEST';

/**
 * What a failed write may have done, set by the request core on errors of writes (any method but GET):
 * `applied` when Spotify answered 2xx but the body could not be read (HTML on a 201, a truncated body);
 * `unknown` when the request may have reached Spotify and no answer says what happened (a 5xx, a reset or a
 * timeout after sending). Absent: the write was refused (4xx) or never sent.
 */
export type WriteOutcome = 'applied' | 'unknown';

export class SpotifyError extends Error {
  /** See WriteOutcome. */
  writeOutcome?: WriteOutcome;

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

export class TokenInvalidError extends SpotifyError {
  constructor(message: string, reason?: string) {
    super('TOKEN_INVALID', message, 401, reason);
  }
}

export class PremiumRequiredError extends SpotifyError {
  constructor(message: string, status = 403) {
    super('PREMIUM_REQUIRED', message, status, 'PREMIUM_REQUIRED');
  }
}

export class NoActiveDeviceError extends SpotifyError {
  constructor(message: string, status = 404) {
    super('NO_ACTIVE_DEVICE', message, status, 'NO_ACTIVE_DEVICE');
  }
}

export class DeviceNotFoundError extends SpotifyError {
  constructor(message: string) {
    super('DEVICE_NOT_FOUND', message, 404);
  }
}

export class RestrictedError extends SpotifyError {
  constructor(message: string, status: number, reason?: string) {
    super('RESTRICTED', message, status, reason);
  }
}

export class NotAllowlistedError extends SpotifyError {
  constructor(message: string) {
    super('NOT_ALLOWLISTED', message, 403);
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

export class UnavailableError extends SpotifyError {
  constructor(
    message: string,
    status?: number,
    reason?: string,
    /** For network failures: the socket error code (ECONNRESET, ECONNREFUSED…). */
    readonly networkCode?: string,
  ) {
    super('UNAVAILABLE', message, status, reason);
  }
}

export class SpotifyTimeoutError extends SpotifyError {
  constructor(message: string) {
    super('TIMEOUT', message);
  }
}

export class BadResponseError extends SpotifyError {
  constructor(message: string, status: number) {
    super('BAD_RESPONSE', message, status);
  }
}

export class NotFoundError extends SpotifyError {
  constructor(message: string, reason?: string) {
    super('NOT_FOUND', message, 404, reason);
  }
}

export class BadRequestError extends SpotifyError {
  constructor(message: string, status: number, reason?: string) {
    super('BAD_REQUEST', message, status, reason);
  }
}

/** Player `reason`s Spotify documents (https://developer.spotify.com/documentation/web-api/concepts/api-calls). */
export const PLAYER_REASONS: ReadonlySet<string> = new Set([
  'NO_PREV_TRACK',
  'NO_NEXT_TRACK',
  'NO_SPECIFIC_TRACK',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'NOT_PLAYING_LOCALLY',
  'NOT_PLAYING_TRACK',
  'NOT_PLAYING_CONTEXT',
  'ENDLESS_CONTEXT',
  'CONTEXT_DISALLOW',
  'ALREADY_PLAYING',
  'RATE_LIMITED',
  'REMOTE_CONTROL_DISALLOW',
  'DEVICE_NOT_CONTROLLABLE',
  'VOLUME_CONTROL_DISALLOW',
  'NO_ACTIVE_DEVICE',
  'PREMIUM_REQUIRED',
  'UNKNOWN',
]);

interface ErrorBody {
  error?: { status?: number; message?: string; reason?: string } | string;
  error_description?: string;
}

interface ParsedBody {
  message?: string;
  reason?: string;
  /** The body was text that is not JSON (plain text, HTML). */
  plainText: boolean;
}

function parseBody(body: unknown): ParsedBody {
  if (typeof body === 'string') {
    if (body.trim() === '') return { plainText: false };
    try {
      return parseBody(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 200), plainText: true };
    }
  }
  if (!body || typeof body !== 'object') return { plainText: false };
  const err = (body as ErrorBody).error;
  if (typeof err === 'string')
    return { message: (body as ErrorBody).error_description ?? err, plainText: false };
  const reason = typeof err?.reason === 'string' && err.reason ? err.reason : undefined;
  return { message: typeof err?.message === 'string' ? err.message : undefined, reason, plainText: false };
}

/** Seconds (Spotify's form) or an HTTP date, to milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (header === undefined || header === null || header === '') return undefined;
  const text = String(Array.isArray(header) ? header[0] : header).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Development Mode's allowlist refusal is a 403 whose body is plain text, not JSON ("Check settings on
 * developer.spotify.com/dashboard, the user may not be registered."). It has no status field or reason to
 * branch on, so the text is the only signal; the pattern is kept loose on purpose.
 */
const NOT_REGISTERED = /not (be )?registered|developer\.spotify\.com\/dashboard|allowlist/i;

export interface ErrorContext {
  /** The request was a player or device command (see `Endpoint.player`). */
  player?: boolean;
}

/** The one mapping from an HTTP answer that is not a 2xx to a typed error. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Record<string, unknown> = {},
  context: ErrorContext = {},
): SpotifyError {
  const { message = `Spotify answered ${status}`, reason, plainText } = parseBody(body);
  // Not an error status at all (1xx, a 3xx the core never follows): not an answer the client can use.
  if (status < 400) return new BadResponseError(`Spotify answered an unexpected ${status}`, status);
  if (status === 401) return new TokenInvalidError(message, reason);
  if (status === 429) return new RateLimitedError(message, parseRetryAfter(headers['retry-after']), reason);
  if (status >= 500) return new UnavailableError(message, status, reason);
  if (reason === 'PREMIUM_REQUIRED') return new PremiumRequiredError(message, status);
  if (reason === 'NO_ACTIVE_DEVICE') return new NoActiveDeviceError(message, status);
  if (reason && PLAYER_REASONS.has(reason)) return new RestrictedError(message, status, reason);
  if (status === 403 && !reason && plainText && NOT_REGISTERED.test(message)) {
    return new NotAllowlistedError(message);
  }
  // Any other 403 is Spotify refusing this action (a restricted device, someone else's playlist).
  if (status === 403) return new RestrictedError(message, status, reason);
  if (status === 404) {
    // "Device not found": a 404 without a reason on a player call means the device id we sent is stale.
    if (context.player && !reason) return new DeviceNotFoundError(message);
    return new NotFoundError(message, reason);
  }
  return new BadRequestError(message, status, reason);
}
