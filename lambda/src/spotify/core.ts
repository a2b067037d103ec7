import type { AxiosInstance } from 'axios';
import type { Deadline } from '../util/deadline';
import type { Logger } from '../util/logger';
import { SpotifyError, errorFromResponse } from './errors';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface SpotifyRequest {
  method: HttpMethod;
  /** Path below the API base, starting with '/'. User-supplied segments must already be encoded. */
  path: string;
  query?: Query;
  body?: unknown;
}

export interface SpotifyResponse<T> {
  status: number;
  /** null for 202/204 and empty bodies. */
  data: T | null;
}

export interface CoreOptions {
  baseUrl: string;
  accessToken: string;
  deadline: Deadline;
  logger: Logger;
}

let shared: AxiosInstance | undefined;

/**
 * One axios instance per container, created on first use: an unlinked user never pays for loading the
 * HTTP client, and keep-alive agents reuse the TLS connection across invocations of a warm Lambda.
 */
function http(): AxiosInstance {
  if (!shared) {
    const axios = (require('axios') as typeof import('axios')).default;
    const { Agent: HttpAgent } = require('node:http') as typeof import('node:http');
    const { Agent: HttpsAgent } = require('node:https') as typeof import('node:https');
    shared = axios.create({
      adapter: 'http',
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 8 }),
      maxRedirects: 0,
      responseType: 'text',
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
    throw new SpotifyError('BAD_RESPONSE', `Spotify answered ${status} with a body that is not JSON`, status);
  }
}

/** The single request core every endpoint group goes through. */
export class RequestCore {
  constructor(private readonly options: CoreOptions) {}

  get deadline(): Deadline {
    return this.options.deadline;
  }

  async request<T>(req: SpotifyRequest): Promise<SpotifyResponse<T>> {
    const { baseUrl, accessToken, deadline, logger } = this.options;
    const remaining = deadline.remainingMs();
    if (remaining <= 0) throw new SpotifyError('TIMEOUT', 'No time left for Spotify in this invocation');
    const started = Date.now();
    let status = 0;
    try {
      const res = await http().request({
        method: req.method,
        url: baseUrl + req.path,
        params: req.query,
        data: req.body,
        headers: {
          Authorization: `Bearer ${accessToken}`,
          Accept: 'application/json',
          ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        signal: AbortSignal.timeout(remaining),
      });
      status = res.status;
      if (status >= 400) {
        throw errorFromResponse(status, res.data, res.headers as Record<string, unknown>);
      }
      return {
        status,
        data: (status === 204 || status === 202 ? null : parseJson(res.data, status)) as T | null,
      };
    } catch (err) {
      throw toSpotifyError(err);
    } finally {
      logger.info('spotify.call', { method: req.method, path: req.path, status, ms: Date.now() - started });
    }
  }
}

function toSpotifyError(err: unknown): SpotifyError {
  if (err instanceof SpotifyError) return err;
  const e = err as { code?: string; name?: string; message?: string };
  if (
    e?.code === 'ERR_CANCELED' ||
    e?.name === 'CanceledError' ||
    e?.name === 'TimeoutError' ||
    e?.code === 'ECONNABORTED'
  ) {
    return new SpotifyError('TIMEOUT', 'Spotify did not answer in time');
  }
  return new SpotifyError('UNAVAILABLE', `Could not reach Spotify (${e?.code ?? 'network error'})`);
}
