/**
 * `npm run serve`: hosts the skill over HTTP(S) instead of Lambda, with Alexa's request signature and
 * timestamp checks on. Environment: PORT (default 8080), HOST (default 127.0.0.1; 0.0.0.0 to accept
 * connections from other machines), TLS_CERT_FILE + TLS_KEY_FILE (HTTPS; otherwise plain HTTP for a
 * TLS-terminating proxy), plus the skill's own SKILL_ID, SPOTIFY_API_URL, PERSISTENCE_TABLE / PERSISTENCE_FILE,
 * LOG_LEVEL. Stops gracefully on SIGTERM and SIGINT, and when the `npm` that started it is stopped.
 * Under a supervisor (systemd, a container), run `node --import tsx tools/serve/main.ts` directly, so its
 * signals reach this process.
 */
import * as fs from 'node:fs';
import { skillFromEnv } from '../../lambda/src/host';
import type { Logger } from '../../lambda/src/util/logger';
import { HOST_MARGIN_MS } from '../../lambda/src/context';
import { createApp, DEFAULT_REQUEST_BUDGET_MS, listen, SERVER_LIMITS, type RunningServer } from './server';
import {
  AlexaReplayVerifier,
  AlexaSignatureVerifier,
  AlexaTimestampVerifier,
  type SignatureVerifierOptions,
} from './verifier';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, got "${value}"`);
  return port;
}

/** Sockets to Spotify for the host: one per request it may be serving at once (SERVER_LIMITS.maxConnections). */
export const SPOTIFY_SOCKETS = SERVER_LIMITS.maxConnections;

/** What tests may replace: the certificate source and trust roots (a test PKI), the clock. */
export interface ServeOverrides {
  signature?: SignatureVerifierOptions;
  logger?: Logger;
}

export async function serve(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ServeOverrides = {},
): Promise<RunningServer> {
  const { skill, config, logger } = skillFromEnv(env, {
    logger: overrides.logger,
    maxSockets: SPOTIFY_SOCKETS,
  });
  const requestBudgetMs = Math.max(DEFAULT_REQUEST_BUDGET_MS, config.budgetMs + HOST_MARGIN_MS);
  const app = createApp({
    skill,
    logger,
    requestBudgetMs,
    // Cheapest first: a stale or unparseable request never costs a certificate download; the replay check
    // last, so only a request that would run is remembered.
    verifiers: [
      new AlexaTimestampVerifier(),
      new AlexaSignatureVerifier(overrides.signature),
      new AlexaReplayVerifier(),
    ],
  });
  const certFile = env.TLS_CERT_FILE;
  const keyFile = env.TLS_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new Error('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
  const tls =
    certFile && keyFile ? { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) } : undefined;
  return listen(app, {
    port: portFromEnv(env.PORT),
    host: env.HOST || DEFAULT_HOST,
    tls,
    // In-flight requests get their whole budget before connections are cut.
    graceMs: requestBudgetMs + 1000,
  });
}

/**
 * The processes between `npm` and this one (`npm run serve` runs `sh -c "tsx tools/serve/main.ts"`, tsx runs
 * node). npm passes a SIGTERM on to `sh`, which dies without passing it on, and the server would be left
 * running with the port held. So the host watches its ancestors up to npm and stops, gracefully, when one
 * of them is gone. Linux (/proc) only; elsewhere, and without npm, signals reach the server directly.
 */
export function npmAncestors(env: NodeJS.ProcessEnv = process.env): number[] {
  if (!env.npm_lifecycle_event || !fs.existsSync('/proc/self/stat')) return [];
  const chain: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 6 && pid > 1; depth++) {
    chain.push(pid);
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      break;
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (comm === 'npm' || comm.startsWith('npm ')) break;
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // gone: the last one in the chain
    }
    if (/(^|[/\0])npm(-cli\.js)?(\0|$)/.test(cmdline)) break;
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

if (require.main === module) {
  serve().then(
    (running) => {
      console.log(`connect-remote listening on ${running.url} (POST / for Alexa, GET /healthz)`);
      let stopping = false;
      const stop = (why: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${why}: finishing in-flight requests`);
        running.close().then(() => {
          console.log('stopped');
          process.exit(0);
        });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      const ancestors = npmAncestors();
      if (ancestors.length > 0) {
        const watch = setInterval(() => {
          if (!ancestors.every(alive)) {
            clearInterval(watch);
            stop('npm stopped');
          }
        }, 250);
        watch.unref();
      }
    },
    (error: Error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}
