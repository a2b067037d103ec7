/**
 * The skill as a host builds it from its environment: configuration, per-user memory, a logger and the
 * Spotify client, all from `env`. The Lambda entry (index.ts) and the HTTPS host (tools/serve/main.ts) both
 * start here, so the two cannot drift apart in how they wire the real parts.
 */
import type { Skill } from 'ask-sdk-core';
import { configFromEnv, type SkillConfig } from './config';
import { persistenceFromEnv } from './persistence';
import { buildSkill } from './skill';
import { createSpotifyClientFactory } from './spotify/client';
import { systemClock } from './util/clock';
import { createLogger, type Logger } from './util/logger';

/** What a host may set itself instead of taking it from the environment. */
export interface HostOverrides {
  /** Default: a logger at LOG_LEVEL (debug, or info). */
  logger?: Logger;
  /** Sockets to Spotify kept open at once; default: none kept (one request at a time, as on Lambda). */
  maxSockets?: number;
}

/** The skill and the parts a host needs beside it. */
export interface HostedSkill {
  skill: Skill;
  config: SkillConfig;
  logger: Logger;
}

export function skillFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: HostOverrides = {},
): HostedSkill {
  const config = configFromEnv(env);
  const logger = overrides.logger ?? createLogger({ level: env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
  const skill = buildSkill({
    config,
    logger,
    clock: systemClock,
    persistence: persistenceFromEnv(env, logger),
    spotify: createSpotifyClientFactory({
      baseUrl: config.spotifyApiUrl,
      logger,
      ...(overrides.maxSockets !== undefined && { maxSockets: overrides.maxSockets }),
    }),
  });
  return { skill, config, logger };
}
