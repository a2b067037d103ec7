/** Runtime settings read once per container from the environment. */
export interface SkillConfig {
  /** Base URL of the Spotify Web API, without a trailing slash. Tests and the console point it at loopback. */
  readonly spotifyApiUrl: string;
  /** When set, requests for any other skill id are rejected (ask-sdk `withSkillId`). */
  readonly skillId?: string;
  /** Milliseconds one invocation may spend on Spotify; Alexa gives up after about 8 s. */
  readonly budgetMs: number;
}

export const DEFAULT_SPOTIFY_API_URL = 'https://api.spotify.com/v1';
export const DEFAULT_BUDGET_MS = 6000;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): SkillConfig {
  const budget = Number(env.SPOTIFY_BUDGET_MS);
  return {
    spotifyApiUrl: (env.SPOTIFY_API_URL || DEFAULT_SPOTIFY_API_URL).replace(/\/+$/, ''),
    skillId: env.SKILL_ID || undefined,
    budgetMs: Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_BUDGET_MS,
  };
}
