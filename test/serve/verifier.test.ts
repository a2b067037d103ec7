/**
 * The pieces of Alexa request verification: the certificate URL rules, the chain rules, and the bounded,
 * cached certificate download (against a loopback server).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  cachedCertFetcher,
  checkCertUrl,
  checkChain,
  httpsCertFetcher,
  RequestVerificationError,
  type CertFetcher,
} from '../../tools/serve/verifier';
import { createTestPki, type TestPki } from './pki';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof RequestVerificationError
      ? error.code
      : `not a RequestVerificationError: ${error}`;
  }
};

describe('SignatureCertChainUrl', () => {
  test.each([
    'https://s3.amazonaws.com/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem',
    'HTTPS://s3.AmazonAWS.COM/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem',
  ])('accepts %s', (url) => {
    expect(codeOf(() => checkCertUrl(url))).toBeUndefined();
  });

  test.each([
    ['http://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://notamazon.com/echo.api/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://s3.amazonaws.com/invalid.path/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem', 'CERT_URL_INVALID'],
    ['not a url', 'CERT_URL_INVALID'],
    ['', 'CERT_URL_MISSING'],
    [undefined, 'CERT_URL_MISSING'],
  ])('rejects %s with %s', (url, code) => {
    expect(codeOf(() => checkCertUrl(url))).toBe(code);
  });
});

describe('certificate chain', () => {
  const now = () => Date.now();

  test('leaf for echo-api.amazon.com, via an intermediate, to the trusted root', () => {
    expect(checkChain(pki.chain, [pki.root], now()).subjectAltName).toBe('DNS:echo-api.amazon.com');
  });

  test.each([
    ['a chain to a root nobody trusts', (p: TestPki) => p.untrustedChain],
    ['a leaf for another host name', (p: TestPki) => p.wrongSanChain],
    ['an expired leaf', (p: TestPki) => p.expiredChain],
    [
      'a leaf without its intermediate',
      (p: TestPki) => p.chain.split(/(?<=-----END CERTIFICATE-----\n?)/)[0],
    ],
    ['an empty document', () => ''],
    [
      'garbage between PEM markers',
      () => '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----',
    ],
  ])('rejects %s', (_what, chainOf) => {
    expect(codeOf(() => checkChain(chainOf(pki), [pki.root], now()))).toBe('CERT_INVALID');
  });

  test('the system roots do not trust a self-made chain (the production default is strict)', () => {
    const { systemTrustRoots } = require('../../tools/serve/verifier');
    expect(codeOf(() => checkChain(pki.chain, systemTrustRoots(), now()))).toBe('CERT_INVALID');
  });
});

describe('certificate download', () => {
  let server: http.Server;
  let base: string;
  let hits = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/chain.pem') return res.end(pki.chain);
      if (req.url === '/huge.pem') return res.end('x'.repeat(200 * 1024));
      if (req.url === '/missing.pem') {
        res.statusCode = 404;
        return res.end();
      }
      // /slow.pem: never answers; the fetcher must give up on its own.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetcher = (timeoutMs = 2000) => httpsCertFetcher({ get: http.get, timeoutMs, maxBytes: 64 * 1024 });
  const fetchCode = async (f: CertFetcher, url: string) =>
    f(new URL(url)).then(
      () => undefined,
      (error: RequestVerificationError) => error.code,
    );

  test('downloads the chain', async () => {
    expect(await fetcher()(new URL(`${base}/chain.pem`))).toBe(pki.chain);
  });

  test('gives up on a chain larger than the limit, on an HTTP error, and on a server that never answers', async () => {
    expect(await fetchCode(fetcher(), `${base}/huge.pem`)).toBe('CERT_FETCH_FAILED');
    expect(await fetchCode(fetcher(), `${base}/missing.pem`)).toBe('CERT_FETCH_FAILED');
    expect(await fetchCode(fetcher(200), `${base}/slow.pem`)).toBe('CERT_FETCH_FAILED');
  });

  test('the cache downloads once per URL while fresh, again after expiry, and remembers a failure briefly', async () => {
    let now = Date.now();
    const cached = cachedCertFetcher(fetcher(), { clock: { now: () => now }, maxAgeMs: 60_000 });
    hits = 0;
    await Promise.all([1, 2, 3].map(() => cached(new URL(`${base}/chain.pem`))));
    await cached(new URL(`${base}/chain.pem`));
    expect(hits).toBe(1);
    now += 61_000;
    await cached(new URL(`${base}/chain.pem`));
    expect(hits).toBe(2);

    hits = 0;
    expect(await fetchCode(cached, `${base}/missing.pem`)).toBe('CERT_FETCH_FAILED');
    expect(await fetchCode(cached, `${base}/missing.pem`)).toBe('CERT_FETCH_FAILED');
    expect(hits).toBe(1);
    now += 61_000;
    expect(await fetchCode(cached, `${base}/missing.pem`)).toBe('CERT_FETCH_FAILED');
    expect(hits).toBe(2);
  });

  test('bogus URLs never push the good chain out, and new downloads are bounded per minute', async () => {
    let now = Date.now();
    const cached = cachedCertFetcher(fetcher(), {
      clock: { now: () => now },
      maxEntries: 2,
      maxPerMinute: 3,
    });
    hits = 0;
    await cached(new URL(`${base}/chain.pem`));
    const codes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fetchCode(cached, `${base}/missing-${i}.pem`)),
    );
    expect(codes.every((c) => c === 'CERT_FETCH_FAILED')).toBe(true);
    // One good download, then at most two more (three a minute), however many bogus URLs came.
    expect(hits).toBeLessThanOrEqual(3);
    expect(await cached(new URL(`${base}/chain.pem`))).toBe(pki.chain);
    expect(hits).toBeLessThanOrEqual(3);
    now += 61_000;
    expect(await fetchCode(cached, `${base}/missing-x.pem`)).toBe('CERT_FETCH_FAILED');
  });
});
