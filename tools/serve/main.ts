/**
 * `npm run serve`: hosts the skill over HTTP(S) instead of Lambda, with Alexa's request signature and
 * timestamp checks on. Environment: PORT (default 8080), HOST (default 127.0.0.1; 0.0.0.0 to accept
 * connections from other machines), TLS_CERT_FILE + TLS_KEY_FILE (HTTPS; otherwise plain HTTP for a
 * TLS-terminating proxy), plus the skill's own SKILL_ID, SPOTIFY_API_URL, PERSISTENCE_TABLE / PERSISTENCE_FILE,
 * LOG_LEVEL. Stops gracefully on SIGTERM and SIGINT.
 */
import * as fs from 'node:fs';
import { configFromEnv } from '../../lambda/src/config';
import { persistenceFromEnv } from '../../lambda/src/persistence';
import { buildSkill } from '../../lambda/src/skill';
import { createSpotifyClientFactory } from '../../lambda/src/spotify/client';
import { systemClock } from '../../lambda/src/util/clock';
import { createLogger } from '../../lambda/src/util/logger';
import { createApp, listen, type RunningServer } from './server';
import { AlexaSignatureVerifier, AlexaTimestampVerifier } from './verifier';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, got "${value}"`);
  return port;
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = configFromEnv(env);
  const logger = createLogger({ level: env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
  const skill = buildSkill({
    config,
    logger,
    clock: systemClock,
    persistence: persistenceFromEnv(env, logger),
    spotify: createSpotifyClientFactory({ baseUrl: config.spotifyApiUrl, logger }),
  });
  const app = createApp({
    skill,
    logger,
    verifiers: [new AlexaSignatureVerifier(), new AlexaTimestampVerifier()],
  });
  const certFile = env.TLS_CERT_FILE;
  const keyFile = env.TLS_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new Error('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
  const tls =
    certFile && keyFile ? { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) } : undefined;
  return listen(app, { port: portFromEnv(env.PORT), host: env.HOST || DEFAULT_HOST, tls });
}

if (require.main === module) {
  serve().then(
    (running) => {
      console.log(`connect-remote listening on ${running.url} (POST / for Alexa, GET /healthz)`);
      const stop = (signal: string) => {
        console.log(`${signal}: finishing in-flight requests`);
        running.close().then(() => {
          console.log('stopped');
          process.exit(0);
        });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    },
    (error: Error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}
