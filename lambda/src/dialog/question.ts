import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { ctx } from '../context';
import type { Understanding } from '../lang';
import { matchName } from '../matching';
import { intentName } from './predicates';
import { ask } from './respond';
import { readSession, writeSession } from './session';
import { slotText } from './slots';

/** A question the skill asked ("Did you mean Workout Mix or Workout Beats?"), kept in the session. */
export interface Pending {
  intent: string;
  slot: string;
  options: PendingOption[];
  /** Other slot values of the original request (e.g. the device named with the playlist). */
  carry?: Record<string, string>;
}

export interface PendingOption {
  name: string;
  id: string;
  uri?: string;
  image?: string;
}

const KEY = 'pending';

export function setPending(input: HandlerInput, pending: Pending): void {
  writeSession(input, KEY, pending);
}

/**
 * "Did you mean A, B or C?": keeps the question in the session and elicits its slot again (of `updatedIntent`
 * when given, else of the request's intent), so the answer comes back by name or as "the second one".
 */
export function askWhichOne(input: HandlerInput, pending: Pending, updatedIntent?: Intent): Response {
  const { speech } = ctx(input);
  setPending(input, pending);
  input.responseBuilder.addElicitSlotDirective(pending.slot, updatedIntent);
  const names = speech.list(
    pending.options.map((o) => o.name),
    'or',
  );
  return ask(input, speech.say('didYouMean', { options: names }), speech.say('didYouMeanReprompt'));
}

const isOption = (o: unknown): o is PendingOption =>
  typeof o === 'object' &&
  o !== null &&
  typeof (o as PendingOption).name === 'string' &&
  typeof (o as PendingOption).id === 'string' &&
  ['string', 'undefined'].includes(typeof (o as PendingOption).uri);

/** The string values of what may be an object. */
function strings(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * The pending question, if the session holds a usable one. Session attributes come back from the request, so
 * anything of the wrong shape is ignored: options that are not `{ name, id }` and carried values that are not
 * strings are dropped.
 */
export function getPending(input: HandlerInput): Pending | undefined {
  const pending = readSession(input, KEY) as Partial<Pending> | null | undefined;
  if (!pending || typeof pending.intent !== 'string' || typeof pending.slot !== 'string') return undefined;
  if (!Array.isArray(pending.options)) return undefined;
  const { intent, slot } = pending;
  return { intent, slot, options: pending.options.filter(isOption), carry: strings(pending.carry) };
}

export function clearPending(input: HandlerInput): void {
  if (readSession(input, KEY) !== undefined) writeSession(input, KEY, undefined);
}

/** The ordinals of the request's language (its pack's `understand.ordinals`). */
type Ordinals = Understanding['ordinals'];

/** Each language's ordinal words as one pattern (numbers first, then the words in the pack's order), built once. */
const ORDINALS = new WeakMap<Ordinals, RegExp>();

function ordinalPattern(ordinals: Ordinals): RegExp {
  let pattern = ORDINALS.get(ordinals);
  if (!pattern) {
    const words = Object.keys(ordinals).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(['(\\d+)', ...words].join('|'));
    ORDINALS.set(ordinals, pattern);
  }
  return pattern;
}

/** "2", "2nd", "second", "the second one" → index into the options. */
export function ordinalIndex(
  text: string | undefined,
  count: number,
  ordinals: Ordinals,
): number | undefined {
  if (!text) return undefined;
  const word = text.toLowerCase().match(ordinalPattern(ordinals))?.[0];
  if (!word) return undefined;
  const n = /^\d+$/.test(word) ? Number(word) : Object.hasOwn(ordinals, word) ? ordinals[word] : NaN;
  const index = n === -1 ? count - 1 : n - 1;
  return index >= 0 && index < count ? index : undefined;
}

/**
 * The option the user picked in answer to the pending question: by ordinal (ChooseIntent), or by saying the
 * name again in the same intent (Dialog.ElicitSlot fills the slot). Undefined when this request answers
 * nothing that is pending.
 */
export function answerToPending(input: HandlerInput, forIntent: string): PendingOption | undefined {
  const pending = getPending(input);
  if (!pending || pending.intent !== forIntent) return undefined;
  const name = intentName(input);
  if (name === 'ChooseIntent') {
    const index = ordinalIndex(slotText(input, 'ordinal'), pending.options.length, ctx(input).lang.ordinals);
    return index === undefined ? undefined : pending.options[index];
  }
  if (name !== forIntent) return undefined;
  const spoken = slotText(input, pending.slot);
  if (!spoken) return undefined;
  const byOrdinal = ctx(input).lang.ordinalAnswer.test(spoken)
    ? ordinalIndex(spoken, pending.options.length, ctx(input).lang.ordinals)
    : undefined;
  if (byOrdinal !== undefined) return pending.options[byOrdinal];
  const result = matchName(
    ctx(input).lang.matching,
    spoken,
    pending.options.map((o) => ({ name: o.name, value: o })),
  );
  return result.kind === 'match' ? result.best.value : undefined;
}
