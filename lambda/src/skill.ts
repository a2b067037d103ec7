import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Callback, Context } from 'aws-lambda';
import { contextInterceptor, type SkillDeps } from './context';
import {
  CatchAllHandler,
  FallbackHandler,
  HelpHandler,
  SessionEndedHandler,
  StopHandler,
} from './handlers/builtins';
import { answerHandler } from './dialog/answer';
import { skillErrorHandler } from './dialog/errors';
import { accountLinkingGuard } from './dialog/guard';
import type { SkillRequestHandler } from './dialog/define';
import { SkillEventHandlers } from './handlers/events';
import { LaunchHandler } from './handlers/launch';
import { touchHandler } from './handlers/touch';
import { ACCOUNT_HANDLERS } from './handlers/account';
import { DEVICE_HANDLERS } from './handlers/devices';
import { WhatsNextHandler, WhatsPlayingHandler, WhatsTheVolumeHandler } from './handlers/nowPlaying';
import { PLAY_HANDLERS } from './handlers/play';
import { PLAYBACK_HANDLERS } from './handlers/playback';
import { PLAYLIST_HANDLERS } from './handlers/playlists';
import { PODCAST_HANDLERS } from './handlers/podcasts';
import { screenInterceptor } from './screens/render';
import { MemoryPersistenceAdapter } from './persistence/memory';
import { WarmCache } from './spotify/cache';
import { speechFor } from './speech/speech';
import type { Logger } from './util/logger';

export type { SkillDeps } from './context';

/** The intent families and request handlers, in the order they are tried. */
const FAMILIES: SkillRequestHandler[] = [
  LaunchHandler,
  ...PLAYBACK_HANDLERS,
  WhatsPlayingHandler,
  WhatsNextHandler,
  WhatsTheVolumeHandler,
  ...PLAY_HANDLERS,
  ...PODCAST_HANDLERS,
  ...PLAYLIST_HANDLERS,
  ...DEVICE_HANDLERS,
  ...ACCOUNT_HANDLERS,
  HelpHandler,
  StopHandler,
  FallbackHandler,
  SessionEndedHandler,
  ...SkillEventHandlers,
  // Last: whatever nothing above answers.
  CatchAllHandler,
];

const ANSWERING: SkillRequestHandler[] = [answerHandler(FAMILIES), ...FAMILIES];

/**
 * Every request handler (the account-linking guard runs before them). Shared by every host of the skill.
 * First a touch on a screen, which becomes its spoken twin and goes through the ones below; then the answer to
 * a "which one?" question, which is not a new request to the intent that asked.
 */
export const REQUEST_HANDLERS: SkillRequestHandler[] = [touchHandler(ANSWERING), ...ANSWERING];

export function buildSkill(given: SkillDeps): Skill {
  // One warm cache per skill, so per Lambda container (index.ts builds the skill once).
  const deps: SkillDeps = { ...given, cache: given.cache ?? new WarmCache(() => given.clock.now()) };
  const store = deps.persistence ?? new MemoryPersistenceAdapter();
  const builder = SkillBuilders.custom()
    .addRequestInterceptors(contextInterceptor(deps, store))
    .addRequestHandlers(accountLinkingGuard(REQUEST_HANDLERS), ...REQUEST_HANDLERS)
    .addResponseInterceptors(screenInterceptor)
    .addErrorHandlers(skillErrorHandler(REQUEST_HANDLERS))
    .withCustomUserAgent('connect-remote/0.1');
  if (deps.config.skillId) builder.withSkillId(deps.config.skillId);
  return builder.create();
}

export type SkillHandler = (
  event: RequestEnvelope,
  context?: Context | null,
  callback?: Callback<ResponseEnvelope>,
) => Promise<ResponseEnvelope> | void;

function isSkillIdMismatch(error: unknown): boolean {
  return error instanceof Error && /ID verification failed/.test(error.message);
}

/** A spoken apology for envelopes too broken for ask-sdk to dispatch (no handler ever saw them). */
function apology(): ResponseEnvelope {
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'SSML', ssml: `<speak>${speechFor('en-US').say('errorGeneric')}</speak>` },
      shouldEndSession: true,
    },
  };
}

/**
 * The exported Lambda handler: `async (event, context)` for the nodejs22.x runtime, and the callback form
 * that ask-sdk-local-debug (`ask run`) uses. A request for a foreign skill id is rejected (no response);
 * any other failure still gets a well-formed answer.
 */
export function createHandler(skill: Skill, logger: Logger): SkillHandler {
  const run = async (
    event: RequestEnvelope,
    context: Context | null | undefined,
  ): Promise<ResponseEnvelope> => {
    try {
      return await skill.invoke(event, context ?? undefined);
    } catch (error) {
      if (isSkillIdMismatch(error)) {
        logger.warn('request.rejected', { reason: 'skill id mismatch' });
        throw error;
      }
      logger.error('request.malformed', { error });
      return apology();
    }
  };
  return (event, context, callback) => {
    const result = run(event, context);
    if (typeof callback === 'function') {
      result.then(
        (response) => callback(null, response),
        (error: Error) => callback(error),
      );
      return;
    }
    return result;
  };
}
