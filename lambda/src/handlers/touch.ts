import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, IntentRequest, Response, Slot } from 'ask-sdk-model';
import { ctx } from '../context';
import type { SkillRequestHandler } from '../dialog/define';
import { accountLinkingGuard } from '../dialog/guard';
import { isType } from '../dialog/predicates';
import type { Option } from '../dialog/question';
import { plainText } from '../screens/data';
import { TOKEN_PREFIX } from '../screens/render';

export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

/**
 * What a touch means: the spoken intent it is the twin of, with its slots, and for a tapped list row the option
 * picked (handed to that intent's `resume`, as if the user had answered "which one?" with it).
 */
export interface Touch {
  intent: string;
  slots?: Record<string, string>;
  choice?: Option;
}

/** Buttons of the now-playing screen, by the action their SendEvent carries (screens/data.ts). */
const BUTTONS: Record<string, string> = {
  pause: 'AMAZON.PauseIntent',
  resume: 'AMAZON.ResumeIntent',
  next: 'AMAZON.NextIntent',
  previous: 'AMAZON.PreviousIntent',
  volumeUp: 'VolumeUpIntent',
  volumeDown: 'VolumeDownIntent',
  refresh: 'WhatsPlayingIntent',
};

/** Anything the skill cannot act on gets the fallback answer, exactly as an utterance it does not understand. */
const UNKNOWN: Touch = { intent: 'AMAZON.FallbackIntent' };

const PLAYLIST_URI = /^spotify:playlist:([A-Za-z0-9_-]{1,64})$/;
const DEVICE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Reads a UserEvent: SendEvent `arguments` come from the device, so they are checked like any input (a token
 * that is not one of the skill's documents, an unknown action, a malformed id: the fallback answer).
 */
export function readTouch(request: unknown): Touch {
  const { token, arguments: args } = (request ?? {}) as { token?: unknown; arguments?: unknown };
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return UNKNOWN;
  if (!Array.isArray(args) || typeof args[0] !== 'string') return UNKNOWN;
  const [action, ref, name] = args as [string, unknown, unknown];
  if (Object.hasOwn(BUTTONS, action)) return { intent: BUTTONS[action] };
  const label = plainText(name, 200);
  if (action === 'playPlaylist' && typeof ref === 'string' && label) {
    const id = PLAYLIST_URI.exec(ref)?.[1];
    if (id) return { intent: 'PlayPlaylistIntent', choice: { name: label, id, uri: ref } };
  }
  if (action === 'transfer' && typeof ref === 'string' && DEVICE_ID.test(ref) && label)
    return { intent: 'TransferPlaybackIntent', choice: { name: label, id: ref } };
  if (action === 'choose' && typeof ref === 'string' && /^[1-9]$/.test(ref))
    return { intent: 'ChooseIntent', slots: { ordinal: ref } };
  if (action === 'none') return { intent: 'AMAZON.FallbackIntent' };
  return UNKNOWN;
}

/** The spoken twin of the touch, as Alexa would have sent it. */
function intentRequest(input: HandlerInput, touch: Touch): IntentRequest {
  const request = input.requestEnvelope.request;
  const slots: Record<string, Slot> = {};
  for (const [name, value] of Object.entries(touch.slots ?? {}))
    slots[name] = { name, value, confirmationStatus: 'NONE' } as Slot;
  const intent: Intent = { name: touch.intent, confirmationStatus: 'NONE', slots };
  return {
    type: 'IntentRequest',
    requestId: request.requestId,
    timestamp: request.timestamp,
    locale: request.locale,
    dialogState: 'COMPLETED',
    intent,
  };
}

/**
 * Touch is voice's twin: a UserEvent becomes the IntentRequest it stands for, and goes through the same
 * account-linking guard, the same handler (its `resume` for a tapped row), the same deadline and the same error
 * speech (the error handler reads the intent from the rewritten request, so "already paused" is said the same).
 * https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-support-for-your-skill.html
 */
export function touchHandler(handlers: readonly SkillRequestHandler[]): SkillRequestHandler {
  const guard = accountLinkingGuard(handlers);
  return {
    intents: [],
    requestTypes: [USER_EVENT],
    // The guard is applied to the twin intent below, exactly as for the spoken one.
    needsSpotify: false,
    canHandle: (input) => isType(input, USER_EVENT),
    async handle(input): Promise<Response> {
      const touch = readTouch(input.requestEnvelope.request);
      ctx(input).log.info('touch', { intent: touch.intent });
      (input.requestEnvelope as { request: unknown }).request = intentRequest(input, touch);
      if (await guard.canHandle(input)) return guard.handle(input) as Response;
      if (touch.choice) {
        const asker = handlers.find((h) => h.intents.includes(touch.intent) && h.resume);
        const resumed = await asker?.resume?.(input, touch.choice, undefined);
        if (resumed) return resumed;
      }
      for (const handler of handlers) if (await handler.canHandle(input)) return handler.handle(input);
      throw new Error(`No handler for the touch ${touch.intent}`);
    },
  };
}
