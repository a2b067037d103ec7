/**
 * Alexa request verification for a skill hosted as a web service: the signing certificate chain URL, the
 * chain itself, the `Signature-256` over the raw body, and the request timestamp.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html#manually-verify-request-sent-by-alexa
 *
 * ask-sdk-express-adapter's own verifier downloads the chain and trusts only the system roots, with no way to
 * give it test roots; this one has the certificate fetcher, the trust roots and the clock injectable, and
 * strict production defaults. It implements the adapter's `Verifier` interface (server.ts runs them in order).
 */
import type { Verifier } from 'ask-sdk-express-adapter';
import { verify as verifySignature, X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { Clock } from '../../lambda/src/util/clock';
import { systemClock } from '../../lambda/src/util/clock';

export type VerificationCode =
  | 'CERT_URL_MISSING'
  | 'CERT_URL_INVALID'
  | 'CERT_FETCH_FAILED'
  | 'CERT_INVALID'
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_STALE'
  | 'REPLAYED';

/** A request that is not provably from Alexa. The host answers HTTP 400. */
export class RequestVerificationError extends Error {
  constructor(
    readonly code: VerificationCode,
    detail: string,
  ) {
    // The code leads the message, so a log line or an answer can carry the code alone.
    super(`${code}: ${detail}`);
    this.name = new.target.name;
  }
}

/** The SAN Alexa's signing certificate must carry. */
export const ALEXA_SIGNING_SAN = 'echo-api.amazon.com';
/** Alexa's limit on the age of a request. */
export const MAX_TIMESTAMP_SKEW_MS = 150_000;

/**
 * Checks the `SignatureCertChainUrl` after normalizing it (so `/echo.api/../echo.api/x` is fine):
 * https, host s3.amazonaws.com (any case), path starting with `/echo.api/` (exact case), port 443 if any.
 */
export function checkCertUrl(raw: string | undefined): URL {
  if (!raw) throw new RequestVerificationError('CERT_URL_MISSING', 'no SignatureCertChainUrl header');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RequestVerificationError('CERT_URL_INVALID', 'SignatureCertChainUrl is not a URL');
  }
  // WHATWG URL lower-cases scheme and host, drops the default port and resolves dot segments.
  const ok =
    url.protocol === 'https:' &&
    url.hostname === 's3.amazonaws.com' &&
    url.port === '' &&
    url.pathname.startsWith('/echo.api/') &&
    url.username === '' &&
    url.password === '';
  if (!ok)
    throw new RequestVerificationError(
      'CERT_URL_INVALID',
      'SignatureCertChainUrl is not an Alexa certificate URL',
    );
  return url;
}

/** Fetches the PEM chain behind a (checked) URL. */
export type CertFetcher = (url: URL) => Promise<string>;

export interface HttpsFetcherOptions {
  /** Whole download, connect to last byte. */
  timeoutMs?: number;
  maxBytes?: number;
  /** The transport; https.get in production. Tests pass http.get to reach a loopback server. */
  get?: (
    url: URL,
    options: RequestOptions,
    callback: (res: IncomingMessage) => void,
  ) => ReturnType<typeof https.get>;
}

/** Downloads a certificate chain, bounded in time and size. */
export function httpsCertFetcher(options: HttpsFetcherOptions = {}): CertFetcher {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const get = options.get ?? https.get;
  return (url) =>
    new Promise<string>((resolve, reject) => {
      let settled = false;
      const fail = (detail: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        reject(new RequestVerificationError('CERT_FETCH_FAILED', detail));
      };
      const request = get(url, {}, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return fail(`certificate download answered HTTP ${res.statusCode}`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(`certificate chain larger than ${maxBytes} bytes`);
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        res.on('error', (error) => fail(error.message));
      });
      request.on('error', (error) => fail(error.message));
      const timer = setTimeout(
        () => fail(`certificate download took longer than ${timeoutMs} ms`),
        timeoutMs,
      );
    });
}

export interface CertCacheOptions {
  clock?: Clock;
  /** How long a good chain is kept at most (it is dropped earlier when it expires). Default 1 hour. */
  maxAgeMs?: number;
  /** Good chains kept; only a newer good chain pushes the oldest out, never a failure. Default 8. */
  maxEntries?: number;
  /** Downloads running at once; a request needing another one fails at once. Default 2. */
  maxConcurrent?: number;
  /** Downloads started per minute for URLs not in the cache; beyond that a request fails at once. Default 5. */
  maxPerMinute?: number;
  /** How long a URL whose download failed is refused without another try. Default 60 s. */
  failureTtlMs?: number;
}

/**
 * Puts bounds around certificate downloads, which unauthenticated requests can trigger (any URL under
 * https://s3.amazonaws.com/echo.api/ passes checkCertUrl):
 * - a good chain is kept until it expires (at most `maxAgeMs`), in its own bounded map that failures never
 *   touch, so no number of bogus URLs can push Alexa's real certificate out;
 * - concurrent requests for one URL share one download;
 * - at most `maxConcurrent` downloads at once and `maxPerMinute` new ones a minute, so 200 requests with 200
 *   made-up URLs cost a handful of downloads, not 200;
 * - a failed URL is refused for `failureTtlMs` (bounded map) instead of being downloaded again and again.
 */
export function cachedCertFetcher(fetcher: CertFetcher, options: CertCacheOptions = {}): CertFetcher {
  const clock = options.clock ?? systemClock;
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 8;
  const maxConcurrent = options.maxConcurrent ?? 2;
  const maxPerMinute = options.maxPerMinute ?? 5;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const good = new Map<string, { pem: string; until: number }>();
  const failed = new Map<string, number>();
  const pending = new Map<string, Promise<string>>();
  const started: number[] = [];
  const refuse = (detail: string) =>
    Promise.reject(new RequestVerificationError('CERT_FETCH_FAILED', detail));

  return (url) => {
    const key = url.href;
    const now = clock.now();
    const hit = good.get(key);
    if (hit && hit.until > now) return Promise.resolve(hit.pem);
    const running = pending.get(key);
    if (running) return running;
    const failedUntil = failed.get(key);
    if (failedUntil !== undefined && failedUntil > now) return refuse('this certificate URL failed recently');
    while (started.length > 0 && started[0] <= now - 60_000) started.shift();
    if (pending.size >= maxConcurrent) return refuse('too many certificate downloads at once');
    if (started.length >= maxPerMinute) return refuse('too many certificate downloads this minute');
    started.push(now);
    const pem = fetcher(url).then(
      (text) => {
        const leaf = parseChain(text)[0];
        const expires = leaf ? Date.parse(leaf.validTo) : NaN;
        const until = Number.isFinite(expires)
          ? Math.min(expires, clock.now() + maxAgeMs)
          : clock.now() + maxAgeMs;
        good.delete(key);
        if (good.size >= maxEntries) good.delete(good.keys().next().value as string);
        good.set(key, { pem: text, until });
        return text;
      },
      (error: unknown) => {
        if (failed.size >= 1024) failed.delete(failed.keys().next().value as string);
        failed.set(key, clock.now() + failureTtlMs);
        throw error;
      },
    );
    pending.set(key, pem);
    const done = () => pending.delete(key);
    pem.then(done, done);
    return pem;
  };
}

function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

function validAt(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}

/**
 * Checks the chain (leaf first): every certificate valid now, the leaf's SAN is echo-api.amazon.com, each
 * certificate issued and signed by the next, the intermediates are CAs, and the last one is, or is signed by,
 * a trusted root. Returns the leaf.
 */
export function checkChain(pem: string, roots: readonly X509Certificate[], now: number): X509Certificate {
  let chain: X509Certificate[];
  try {
    chain = parseChain(pem);
  } catch {
    throw new RequestVerificationError('CERT_INVALID', 'certificate chain does not parse');
  }
  if (chain.length === 0) throw new RequestVerificationError('CERT_INVALID', 'no certificate in the chain');
  const leaf = chain[0];
  for (const cert of chain)
    if (!validAt(cert, now))
      throw new RequestVerificationError('CERT_INVALID', 'a certificate in the chain is not valid now');
  const sans = (leaf.subjectAltName ?? '').split(/,\s*/);
  if (!sans.includes(`DNS:${ALEXA_SIGNING_SAN}`))
    throw new RequestVerificationError(
      'CERT_INVALID',
      `the signing certificate is not for ${ALEXA_SIGNING_SAN}`,
    );
  for (let i = 0; i + 1 < chain.length; i++) {
    const [cert, issuer] = [chain[i], chain[i + 1]];
    if (!issuer.ca || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      throw new RequestVerificationError('CERT_INVALID', 'the certificate chain is broken');
  }
  const last = chain[chain.length - 1];
  const trusted = roots.some(
    (root) =>
      root.fingerprint256 === last.fingerprint256 ||
      (root.ca && validAt(root, now) && last.checkIssued(root) && last.verify(root.publicKey)),
  );
  if (!trusted)
    throw new RequestVerificationError(
      'CERT_INVALID',
      'the certificate chain does not lead to a trusted root',
    );
  return leaf;
}

let systemRoots: X509Certificate[] | undefined;
/** Node's bundled Mozilla roots (what ask-sdk-express-adapter trusts too). */
export function systemTrustRoots(): X509Certificate[] {
  systemRoots ??= tls.rootCertificates.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  return systemRoots;
}

function header(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export interface SignatureVerifierOptions {
  /** The whole certificate source, cache included (tests that want no cache). */
  fetchCert?: CertFetcher;
  /** Only the download, wrapped in the production cache and its limits (tests count downloads with it). */
  download?: CertFetcher;
  trustRoots?: readonly X509Certificate[];
  clock?: Clock;
}

/**
 * `Signature-256` must be base64 of an RSA signature: 128 to 512 bytes (RSA 1024 to 4096 bits; Alexa's key
 * is 2048). Returns the bytes.
 */
export function checkSignatureFormat(signature: string | undefined): Buffer {
  if (!signature) throw new RequestVerificationError('SIGNATURE_MISSING', 'no Signature-256 header');
  const text = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0)
    throw new RequestVerificationError('SIGNATURE_INVALID', 'Signature-256 is not base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length < 128 || bytes.length > 512)
    throw new RequestVerificationError('SIGNATURE_INVALID', 'Signature-256 has the wrong length');
  return bytes;
}

/** Verifies `SignatureCertChainUrl` and `Signature-256` (RSA-SHA256 over the raw body, base64). */
export class AlexaSignatureVerifier implements Verifier {
  private readonly fetchCert: CertFetcher;
  private readonly trustRoots: () => readonly X509Certificate[];
  private readonly clock: Clock;

  constructor(options: SignatureVerifierOptions = {}) {
    this.clock = options.clock ?? systemClock;
    // 2.5 s for a download: inside the host's request budget (server.ts), which the skill's budget is cut to.
    this.fetchCert =
      options.fetchCert ??
      cachedCertFetcher(options.download ?? httpsCertFetcher({ timeoutMs: 2500 }), { clock: this.clock });
    const roots = options.trustRoots;
    this.trustRoots = roots ? () => roots : systemTrustRoots;
  }

  async verify(body: string, headers?: IncomingHttpHeaders): Promise<void> {
    const url = checkCertUrl(header(headers, 'SignatureCertChainUrl'));
    // The signature's form is checked before any download: a request that cannot be signed costs nothing.
    const bytes = checkSignatureFormat(header(headers, 'Signature-256'));
    const leaf = checkChain(await this.fetchCert(url), this.trustRoots(), this.clock.now());
    let ok = false;
    try {
      ok = bytes.length > 0 && verifySignature('sha256', Buffer.from(body, 'utf8'), leaf.publicKey, bytes);
    } catch {
      ok = false;
    }
    if (!ok) throw new RequestVerificationError('SIGNATURE_INVALID', 'Signature-256 does not match the body');
  }
}

/** Rejects requests whose `request.timestamp` is more than 150 s from now (replays). */
export class AlexaTimestampVerifier implements Verifier {
  constructor(
    private readonly clock: Clock = systemClock,
    private readonly maxSkewMs = MAX_TIMESTAMP_SKEW_MS,
  ) {}

  async verify(body: string): Promise<void> {
    let timestamp: unknown;
    try {
      timestamp = (JSON.parse(body) as { request?: { timestamp?: unknown } }).request?.timestamp;
    } catch {
      throw new RequestVerificationError('TIMESTAMP_INVALID', 'the body is not JSON');
    }
    const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
    if (!Number.isFinite(at))
      throw new RequestVerificationError('TIMESTAMP_INVALID', 'request.timestamp is missing');
    if (Math.abs(this.clock.now() - at) > this.maxSkewMs)
      throw new RequestVerificationError(
        'TIMESTAMP_STALE',
        'request.timestamp is more than 150 seconds away',
      );
  }
}

/**
 * Refuses a request id already seen within the timestamp window: a signed request captured and sent again
 * (within the 150 s that AlexaTimestampVerifier allows) is not executed twice. Run it after the signature and
 * timestamp checks, so only requests that would otherwise run are remembered. Ids are kept for the window
 * and at most `maxEntries` of them (the oldest go first).
 */
export class AlexaReplayVerifier implements Verifier {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly windowMs = 2 * MAX_TIMESTAMP_SKEW_MS,
    private readonly maxEntries = 100_000,
  ) {}

  async verify(body: string): Promise<void> {
    let id: unknown;
    try {
      id = (JSON.parse(body) as { request?: { requestId?: unknown } }).request?.requestId;
    } catch {
      throw new RequestVerificationError('TIMESTAMP_INVALID', 'the body is not JSON');
    }
    if (typeof id !== 'string' || id === '') return; // nothing to recognise it by (skill events carry one)
    const now = this.clock.now();
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
    const until = this.seen.get(id);
    if (until !== undefined && until > now)
      throw new RequestVerificationError('REPLAYED', 'this request id was already answered');
    this.seen.set(id, now + this.windowMs);
  }
}
