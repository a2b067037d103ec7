/**
 * `npm run emulator`: argument parsing, and the real CLI process starting on 127.0.0.1, answering, and
 * stopping on SIGINT.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from '../../tools/spotify-emulator/main';
import { call } from './http';

describe('parseArgs', () => {
  test('defaults: ephemeral port, 3600 s tokens, expires_in sent', () => {
    expect(parseArgs([])).toEqual({ port: 0, tokenTtlSeconds: 3600, omitExpiresIn: false });
  });
  test('flags with separate or inline values', () => {
    expect(parseArgs(['--port', '8888', '--token-ttl=60', '--omit-expires-in'])).toEqual({
      port: 8888,
      tokenTtlSeconds: 60,
      omitExpiresIn: true,
    });
  });
  test.each([[['--port', 'x']], [['--port', '70000']], [['--token-ttl', '0']], [['--verbose']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow();
    },
  );
});

describe('the CLI process', () => {
  test('prints the URL and the seeded client, serves, and stops on SIGINT', async () => {
    const root = path.resolve(__dirname, '../..');
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      ['tools/spotify-emulator/main.ts', '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      expect(out).toContain('emu-client-id');
      expect(out).toContain('/__admin/faults');
      expect((await call('GET', `${url}/v1/me`)).status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(call('GET', `${url}/v1/me`, { timeoutMs: 1000 })).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
