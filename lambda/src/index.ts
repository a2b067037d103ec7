/**
 * The Lambda entry: only wiring. Builds the skill once per container with the real parts and exports
 * `handler` (named in ask-resources.json as `dist/index.handler`).
 */
import { skillFromEnv } from './host';
import { createHandler } from './skill';

const { skill, logger } = skillFromEnv(process.env);

export const handler = createHandler(skill, logger);
