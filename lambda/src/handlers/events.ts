import type { SkillRequestHandler } from './define';

/**
 * Skill lifecycle events (AlexaSkillEvent.*), e.g. deleting a user's stored data when they disable the skill.
 * Filled in by the deployment work.
 */
export const SkillEventHandlers: SkillRequestHandler[] = [];
