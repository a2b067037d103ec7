/**
 * `npm start`: a local Alexa console in front of the real skill code.
 *
 *   npm start                                  emulator, linked demo account, interactive prompt
 *   npm start -- --script conversation.txt     run a scripted conversation (also: pipe it on stdin)
 *   npm start -- --spotify real                your real Spotify account and devices
 *
 * Exit codes: 0 done, 1 a scripted expectation did not match, 2 usage or invalid interaction model,
 * 3 account linking failed, 4 port taken.
 */
import { startWebConsole } from './web/server';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { ConsoleApp, ROOT, type ConsoleOptions } from './app';
import { LinkingError } from './linking';
import { PortInUseError } from './loopback';
import { InvalidModelError } from './model';
import { renderTurn, style, terminalSafe } from './render';
import { runScript, summary } from './runner';

export const EXIT = { ok: 0, mismatch: 1, usage: 2, linking: 3, port: 4 } as const;

interface Args {
  script?: string;
  model?: string;
  spotify: 'emulator' | 'real';
  locale: string;
  port: number;
  accountsUrl?: string;
  apiUrl?: string;
  calls: boolean;
  logs: boolean;
  logFile?: string;
  memoryFile?: string;
  link: boolean;
  idle: boolean;
  timeoutSeconds: number;
  colour?: boolean;
  help: boolean;
  /** `--web`: the browser console on 127.0.0.1:webPort instead of the terminal. */
  web: boolean;
  webPort: number;
}

const USAGE = `Usage: npm start -- [options]

  --script <file>        run a scripted conversation (U: / A: lines); stdin works too when it is not a terminal
  --spotify <mode>       emulator (default): a local Spotify with a demo account; real: your Spotify account
  --locale <xx-YY>       interaction model and request locale (default en-US)
  --model <file>         resolve against this interaction model file instead of the locale's
  --no-link              start with the account unlinked
  --web                  the console in your browser: screens, touch, speech (http://127.0.0.1:8790/);
                         links from the page's Link button
  --web-port <n>         port of the browser console (default 8790; 0 = any free port)
  --idle                 emulator: no active device at start (default: Spotify open on the Kitchen speaker)
  --no-calls             hide the Spotify calls of each turn (:calls toggles)
  --logs                 show the skill's JSON log lines inline (:logs toggles)
  --log-file <file>      where the skill's log lines go (default .console-state/skill.log)
  --memory-file <file>   what the skill remembers between runs (default .console-state/memory.json; :forget clears it)
  --no-color             plain text even on a terminal
  real mode:
  --port <n>             loopback port for the OAuth redirect (default 8888; 0 = any free port)
  --timeout <seconds>    how long to wait for the browser (default 300)
  --accounts-url <url>   accounts service origin (default https://accounts.spotify.com; env SPOTIFY_ACCOUNTS_URL)
  --api-url <url>        Web API base (default https://api.spotify.com/v1; env SPOTIFY_API_URL)
  env: SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (or SPOTIFY_ACCESS_TOKEN), also read from a git-ignored .env`;

class UsageError extends Error {}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const args: Args = {
    spotify: 'emulator',
    locale: 'en-US',
    port: 8888,
    accountsUrl: env.SPOTIFY_ACCOUNTS_URL || undefined,
    apiUrl: env.SPOTIFY_API_URL || undefined,
    calls: true,
    logs: false,
    link: true,
    idle: false,
    timeoutSeconds: 300,
    help: false,
    web: false,
    webPort: 8790,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--script':
        args.script = value();
        break;
      case '--spotify': {
        const mode = value();
        if (mode !== 'emulator' && mode !== 'real') throw new UsageError('--spotify is emulator or real');
        args.spotify = mode;
        break;
      }
      case '--model':
        args.model = value();
        break;
      case '--locale':
        args.locale = value();
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port needs 0-65535');
        args.port = port;
        break;
      }
      case '--timeout': {
        const seconds = Number(value());
        if (!(seconds > 0)) throw new UsageError('--timeout needs a number of seconds');
        args.timeoutSeconds = seconds;
        break;
      }
      case '--accounts-url':
        args.accountsUrl = value();
        break;
      case '--api-url':
        args.apiUrl = value();
        break;
      case '--log-file':
        args.logFile = value();
        break;
      case '--memory-file':
        args.memoryFile = value();
        break;
      case '--no-link':
        args.link = false;
        break;
      case '--web':
        args.web = true;
        break;
      case '--web-port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError('--web-port needs 0-65535');
        args.webPort = port;
        break;
      }
      case '--idle':
        args.idle = true;
        break;
      case '--no-calls':
        args.calls = false;
        break;
      case '--logs':
        args.logs = true;
        break;
      case '--no-color':
      case '--no-colour':
        args.colour = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${flag}`);
    }
  }
  return args;
}

/** KEY=VALUE lines of a .env file, without overriding what the environment already has. */
export function loadDotEnv(file: string, env: NodeJS.ProcessEnv): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || env[match[1]] !== undefined) continue;
    env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Status lines can quote what a request or an answer carried: no control characters reach the terminal. */
const safe = (line: string) => terminalSafe(line, true);

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let args: Args;
  try {
    args = parseArgs(argv, env);
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.help) {
    out(USAGE);
    return EXIT.ok;
  }
  const interactive = !args.script && process.stdin.isTTY === true;
  const s = style(args.colour ?? (process.stdout.isTTY === true && !env.NO_COLOR));
  if (args.spotify === 'real') loadDotEnv(path.join(ROOT, '.env'), env);

  const options: ConsoleOptions = {
    locale: args.locale,
    modelFile: args.model ? path.resolve(args.model) : undefined,
    logFile: path.resolve(ROOT, args.logFile ?? path.join('.console-state', 'skill.log')),
    memoryFile: path.resolve(ROOT, args.memoryFile ?? path.join('.console-state', 'memory.json')),
    say: (line) => out(s.yellow(safe(line))),
    // The browser console links from its page, so the person sees the linking prompt first.
    link: args.web ? false : args.link,
    idle: args.idle,
    real:
      args.spotify === 'real'
        ? {
            clientId: env.SPOTIFY_CLIENT_ID || undefined,
            clientSecret: env.SPOTIFY_CLIENT_SECRET || undefined,
            accessToken: env.SPOTIFY_ACCESS_TOKEN || undefined,
            accountsUrl: args.accountsUrl,
            apiUrl: args.apiUrl,
            port: args.port,
            callbackTimeoutMs: args.timeoutSeconds * 1000,
          }
        : undefined,
  };
  out(
    s.bold('Connect Remote console') +
      s.dim(
        ` · ${args.spotify === 'real' ? 'real Spotify' : 'Spotify emulator (demo account)'} · ${args.locale}`,
      ),
  );
  let app: ConsoleApp;
  try {
    app = await ConsoleApp.start(options);
  } catch (error) {
    if (error instanceof InvalidModelError) {
      err(s.red(error.message));
      return EXIT.usage;
    }
    if (error instanceof LinkingError) {
      err(s.red(`Account linking failed: ${error.code}: ${error.description}`));
      return EXIT.linking;
    }
    if (error instanceof PortInUseError) {
      err(s.red(error.message));
      return EXIT.port;
    }
    throw error;
  }
  app.showCalls = args.calls;
  app.showLogs = args.logs;
  try {
    if (args.web) {
      const web = await startWebConsole(app, args.webPort);
      out(s.bold(`Open ${web.url} in your browser.`) + s.dim(' Ctrl-C leaves.'));
      await new Promise((resolve) => process.once('SIGINT', resolve));
      await web.close();
      return EXIT.ok;
    }
    if (!interactive) {
      const text = args.script ? fs.readFileSync(args.script, 'utf8') : await readAll(process.stdin);
      const result = await runScript(app, text, out, s);
      out(summary(result, s));
      return result.mismatches.length + result.failedCommands.length > 0 ? EXIT.mismatch : EXIT.ok;
    }
    await repl(app, out, s);
    return EXIT.ok;
  } finally {
    await app.close();
  }
}

async function repl(
  app: ConsoleApp,
  out: (line: string) => void,
  s: ReturnType<typeof style>,
): Promise<void> {
  out(s.dim('Type what you would say to Alexa ("open connect remote", "pause"), or :help. Ctrl-D leaves.'));
  // History survives restarts in the git-ignored .console-state/ folder (newest first, as readline wants it).
  const historyFile = path.join(ROOT, '.console-state', 'history');
  let history: string[] = [];
  try {
    history = fs.readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 200);
  } catch {
    // no history yet
  }
  const remember = (line: string) => {
    try {
      fs.mkdirSync(path.dirname(historyFile), { recursive: true });
      fs.appendFileSync(historyFile, `${line}\n`, { mode: 0o600 });
    } catch {
      // history is a convenience; a read-only checkout still works
    }
  };
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    history,
    historySize: 200,
    prompt: `${s.bold('U:')} `,
  });
  const prompt = () => {
    const awaiting = app.alexa.awaiting;
    rl.setPrompt(awaiting ? `${s.bold('U:')} ${s.dim(`(${awaiting})`)} ` : `${s.bold('U:')} `);
    rl.prompt();
  };
  prompt();
  let busy = Promise.resolve();
  await new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      busy = busy.then(async () => {
        const text = line.trim();
        if (!text) return prompt();
        remember(text);
        try {
          if (text.startsWith(':')) {
            const result = await app.command(text);
            for (const l of result.lines) out(result.error ? s.red(safe(l)) : s.yellow(safe(l)));
            if (result.quit) return rl.close();
          } else {
            const turn = await app.utter(text);
            for (const l of renderTurn(turn, s, app.showCalls)) out(l);
          }
        } catch (error) {
          out(s.red(safe(`Console error: ${(error as Error).message}`)));
        }
        prompt();
      });
    });
    rl.on('close', () => {
      void busy.then(() => resolve());
    });
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
