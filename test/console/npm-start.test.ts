/**
 * The real `npm start` (and `tsx tools/console/main.ts`) as child processes: piped stdin and --script,
 * exit codes, the readable failures, and real-Spotify mode run against the emulator through the loopback
 * redirect, with this test playing the person's browser.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'tools', 'console', 'main.ts');
const CONVERSATIONS = path.join(__dirname, 'conversations');
const TIMEOUT_MS = 25_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'console-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs a command with stdin piped (so it is not a TTY), bounded by TIMEOUT_MS. */
function run(
  command: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; onStdout?: (text: string) => void } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    for (const key of [
      'SPOTIFY_CLIENT_ID',
      'SPOTIFY_CLIENT_SECRET',
      'SPOTIFY_ACCESS_TOKEN',
      'SPOTIFY_ACCOUNTS_URL',
      'SPOTIFY_API_URL',
    ]) {
      if (!options.env || !(key in options.env)) delete env[key];
    }
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${TIMEOUT_MS} ms:\n${stdout}\n${stderr}`));
    }, TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

const consoleRun = (args: string[], options?: Parameters<typeof run>[2]) =>
  run(
    TSX,
    [
      MAIN,
      '--log-file',
      path.join(tmp, 'skill.log'),
      '--memory-file',
      path.join(tmp, 'memory.json'),
      ...args,
    ],
    options,
  );

/** Emulator tokens look like emu-at-… and emu-rt-…: none may reach the screen or the skill's log file. */
const TOKEN = /emu-(at|rt)-[A-Za-z0-9_-]{6,}|Bearer\s+(?!\[redacted\])\S{6,}/;

describe('npm start', () => {
  test('U: play my workout mix through piped stdin: linked at start-up, playing on the Kitchen speaker, exit 0', async () => {
    const logFile = path.join(tmp, 'npm-start.log');
    const result = await run(
      'npm',
      ['start', '--silent', '--', '--log-file', logFile, '--memory-file', path.join(tmp, 'memory.json')],
      {
        input: "open connect remote\nplay my workout mix\nwhat's playing\n",
      },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('· Linked: 11 scopes granted, token valid for 3600 s.');
    expect(lines).toContain('U: open connect remote');
    expect(lines).toContain('A: Playing Workout Mix on Kitchen speaker.');
    expect(lines.find((l) => l.startsWith('   card Standard: Eye of the Tiger'))).toBe(
      '   card Standard: Eye of the Tiger — Survivor / Eye of the Tiger / On Kitchen speaker [image https://i.scdn.co/image/al-eye-tiger-640]',
    );
    expect(result.stdout).toMatch(/▶ Kitchen speaker · .+ · playing · vol 50% · shuffle off · repeat off/);
    expect(result.stdout).toMatch(/↳ PUT \/v1\/me\/player\/play 204 [\d.]+ ms/);
    // The card's lines, one after the other on the card line.
    expect(lines).toContain(
      '   card Standard: Workout Mix — Playing on Kitchen speaker [image https://i.scdn.co/image/pl-workout-mix-mosaic]',
    );
    expect(result.stdout).not.toContain('\u001b['); // a pipe gets plain text
    expect(result.stdout).not.toMatch(TOKEN);
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('"event":"spotify.call"');
    expect(log).not.toMatch(TOKEN);
  });

  test('--script with every expectation met: exit 0 and a summary', async () => {
    const result = await consoleRun(['--script', path.join(CONVERSATIONS, 'premium-fault.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A: Controlling playback needs Spotify Premium on the linked account.');
    expect(result.stdout).toMatch(/✓ 3 turns, 7 expectations, 0 mismatched/);
  });

  test('a script whose A: line does not match: expected and actual printed, exit 1', async () => {
    const script = path.join(tmp, 'wrong.txt');
    fs.writeFileSync(script, 'U: help\nA: Goodbye.\nU: stop\nA: Okay.\n');
    const result = await consoleRun(['--script', script]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ line 2: expected A: Goodbye.');
    expect(result.stdout).toMatch(/actual A: You can say things like/);
    expect(result.stdout).toMatch(/✗ 2 turns, 2 expectations, 1 mismatched/);
  });

  test('an invalid interaction model: the problem and where it is, exit 2', async () => {
    const result = await consoleRun(['--model', path.join(__dirname, 'fixtures', 'broken-model.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Invalid interaction model .*broken-model\.json/);
    expect(result.stderr).toMatch(/PlayPlaylistIntent.*undeclared slot \{device\}/);
  });

  test('an unknown option: usage, exit 2', async () => {
    const result = await consoleRun(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option --frobnicate/);
  });
});

describe('npm start -- --spotify real (against the emulator, by its URLs)', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  const realEnv = () => ({
    SPOTIFY_CLIENT_ID: emulator.clientId,
    SPOTIFY_CLIENT_SECRET: emulator.clientSecret,
    SPOTIFY_ACCOUNTS_URL: emulator.url,
    SPOTIFY_API_URL: emulator.apiUrl,
  });

  test('prints the redirect URI and the authorize URL, links when the browser comes back, then drives the devices', async () => {
    const demo = emulator.state.users.get('demo')!;
    for (const d of demo.devices) d.is_active = d.id === 'dev-kitchen';
    demo.player.deviceId = 'dev-kitchen';
    let browsed = false;
    const result = await consoleRun(['--spotify', 'real', '--port', '0', '--timeout', '20'], {
      env: realEnv(),
      input: 'play my workout mix\npause\n',
      onStdout: (text) => {
        const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(text)?.[1];
        if (url && !browsed) {
          browsed = true;
          // The person's browser: follows the redirect to the console's loopback callback.
          void fetch(url).then((r) => r.text());
        }
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Redirect URI: http:\/\/127\.0\.0\.1:\d+\/callback/);
    expect(result.stdout).toContain('A: Playing Workout Mix on Kitchen speaker.');
    expect(result.stdout).toContain('A: Paused.');
    // No emulator state to read in real mode: the player line comes from GET /me/player.
    expect(result.stdout).toMatch(/❚❚ Kitchen speaker · .+ · paused/);
    expect(result.stdout).toMatch(/↳ PUT \/v1\/me\/player\/pause 204/);
    expect(result.stdout).not.toMatch(TOKEN);
    const authorize = emulator.log.find((r) => r.path === '/authorize')!;
    expect(authorize.query.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(emulator.log.find((r) => r.path === '/api/token')?.status).toBe(200);
  });

  test('a forged callback (wrong state, escape codes) gets an error page and is ignored; the real one links', async () => {
    const demo = emulator.state.users.get('demo')!;
    for (const d of demo.devices) d.is_active = d.id === 'dev-kitchen';
    demo.player.deviceId = 'dev-kitchen';
    demo.player.isPlaying = true;
    let browsed = false;
    let forged: { status: number; body: string } | undefined;
    const result = await consoleRun(['--spotify', 'real', '--port', '0', '--timeout', '20'], {
      env: realEnv(),
      input: 'pause\n',
      onStdout: (text) => {
        const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(text)?.[1];
        if (url && !browsed) {
          browsed = true;
          const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
          redirect.search = new URLSearchParams({
            error: 'access_denied',
            error_description: '\u001b[2J\u001b]0;pwned\u0007Linked! \u001b[31mtype your password',
            state: 'not-the-state',
          }).toString();
          // An attacker's page hits the callback first; then the person's browser comes back for real.
          void fetch(redirect)
            .then(async (r) => {
              forged = { status: r.status, body: await r.text() };
            })
            .then(() => fetch(url))
            .then((r) => r.text());
        }
      },
    });
    expect(forged?.status).toBe(400);
    expect(forged?.body).toMatch(/does not belong to the linking now in progress/);
    expect(result.stdout).toContain(
      "Refused a callback that does not carry this linking's state; still waiting.",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A: Paused.');
    expect(result.stdout + result.stderr).not.toMatch(/pwned|password/);
    expect(emulator.log.find((r) => r.path === '/api/token')?.status).toBe(200);
  });

  test('a refusal with escape codes in error_description reaches the terminal without them, exit 3', async () => {
    let browsed = false;
    const result = await consoleRun(['--spotify', 'real', '--port', '0', '--timeout', '20'], {
      env: realEnv(),
      input: '',
      onStdout: (text) => {
        const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(text)?.[1];
        if (url && !browsed) {
          browsed = true;
          const authorize = new URL(url);
          const redirect = new URL(authorize.searchParams.get('redirect_uri')!);
          redirect.search = new URLSearchParams({
            error: 'access_denied',
            error_description: 'Denied\u001b[2J\u001b]0;pwned\u0007 by \u009b31muser\r\nfake: line',
            state: authorize.searchParams.get('state')!,
          }).toString();
          void fetch(redirect).then((r) => r.text());
        }
      },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Account linking failed: access_denied: Denied by userfake: line');
    // eslint-disable-next-line no-control-regex
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test('no client id or secret: what to set, exit 3', async () => {
    const result = await consoleRun(['--spotify', 'real'], { env: { SPOTIFY_API_URL: emulator.apiUrl } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /Account linking failed: missing_client: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/,
    );
  });

  test('a wrong client secret: Spotify’s error_description, exit 3', async () => {
    const result = await consoleRun(['--spotify', 'real', '--port', '0', '--timeout', '20'], {
      env: { ...realEnv(), SPOTIFY_CLIENT_SECRET: 'wrong-secret' },
      onStdout: (text) => {
        const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(text)?.[1];
        if (url)
          void fetch(url).then(
            (r) => r.text(),
            () => undefined,
          );
      },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Account linking failed: invalid_client: \S/);
  });

  test('the loopback port is taken: a readable message, exit 4', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await consoleRun(['--spotify', 'real', '--port', String(port)], { env: realEnv() });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is taken`);
    } finally {
      blocker.close();
    }
  });
});
