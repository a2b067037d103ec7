import type { Axios } from 'axios';
import type { Deadline } from '../util/deadline';
import type { Logger } from '../util/logger';
import { type Endpoint, fillPath } from './endpoints';
import { createTransport } from './transport';
import {
  BadResponseError,
  RateLimitedError,
  SpotifyError,
  SpotifyTimeoutError,
  UnavailableError,
  errorFromResponse,
} from './errors';

export type { HttpMethod } from './endpoints';
export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  /** Values for the `{name}` segments of the endpoint's path template; the core encodes them. */
  params?: Readonly<Record<string, string>>;
  /** Query parameters; user strings go here only, serialised by axios, never concatenated into the path. */
  query?: Query;
  /** JSON body. */
  body?: unknown;
}

export interface SpotifyResponse<T> {
  status: number;
  /** null for 202/204 and empty bodies. */
  data: T | null;
}

export type Sleep = (ms: number) => Promise<void>;

/** When and how often a failed request is tried again; every wait must also fit in the deadline. */
export interface RetryPolicy {
  /** Retries after the first attempt, across all kinds of failure (so at most `maxRetries + 1` requests). */
  maxRetries: number;
  /** Wait before retry number `retry` (1-based) after a 5xx or a network error. */
  serverBackoffMs(retry: number): number;
  /** Wait before retry number `retry` after a 202 (the device is waking up: give it a moment). */
  acceptedBackoffMs(retry: number): number;
  /** A retry is only sent when at least this much of the budget is left after the wait. */
  minAttemptMs: number;
  /**
   * Kept back from the timeout of a write that is read back (`Endpoint.readBack`) (at most a quarter of what is left), so that when its
   * answer is lost there is still time to read back whether it happened (spotify/once.ts).
   */
  readBackReserveMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 2,
  serverBackoffMs: (retry) => 150 * 2 ** (retry - 1),
  acceptedBackoffMs: (retry) => 500 * retry,
  minAttemptMs: 250,
  readBackReserveMs: 1500,
};

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CoreOptions {
  baseUrl: string;
  accessToken: string;
  deadline: Deadline;
  logger: Logger;
  /** Injectable so tests do not wait; every sleep is bounded by the deadline anyway. */
  sleep?: Sleep;
  retry?: RetryPolicy;
  /**
   * Keep-alive agents to use instead of the container's shared ones (8 sockets, plenty for a Lambda that
   * serves one request at a time): the HTTPS host sizes its own pool for its concurrency.
   */
  agents?: { http?: import('node:http').Agent; https?: import('node:https').Agent };
}

let shared: Axios | undefined;

/**
 * One axios client per container, created on first use: an unlinked user never pays for loading the HTTP
 * client, and keep-alive agents reuse the TLS connection across invocations of a warm Lambda.
 *
 * `new axios.Axios(config)` rather than `axios.create(config)`: create() copies axios's global defaults into
 * the instance (header buckets for every method, transitional flags that are validated on every request,
 * FormData-aware transforms, env classes), and every request merges the instance's defaults into its
 * config again. The core needs six settings and one transform; with only those, a warm request spends about
 * 9% less time (docs/benchmark.md). It is still axios's own request pipeline: config merging, AxiosHeaders,
 * interceptors, transforms, cancellation, AxiosError.
 */
function http(): Axios {
  if (!shared) {
    const axios = (require('axios') as typeof import('axios')).default;
    shared = new axios.Axios({
      // A lean adapter for exactly what the core sends, with its own keep-alive agents (transport.ts says
      // why, docs/benchmark.md how much).
      adapter: createTransport(axios, { agent: { keepAlive: true, maxSockets: 8 } }),
      // Spotify's API never redirects, and a redirect must never carry the bearer token elsewhere
      // (tools/build.ts also leaves follow-redirects out of the bundle on the strength of this).
      maxRedirects: 0,
      maxContentLength: 8 * 1024 * 1024,
      responseType: 'text',
      // Bodies are JSON (the core sets the Content-Type); answers stay text, parsed by parseJson below.
      transformRequest: [
        (data: unknown) => (data === undefined || typeof data === 'string' ? data : JSON.stringify(data)),
      ],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }
  return shared;
}

function parseJson(text: unknown, status: number): unknown {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadResponseError(`Spotify answered ${status} with a body that is not JSON`, status);
  }
}

/** Network failures where the request provably never reached Spotify: safe to send again, even a POST. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

type Attempt<T> =
  | { ok: true; response: SpotifyResponse<T> }
  | { ok: false; error: SpotifyError; /** Spotify may have acted on the request. */ mayHaveArrived: boolean };

/**
 * The single request core every endpoint goes through: one endpoint entry plus parameters in, a typed
 * answer or a typed error out, within the invocation's deadline.
 */
export class RequestCore {
  private readonly sleep: Sleep;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: CoreOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  get deadline(): Deadline {
    return this.options.deadline;
  }

  async call<T>(endpoint: Endpoint, call: CallOptions = {}): Promise<SpotifyResponse<T>> {
    const path = fillPath(endpoint.path, call.params);
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt<T>(endpoint, path, call, attempt);
      const retriesLeft = attempt <= this.retry.maxRetries;
      const wait = retriesLeft ? this.waitBeforeRetry(endpoint, result, attempt) : undefined;
      if (wait === undefined || !this.fits(wait)) {
        if (result.ok) return result.response;
        throw result.error;
      }
      this.options.logger.debug('spotify.retry', { endpoint: endpoint.id, attempt, waitMs: wait });
      await this.sleep(wait);
    }
  }

  /** How long to wait before trying again, or undefined when this outcome must not be retried. */
  private waitBeforeRetry<T>(endpoint: Endpoint, result: Attempt<T>, attempt: number): number | undefined {
    if (result.ok) {
      // 202: accepted, but the device is still waking up. Sending an idempotent command again is harmless
      // and is how Spotify asks to be polled; a POST (next) sent again would skip twice.
      if (result.response.status === 202 && endpoint.idempotent) return this.retry.acceptedBackoffMs(attempt);
      return undefined;
    }
    const { error } = result;
    // A 429 was refused before Spotify acted on it, so even a POST may be sent again, after Retry-After.
    if (error instanceof RateLimitedError) return error.retryAfterMs ?? this.retry.serverBackoffMs(attempt);
    if (error.code !== 'UNAVAILABLE') return undefined;
    // A 5xx, a reset or a timeout after sending may have added the song or created the playlist already.
    if (!endpoint.idempotent && result.mayHaveArrived) return undefined;
    return this.retry.serverBackoffMs(attempt);
  }

  /** A wait fits when, after it, there is still time for a worthwhile request. */
  private fits(waitMs: number): boolean {
    return waitMs + this.retry.minAttemptMs <= this.options.deadline.remainingMs();
  }

  private async attempt<T>(
    endpoint: Endpoint,
    path: string,
    call: CallOptions,
    attempt: number,
  ): Promise<Attempt<T>> {
    const { baseUrl, accessToken, deadline, logger } = this.options;
    const started = Date.now();
    const log = (status: number, error?: SpotifyError): void =>
      logger.info('spotify.call', {
        endpoint: endpoint.id,
        method: endpoint.method,
        // The template, never the filled path's query: search terms and URIs are the user's business.
        path: endpoint.path,
        status,
        ms: Date.now() - started,
        attempt,
        ...(error ? { errorCode: error.code, reason: error.reason } : {}),
      });

    const remaining = deadline.remainingMs();
    if (remaining <= 0) {
      const error = new SpotifyTimeoutError('No time left for Spotify in this invocation');
      log(0, error);
      return { ok: false, error, mayHaveArrived: false };
    }
    // A write whose answer is lost must leave time to find out what it did.
    const reserve = endpoint.readBack
      ? Math.min(this.retry.readBackReserveMs ?? 0, Math.floor(remaining / 4))
      : 0;
    const timeoutMs = remaining - reserve;
    let status = 0;
    try {
      const res = await http().request({
        method: endpoint.method,
        url: baseUrl + path,
        params: call.query,
        data: call.body,
        headers: {
          Authorization: `Bearer ${accessToken}`,
          Accept: 'application/json',
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        // Covers connecting, sending and a body that trickles in: the request ends with the deadline. The
        // core's adapter (transport.ts) times the whole request with one timer it clears when the answer
        // is in; `AbortSignal.timeout` left a timer and a signal alive until the deadline, per request
        // (thousands in a busy warm container; docs/benchmark.md has what that cost).
        timeout: timeoutMs,
        ...(this.options.agents
          ? { httpAgent: this.options.agents.http, httpsAgent: this.options.agents.https }
          : {}),
      });
      status = res.status;
      if (status < 200 || status >= 300) {
        throw errorFromResponse(status, res.data, res.headers as Record<string, unknown>, endpoint);
      }
      const data = (status === 204 || status === 202 ? null : parseJson(res.data, status)) as T | null;
      log(status);
      return { ok: true, response: { status, data } };
    } catch (err) {
      const { error, mayHaveArrived } = toSpotifyError(err, status);
      if (endpoint.method !== 'GET') {
        if (status >= 200 && status < 300) error.writeOutcome = 'applied';
        else if (mayHaveArrived && (status === 0 || status >= 500)) error.writeOutcome = 'unknown';
      }
      log(status, error);
      return { ok: false, error, mayHaveArrived };
    }
  }
}

/**
 * Turns whatever the attempt threw into a SpotifyError. The axios error itself is dropped here on purpose:
 * it carries `config.headers.Authorization`, so it must never reach a log line or an error's `cause`.
 */
function toSpotifyError(err: unknown, status: number): { error: SpotifyError; mayHaveArrived: boolean } {
  if (err instanceof SpotifyError) return { error: err, mayHaveArrived: status !== 0 };
  const e = err as { code?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (
    code === 'ERR_CANCELED' ||
    e?.name === 'CanceledError' ||
    e?.name === 'TimeoutError' ||
    code === 'ECONNABORTED'
  ) {
    return { error: new SpotifyTimeoutError('Spotify did not answer in time'), mayHaveArrived: true };
  }
  if (code === 'ERR_BAD_RESPONSE') {
    return {
      error: new BadResponseError('Spotify sent an answer that could not be read', status),
      mayHaveArrived: true,
    };
  }
  const safeCode = code && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
  return {
    error: new UnavailableError(
      `Could not reach Spotify (${safeCode ?? 'network error'})`,
      undefined,
      undefined,
      safeCode,
    ),
    mayHaveArrived: !(safeCode && NEVER_SENT.has(safeCode)),
  };
}
