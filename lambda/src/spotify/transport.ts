/**
 * The axios adapter the Spotify request core uses: one HTTP/1.1 request over Node's `http`/`https` with the
 * container's keep-alive agent, the body read into a string, and nothing else.
 *
 * Why not axios's own `http` adapter: it is written for every use of axios (redirects, proxies, streams,
 * progress events, uploads, HTTP/2, data: URLs, decompression of five encodings) and builds a stream
 * pipeline, an abort emitter and several closures for every request. On a warm Lambda that machinery
 * cost more CPU per request than the rest of the skill together (docs/benchmark.md). The request core
 * needs none of it: JSON in, text out, within a deadline. Axios stays the client (config merging, request
 * transforms, interceptors, `AxiosError`); this only replaces the last step, through axios's documented
 * `adapter` option (https://axios-http.com/docs/req_config).
 *
 * What it supports is exactly what the core sends; anything else is refused loudly rather than ignored:
 * absolute http(s) URLs, `params` as a flat object (serialised like axios does), a string or absent body,
 * `signal` and `timeout`, `maxContentLength`, `validateStatus`, `httpAgent`/`httpsAgent`, and gzip or
 * deflate answers (zlib is loaded only if Spotify ever compresses one).
 */
import type {
  Agent,
  AgentOptions,
  ClientRequest,
  IncomingHttpHeaders,
  IncomingMessage,
  RequestOptions,
} from 'node:http';
import type {
  AxiosAdapter,
  AxiosError as AxiosErrorClass,
  AxiosResponse,
  CanceledError as CanceledErrorClass,
  InternalAxiosRequestConfig,
} from 'axios';

/** The parts of the axios module the adapter needs (passed in, so axios is still loaded only on first use). */
export interface AxiosParts {
  AxiosError: typeof AxiosErrorClass;
  CanceledError: typeof CanceledErrorClass;
}

type Transport = (options: RequestOptions, onResponse: (res: IncomingMessage) => void) => ClientRequest;

/** axios's own query encoding (helpers/buildURL.js): encodeURIComponent, then a few characters kept readable. */
function encodeParam(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+');
}

/** `params` as axios serialises a flat object: undefined and null dropped, in insertion order. */
export function serializeParams(params: unknown): string {
  if (params === undefined || params === null) return '';
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new TypeError('the Spotify transport takes params as a flat object');
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') throw new TypeError(`the Spotify transport cannot serialise param ${key}`);
    parts.push(`${encodeParam(key)}=${encodeParam(String(value))}`);
  }
  return parts.join('&');
}

function fullUrl(config: InternalAxiosRequestConfig): URL {
  const base = config.baseURL ?? '';
  const url = config.url ?? '';
  const joined = /^https?:\/\//i.test(url)
    ? url
    : base.replace(/\/+$/, '') + (url ? `/${url.replace(/^\/+/, '')}` : '');
  const parsed = new URL(joined);
  const query = serializeParams(config.params);
  if (query) parsed.search = parsed.search ? `${parsed.search}&${query}` : `?${query}`;
  return parsed;
}

function requestHeaders(
  config: InternalAxiosRequestConfig,
  body: Buffer | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw: Record<string, unknown> =
    config.headers?.toJSON?.() ?? (config.headers as unknown as Record<string, unknown>) ?? {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === false) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  // Spotify compresses large answers when asked; axios's adapter asks too.
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'accept-encoding')) {
    headers['Accept-Encoding'] = 'gzip, deflate';
  }
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-length') delete headers[name];
  if (body) headers['Content-Length'] = String(body.length);
  return headers;
}

function requestBody(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return data;
  throw new TypeError(
    'the Spotify transport sends string bodies only (axios turns JSON bodies into strings)',
  );
}

/** zlib, loaded only if Spotify ever sends a compressed answer. */
const zlib = (): typeof import('node:zlib') => require('node:zlib') as typeof import('node:zlib');

/** The response body as a string, decompressed when Spotify compressed it. */
function decode(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case '':
    case 'identity':
      return body.toString('utf8');
    case 'gzip':
    case 'x-gzip':
      return zlib().gunzipSync(body).toString('utf8');
    case 'deflate':
      // Servers send deflate with or without the zlib header; try the standard form first.
      try {
        return zlib().inflateSync(body).toString('utf8');
      } catch {
        return zlib().inflateRawSync(body).toString('utf8');
      }
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface TransportOptions {
  /** Options of the keep-alive agents the transport makes when a request brings none (`httpAgent`, `httpsAgent`). */
  agent?: AgentOptions;
}

/**
 * Builds the adapter. The agents it makes (one per protocol, keep-alive, so a warm Lambda reuses its
 * connection to Spotify) and `node:https` itself are created on the first request of that protocol: TLS
 * costs about 3.5 ms to load, and a run against a plain-HTTP emulator never needs it.
 */
export function createTransport(
  { AxiosError, CanceledError }: AxiosParts,
  options: TransportOptions = {},
): AxiosAdapter {
  const agentOptions: AgentOptions = { keepAlive: true, ...options.agent };
  let httpModule: typeof import('node:http') | undefined;
  let httpsModule: typeof import('node:https') | undefined;
  let httpAgent: Agent | undefined;
  let httpsAgent: Agent | undefined;
  const nodeModule = (https: boolean): typeof import('node:http') | typeof import('node:https') =>
    https
      ? (httpsModule ??= require('node:https') as typeof import('node:https'))
      : (httpModule ??= require('node:http') as typeof import('node:http'));
  const node = (https: boolean): Transport => nodeModule(https).request;
  const ownAgent = (https: boolean): Agent =>
    https
      ? (httpsAgent ??= new (nodeModule(true).Agent)(agentOptions))
      : (httpAgent ??= new (nodeModule(false).Agent)(agentOptions));

  return (config) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      let url: URL;
      let body: Buffer | undefined;
      try {
        url = fullUrl(config);
        body = requestBody(config.data);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          throw new TypeError(`the Spotify transport speaks http and https, not ${url.protocol}`);
        }
      } catch (err) {
        reject(AxiosError.from(err as Error, AxiosError.ERR_BAD_OPTION_VALUE, config));
        return;
      }
      const signal = config.signal as AbortSignal | undefined;
      if (signal?.aborted) {
        reject(new CanceledError(undefined, config));
        return;
      }

      const isHttps = url.protocol === 'https:';
      const agent =
        ((isHttps ? config.httpsAgent : config.httpAgent) as Agent | undefined) ?? ownAgent(isHttps);
      const limit = typeof config.maxContentLength === 'number' ? config.maxContentLength : -1;
      let settled = false;
      let timer: NodeJS.Timeout | undefined;

      const finish = (): void => {
        settled = true;
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: Error): void => {
        if (settled) return;
        finish();
        reject(error);
      };
      function onAbort(): void {
        fail(new CanceledError(undefined, config, req));
        req.destroy();
      }

      const req: ClientRequest = node(isHttps)(
        {
          method: (config.method ?? 'get').toUpperCase(),
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: url.pathname + url.search,
          headers: requestHeaders(config, body),
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let received = 0;
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (limit > -1 && received > limit) {
              fail(
                new AxiosError(
                  `maxContentLength size of ${limit} exceeded`,
                  AxiosError.ERR_BAD_RESPONSE,
                  config,
                  req,
                ),
              );
              res.destroy();
              return;
            }
            chunks.push(chunk);
          });
          // The connection closed before the whole body arrived (a truncated answer).
          res.on('aborted', () =>
            fail(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE, config, req)),
          );
          res.on('error', (err) => fail(AxiosError.from(err, undefined, config, req)));
          res.on('end', () => {
            if (settled) return;
            const headers = res.headers as IncomingHttpHeaders;
            let data: string;
            try {
              const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
              data = stripBom(raw.length === 0 ? '' : decode(raw, headers['content-encoding']));
            } catch (err) {
              fail(AxiosError.from(err as Error, AxiosError.ERR_BAD_RESPONSE, config, req));
              return;
            }
            const status = res.statusCode ?? 0;
            const response: AxiosResponse = {
              data,
              status,
              statusText: res.statusMessage ?? '',
              headers: headers as AxiosResponse['headers'],
              config,
              request: req,
            };
            finish();
            if (!config.validateStatus || config.validateStatus(status)) resolve(response);
            else
              reject(
                new AxiosError(
                  `Request failed with status code ${status}`,
                  status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
                  config,
                  req,
                  response,
                ),
              );
          });
        },
      );

      req.on('error', (err) => fail(AxiosError.from(err, undefined, config, req)));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (config.timeout && config.timeout > 0) {
        timer = setTimeout(() => {
          fail(
            new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config, req),
          );
          req.destroy();
        }, config.timeout);
      }
      req.end(body);
    });
}
