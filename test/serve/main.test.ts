/**
 * `npm run serve` as a process: it listens where PORT and HOST say, answers /healthz, and on SIGTERM finishes
 * and exits 0 (what a container orchestrator or systemd sends).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { portFromEnv } from '../../tools/serve/main';

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

test('PORT: default 8080, 0 for an ephemeral port, anything else is an error', () => {
  expect(portFromEnv(undefined)).toBe(8080);
  expect(portFromEnv('')).toBe(8080);
  expect(portFromEnv('0')).toBe(0);
  expect(portFromEnv('9443')).toBe(9443);
  expect(() => portFromEnv('http')).toThrow(/PORT/);
  expect(() => portFromEnv('70000')).toThrow(/PORT/);
});

test('starts on 127.0.0.1 with an ephemeral port, answers /healthz, exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/serve/main.ts'], {
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

test('TLS_CERT_FILE without TLS_KEY_FILE is refused at start', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/serve/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TLS_CERT_FILE: '/nonexistent/cert.pem',
      TLS_KEY_FILE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  expect((await exitOf(child, 20_000)).code).toBe(1);
  expect(stderr).toMatch(/TLS_CERT_FILE and TLS_KEY_FILE/);
});
