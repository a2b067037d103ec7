/**
 * The Lambda entry: only wiring. Builds the skill once per container with the real parts and exports
 * `handler` (named in ask-resources.json as `dist/index.handler`).
 */
import { configFromEnv } from './config';
import { persistenceFromEnv } from './persistence';
import { buildSkill, createHandler } from './skill';
import { createSpotifyClientFactory } from './spotify/client';
import { systemClock } from './util/clock';
import { createLogger } from './util/logger';

const config = configFromEnv();
const logger = createLogger({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
const skill = buildSkill({
  config,
  logger,
  clock: systemClock,
  persistence: persistenceFromEnv(process.env, logger),
  spotify: createSpotifyClientFactory({ baseUrl: config.spotifyApiUrl, logger }),
});

export const handler = createHandler(skill, logger);
