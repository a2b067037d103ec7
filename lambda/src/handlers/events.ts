import { ctx } from '../context';
import type { SkillRequestHandler } from '../dialog/define';
import { onRequest } from '../dialog/define';
import { forgetAll } from '../user/memory';

/**
 * A user disabled the skill: forget everything stored for them (default device, last device, muted volume).
 * Spotify's Developer Terms require that users can disconnect and have their data deleted. Skill events carry
 * no account-linking token and never touch Spotify (the guard lets non-intent requests through).
 * https://developer.amazon.com/en-US/docs/alexa/smapi/skill-events-in-alexa-skills.html
 */
export const SkillDisabledHandler = onRequest(['AlexaSkillEvent.SkillDisabled'], async (input) => {
  const { log, deps } = ctx(input);
  // The warm caches go too (they hold playlist names and device names of this user).
  ctx(input).cache().clear();
  const body = (
    input.requestEnvelope.request as { body?: { userInformation?: { persistenceStatus?: string } } }
  ).body;
  if (!deps.persistence) {
    log.info('skill.disabled', { deleted: false, reason: 'no store configured' });
    return input.responseBuilder.getResponse();
  }
  try {
    await forgetAll(input);
  } catch (error) {
    // The error handler answers; this line is what an operator searches CloudWatch for.
    log.error('skill.disabled.delete_failed', { error });
    throw error;
  }
  log.info('skill.disabled', { deleted: true, persistenceStatus: body?.userInformation?.persistenceStatus });
  return input.responseBuilder.getResponse();
});

/** Logged only: Alexa holds and refreshes the tokens, the skill stores nothing when an account is linked. */
export const SkillAccountLinkedHandler = onRequest(['AlexaSkillEvent.SkillAccountLinked'], (input) => {
  ctx(input).log.info('skill.account_linked');
  return input.responseBuilder.getResponse();
});

/** Skill lifecycle events (AlexaSkillEvent.*); the manifest subscribes to each of these in `events.subscriptions`. */
export const SkillEventHandlers: SkillRequestHandler[] = [SkillDisabledHandler, SkillAccountLinkedHandler];
