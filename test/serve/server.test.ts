/**
 * The self-hosted endpoint, over real HTTP on 127.0.0.1, with Alexa's signature scheme reproduced by a test
 * PKI: a correctly signed request gets the real skill's answer; the five cases Alexa's certification sends
 * (empty cert URL, a cert URL off s3.amazonaws.com/echo.api/, a bad signature, a stale timestamp, a tampered
 * body) each get HTTP 400 and never reach the skill.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import * as http from 'node:http';
import * as https from 'node:https';
import { buildSkill } from '../../lambda/src/skill';
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { systemClock } from '../../lambda/src/util/clock';
import { createLogger } from '../../lambda/src/util/logger';
import { createApp, listen, type RunningServer } from '../../tools/serve/server';
import { AlexaSignatureVerifier, AlexaTimestampVerifier } from '../../tools/serve/verifier';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { aLaunch } from '../support/envelopes';
import { toReply } from '../support/harness';
import { captureSink, capturedLogs, registerSecret } from '../support/log-capture';
import { createTestPki, type TestPki } from './pki';

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

let pki: TestPki;
let emulator: Emulator;
let token: string;
let running: RunningServer;
const fetched: string[] = [];

function app() {
  const logger = createLogger({ sink: captureSink, level: 'debug' });
  const config = { spotifyApiUrl: emulator.apiUrl, budgetMs: 6000 };
  const skill = buildSkill({
    config,
    logger,
    clock: systemClock,
    spotify: createSpotifyClientFactory({ baseUrl: config.spotifyApiUrl, logger }),
  });
  const signature = new AlexaSignatureVerifier({
    trustRoots: [pki.root],
    fetchCert: async (url) => {
      fetched.push(url.href);
      return pki.chain;
    },
  });
  return createApp({ skill, logger, verifiers: [signature, new AlexaTimestampVerifier()] });
}

beforeAll(async () => {
  pki = createTestPki();
  emulator = await startEmulator();
  token = emulator.issueToken('demo');
  registerSecret(token);
  running = await listen(app(), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await running.close();
  await emulator.close();
});

interface HttpReply {
  status: number;
  body: string;
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  extra: https.RequestOptions = {},
): Promise<HttpReply> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        timeout: 5000,
        ...extra,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

function get(url: string, extra: https.RequestOptions = {}): Promise<HttpReply> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    lib
      .get(target, { timeout: 5000, ...extra }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      })
      .on('error', reject);
  });
}

const signed = (body: string) => ({ SignatureCertChainUrl: CERT_URL, 'Signature-256': pki.sign(body) });
const launch = (envelope: RequestEnvelope = aLaunch().linked(token).build()) => JSON.stringify(envelope);

test('U: open connect remote (signed by Alexa) / A: the real skill answers, after one Spotify call', async () => {
  const body = launch();
  emulator.log.length = 0;
  const reply = await post(running.url, body, signed(body));
  expect(reply.status).toBe(200);
  const answer = toReply(JSON.parse(reply.body));
  expect(answer.speech).toMatch(/Nothing is playing/);
  expect(emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me/player']);
  expect(fetched).toContain(CERT_URL);
});

describe('requests Alexa did not sign get HTTP 400 and never reach the skill', () => {
  const before = () => {
    emulator.log.length = 0;
    return capturedLogs().length;
  };
  const rejectedWith = (mark: number) =>
    capturedLogs()
      .slice(mark)
      .filter((l) => l.includes('"serve.rejected"'))
      .map((l) => JSON.parse(l).reason);

  test('an empty SignatureCertChainUrl', async () => {
    const mark = before();
    const body = launch();
    const reply = await post(running.url, body, {
      SignatureCertChainUrl: '',
      'Signature-256': pki.sign(body),
    });
    expect(reply.status).toBe(400);
    expect(rejectedWith(mark)).toEqual(['CERT_URL_MISSING']);
    expect(emulator.log).toEqual([]);
  });

  test('a SignatureCertChainUrl off s3.amazonaws.com/echo.api/', async () => {
    const mark = before();
    const body = launch();
    for (const url of [
      'https://s3.amazonaws.com/not.echo.api/echo-api-cert.pem',
      'https://evil.example.com/echo.api/echo-api-cert.pem',
    ]) {
      const reply = await post(running.url, body, {
        SignatureCertChainUrl: url,
        'Signature-256': pki.sign(body),
      });
      expect(reply.status).toBe(400);
    }
    expect(rejectedWith(mark)).toEqual(['CERT_URL_INVALID', 'CERT_URL_INVALID']);
    expect(fetched.some((u) => !u.startsWith('https://s3.amazonaws.com/echo.api/'))).toBe(false);
    expect(emulator.log).toEqual([]);
  });

  test('a bad signature (and a missing one)', async () => {
    const mark = before();
    const body = launch();
    const other = pki.sign(launch());
    expect(
      (await post(running.url, body, { SignatureCertChainUrl: CERT_URL, 'Signature-256': other })).status,
    ).toBe(400);
    expect(
      (await post(running.url, body, { SignatureCertChainUrl: CERT_URL, 'Signature-256': 'AAAA' })).status,
    ).toBe(400);
    expect((await post(running.url, body, { SignatureCertChainUrl: CERT_URL })).status).toBe(400);
    expect(rejectedWith(mark)).toEqual(['SIGNATURE_INVALID', 'SIGNATURE_INVALID', 'SIGNATURE_MISSING']);
    expect(emulator.log).toEqual([]);
  });

  test('a stale timestamp (200 s old, correctly signed: a replay)', async () => {
    const mark = before();
    const envelope = aLaunch().linked(token).build();
    (envelope.request as { timestamp: string }).timestamp = new Date(Date.now() - 200_000).toISOString();
    const body = launch(envelope);
    const reply = await post(running.url, body, signed(body));
    expect(reply.status).toBe(400);
    expect(rejectedWith(mark)).toEqual(['TIMESTAMP_STALE']);
    expect(emulator.log).toEqual([]);
  });

  test('a tampered body (signed, then one field changed)', async () => {
    const mark = before();
    const body = launch();
    const headers = signed(body);
    const tampered = body.replace('"LaunchRequest"', '"IntentRequest"');
    expect(tampered).not.toBe(body);
    const reply = await post(running.url, tampered, headers);
    expect(reply.status).toBe(400);
    expect(rejectedWith(mark)).toEqual(['SIGNATURE_INVALID']);
    expect(emulator.log).toEqual([]);
  });

  test('a chain from an untrusted root, even when the signature matches its own leaf', async () => {
    const untrusted = createApp({
      skill: buildSkill({
        config: { spotifyApiUrl: emulator.apiUrl, budgetMs: 6000 },
        logger: createLogger({ sink: captureSink }),
        clock: systemClock,
        spotify: createSpotifyClientFactory({
          baseUrl: emulator.apiUrl,
          logger: createLogger({ sink: captureSink }),
        }),
      }),
      logger: createLogger({ sink: captureSink }),
      verifiers: [
        new AlexaSignatureVerifier({ trustRoots: [pki.root], fetchCert: async () => pki.untrustedChain }),
      ],
    });
    const other = await listen(untrusted, { port: 0, host: '127.0.0.1' });
    try {
      const body = launch();
      expect((await post(other.url, body, signed(body))).status).toBe(400);
    } finally {
      await other.close();
    }
  });
});

test('GET /healthz answers 200 without any signature', async () => {
  const reply = await get(`${running.url}/healthz`);
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toEqual({ status: 'ok' });
});

test('with a certificate and key it speaks HTTPS (verified against the test CA)', async () => {
  const secure = await listen(app(), { port: 0, host: '127.0.0.1', tls: pki.server });
  try {
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${secure.url}/healthz`, { ca: pki.server.ca })).status).toBe(200);
    const body = launch();
    const reply = await post(secure.url, body, signed(body), { ca: pki.server.ca });
    expect(reply.status).toBe(200);
    expect(toReply(JSON.parse(reply.body)).speech).toMatch(/Nothing is playing/);
  } finally {
    await secure.close();
  }
});

test('close() lets an in-flight request finish, then stops accepting', async () => {
  const slowApp = app();
  slowApp.get('/slow', (_req, res) => {
    setTimeout(() => res.json({ done: true }), 300);
  });
  const other = await listen(slowApp, { port: 0, host: '127.0.0.1' });
  const inFlight = get(`${other.url}/slow`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const closed = other.close();
  expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
  await closed;
  await expect(get(`${other.url}/healthz`, { agent: false })).rejects.toThrow(/ECONNREFUSED/);
});
