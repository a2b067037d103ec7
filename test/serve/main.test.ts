/**
 * `npm run serve` as a process: it listens where PORT and HOST say, answers /healthz, and on SIGTERM finishes
 * and exits 0 (what a container orchestrator or systemd sends). With its production defaults (the strict
 * verifier, the system trust roots, nothing injected) it answers 400 to a real Alexa envelope that is
 * unsigned or whose certificate URL is not Amazon's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { portFromEnv } from '../../tools/serve/main';
import { aLaunch } from '../support/envelopes';

const ROOT = path.resolve(__dirname, '../..');

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${seen}`));
    });
  });
}

function exitOf(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

const healthz = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(`${url}/healthz`, { timeout: 3000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

/** `npm run serve` with its production defaults, on an ephemeral loopback port over plain HTTP. */
function spawnServe(env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'tools/serve/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TLS_CERT_FILE: '',
      TLS_KEY_FILE: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

test('PORT: default 8080, 0 for an ephemeral port, anything else is an error', () => {
  expect(portFromEnv(undefined)).toBe(8080);
  expect(portFromEnv('')).toBe(8080);
  expect(portFromEnv('0')).toBe(0);
  expect(portFromEnv('9443')).toBe(9443);
  expect(() => portFromEnv('http')).toThrow(/PORT/);
  expect(() => portFromEnv('70000')).toThrow(/PORT/);
});

test('starts on 127.0.0.1 with an ephemeral port, answers /healthz, exits 0 on SIGTERM', async () => {
  const child = spawnServe();
  try {
    const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 20_000);
    expect(await healthz(url)).toBe(200);
    const stopped = waitForLine(child, /stopped/, 10_000);
    const exited = exitOf(child, 10_000);
    child.kill('SIGTERM');
    await stopped;
    expect(await exited).toEqual({ code: 0, signal: null });
    await expect(healthz(url)).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('SIGTERM to the npm process of `npm run serve` (what a supervisor sends) stops the server and releases the port', async () => {
  const child = spawn('npm', ['run', 'serve', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TLS_CERT_FILE: '',
      TLS_KEY_FILE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  try {
    const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
    expect(await healthz(url)).toBe(200);
    child.kill('SIGTERM'); // npm itself, not the node process under it
    let released = false;
    for (let i = 0; i < 40 && !released; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      released = await healthz(url).then(
        () => false,
        (error: Error) => /ECONNREFUSED/.test(error.message),
      );
    }
    expect(released).toBe(true);
    // It went the graceful way (the in-flight requests' grace), not killed.
    expect(output).toMatch(/npm stopped: finishing in-flight requests|SIGTERM: finishing in-flight requests/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}, 60_000);

test('TLS_CERT_FILE without TLS_KEY_FILE is refused at start', async () => {
  const child = spawnServe({ TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: '' });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  expect((await exitOf(child, 20_000)).code).toBe(1);
  expect(stderr).toMatch(/TLS_CERT_FILE and TLS_KEY_FILE/);
});

describe('production defaults: the strict verifier with the system roots, nothing injected', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  // A would-be certificate host on loopback: the server must refuse its URL without ever fetching it.
  let certHost: http.Server;
  let certHostUrl: string;
  const certHostHits: string[] = [];

  beforeAll(async () => {
    certHost = http.createServer((req, res) => {
      certHostHits.push(req.url ?? '');
      res.end('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    });
    await new Promise<void>((resolve) => certHost.listen(0, '127.0.0.1', resolve));
    certHostUrl = `http://127.0.0.1:${(certHost.address() as AddressInfo).port}`;
    child = spawnServe();
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 20_000);
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = exitOf(child, 10_000);
      child.kill('SIGTERM');
      await exited.catch(() => child.kill('SIGKILL'));
    }
    await new Promise((resolve) => certHost?.close(resolve));
  });

  /** A real Alexa request envelope (fresh timestamp, so only the signature can be wrong). */
  const envelope = () => JSON.stringify(aLaunch().build());

  test('GET /healthz answers 200', async () => {
    expect(await healthz(url)).toBe(200);
  });

  test('an unsigned POST of a real LaunchRequest gets 400 (no SignatureCertChainUrl)', async () => {
    const res = await post(url, envelope(), {});
    expect(res.status).toBe(400);
    expect(res.body).toContain('CERT_URL_MISSING');
    // The server logs the rejection with its reason (the pipe may deliver it just after the response).
    await until(() => /serve\.rejected.*CERT_URL_MISSING/.test(output), 5000);
  });

  test.each([
    ['another host', 'https://evil.example.com/echo.api/echo-api-cert.pem'],
    ['plain http on the right host', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['a path outside /echo.api/ (case matters)', 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem'],
    ['a port other than 443', 'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem'],
    ['a loopback server the test runs', '{certHost}/echo.api/echo-api-cert.pem'],
  ])('a certificate URL that is not Amazon’s (%s) gets 400, and is never fetched', async (_, raw) => {
    const certUrl = raw.replace('{certHost}', certHostUrl);
    const res = await post(url, envelope(), {
      SignatureCertChainUrl: certUrl,
      'Signature-256': Buffer.alloc(256, 7).toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('CERT_URL_INVALID');
    expect(certHostHits).toEqual([]);
  });

  test('still answers /healthz after the rejections', async () => {
    expect(await healthz(url)).toBe(200);
    expect(child.exitCode).toBeNull();
  });
});

/** Resolves once `condition` holds; rejects after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        timeout: 5000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${url} got no answer within 5000 ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
