/**
 * Alexa request verification for a skill hosted as a web service: the signing certificate chain URL, the
 * chain itself, the `Signature-256` over the raw body, and the request timestamp.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html#manually-verify-request-sent-by-alexa
 *
 * ask-sdk-express-adapter's own verifier downloads the chain and trusts only the system roots, with no way to
 * give it test roots; this one has the certificate fetcher, the trust roots and the clock injectable, and
 * strict production defaults. It implements the adapter's `Verifier` interface and plugs into ExpressAdapter.
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
  | 'TIMESTAMP_STALE';

/** A request that is not provably from Alexa. The host answers HTTP 400. */
export class RequestVerificationError extends Error {
  constructor(
    readonly code: VerificationCode,
    detail: string,
  ) {
    // The code leads the message: ExpressAdapter passes only the message on.
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

/**
 * Keeps each downloaded chain until it expires (at most `maxAgeMs`), so a request does not wait for S3 every
 * time; concurrent requests for the same URL share one download; failures are not cached.
 */
export function cachedCertFetcher(
  fetcher: CertFetcher,
  options: { clock?: Clock; maxAgeMs?: number; maxEntries?: number } = {},
): CertFetcher {
  const clock = options.clock ?? systemClock;
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 8;
  const cache = new Map<string, { pem: Promise<string>; until: number }>();
  return (url) => {
    const key = url.href;
    const hit = cache.get(key);
    if (hit && hit.until > clock.now()) return hit.pem;
    const pem = fetcher(url);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { pem, until: clock.now() + maxAgeMs });
    pem.then(
      (text) => {
        const leaf = parseChain(text)[0];
        const expires = leaf ? Date.parse(leaf.validTo) : NaN;
        if (Number.isFinite(expires) && expires < clock.now() + maxAgeMs)
          cache.set(key, { pem, until: expires });
      },
      () => cache.delete(key),
    );
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
  fetchCert?: CertFetcher;
  trustRoots?: readonly X509Certificate[];
  clock?: Clock;
}

/** Verifies `SignatureCertChainUrl` and `Signature-256` (RSA-SHA256 over the raw body, base64). */
export class AlexaSignatureVerifier implements Verifier {
  private readonly fetchCert: CertFetcher;
  private readonly trustRoots: () => readonly X509Certificate[];
  private readonly clock: Clock;

  constructor(options: SignatureVerifierOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.fetchCert = options.fetchCert ?? cachedCertFetcher(httpsCertFetcher(), { clock: this.clock });
    const roots = options.trustRoots;
    this.trustRoots = roots ? () => roots : systemTrustRoots;
  }

  async verify(body: string, headers?: IncomingHttpHeaders): Promise<void> {
    const url = checkCertUrl(header(headers, 'SignatureCertChainUrl'));
    const signature = header(headers, 'Signature-256');
    if (!signature) throw new RequestVerificationError('SIGNATURE_MISSING', 'no Signature-256 header');
    const leaf = checkChain(await this.fetchCert(url), this.trustRoots(), this.clock.now());
    const bytes = Buffer.from(signature, 'base64');
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
