/**
 * `npm run emulator [-- --port 8888] [--token-ttl 3600] [--omit-expires-in]`: the Spotify emulator on
 * 127.0.0.1 for manual use and the local console. Prints where it listens, the seeded app's credentials, how
 * to get a token and the admin API; stops on SIGINT/SIGTERM.
 */
import { startEmulator } from './server';

export interface CliOptions {
  port: number;
  tokenTtlSeconds: number;
  omitExpiresIn: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { port: 0, tokenTtlSeconds: 3600, omitExpiresIn: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') opts.port = Number(value());
    else if (flag === '--token-ttl') opts.tokenTtlSeconds = Number(value());
    else if (flag === '--omit-expires-in') opts.omitExpiresIn = true;
    else if (flag === '--help' || flag === '-h') throw new Error('usage');
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
    throw new Error('--port must be 0-65535');
  if (!(opts.tokenTtlSeconds > 0)) throw new Error('--token-ttl must be positive');
  return opts;
}

const USAGE = 'usage: npm run emulator -- [--port N] [--token-ttl SECONDS] [--omit-expires-in]';

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    const message = (err as Error).message;
    console.error(message === 'usage' ? USAGE : `${message}\n${USAGE}`);
    process.exitCode = message === 'usage' ? 0 : 2;
    return;
  }
  const emulator = await startEmulator(opts);
  const u = emulator.url;
  console.log(`Spotify emulator listening on ${u}
  Web API        ${emulator.apiUrl}          (SPOTIFY_API_URL=${emulator.apiUrl})
  Accounts       ${u}/authorize  ${u}/api/token
  Spotify app    client id ${emulator.clientId}, client secret ${emulator.clientSecret}
                 redirect URIs: http://127.0.0.1/callback (any port), https://{pitangui.amazon.com|layla.amazon.com|alexa.amazon.co.jp}/api/skill/link/*

Get a token:
  quick     curl -s -X POST ${u}/__admin/token -H 'Content-Type: application/json' -d '{"user":"demo"}'
  OAuth     open ${u}/authorize?client_id=${emulator.clientId}&response_type=code&redirect_uri=http://127.0.0.1:9/callback&state=s&scope=user-read-playback-state
            then curl -s -u ${emulator.clientId}:${emulator.clientSecret} -d grant_type=authorization_code -d code=CODE -d redirect_uri=http://127.0.0.1:9/callback ${u}/api/token
  users     demo (Premium), free (not Premium), priya; pick with &user=free on /authorize

Admin API (not logged):
  POST   /__admin/faults   {"path":"/v1/me/player*","status":429,"headers":{"Retry-After":"1"},"times":2}
                           also: reason, message, body, contentType, delayMs, hang, reset, method; path {"regex":"..."}
  DELETE /__admin/faults   GET /__admin/log   GET /__admin/state   POST /__admin/reset   POST /__admin/token

Ctrl-C stops.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulator`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  void main();
}
