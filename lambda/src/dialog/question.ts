import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { ctx } from '../context';
import type { Understanding } from '../lang';
import { matchName } from '../matching';
import { intentName } from './predicates';
import { ask } from './respond';
import { readSession, writeSession } from './session';
import { slotText } from './slots';

/**
 * A question the skill asked ("Did you mean Workout Mix or Workout Beats?"), kept in the session until the
 * answer comes. The handler that asked continues it (its `resume`, see define.ts) with the option picked and
 * what it carried: structured data of its own, read back as unknown.
 */
export interface Question {
  /** The shape's version: a question kept by an older shape of the skill is ignored. */
  v: typeof VERSION;
  /** The intent whose handler asked, and resumes. */
  intent: string;
  /** The slot elicited for the answer ("the kitchen display" comes back in it). */
  slot: string;
  options: Option[];
  carried?: unknown;
}

export interface Option {
  name: string;
  id: string;
  uri?: string;
  image?: string;
}

const KEY = 'pending';
const VERSION = 2;

/**
 * "Did you mean A, B or C?": keeps the question in the session and elicits its slot again (of `updatedIntent`
 * when given, else of the request's intent), so the answer comes back by name or as "the second one".
 */
export function askWhichOne(
  input: HandlerInput,
  question: Omit<Question, 'v'>,
  updatedIntent?: Intent,
): Response {
  const { speech } = ctx(input);
  writeSession(input, KEY, { v: VERSION, ...question });
  input.responseBuilder.addElicitSlotDirective(question.slot, updatedIntent);
  const names = speech.list(
    question.options.map((o) => o.name),
    'or',
  );
  return ask(
    input,
    speech.say('didYouMean', { options: names }),
    speech.say('didYouMeanReprompt'),
    undefined,
    {
      kind: 'choose',
      options: question.options,
    },
  );
}

/**
 * "Which device?", "Which playlist?": elicits `slot` of `intent` and keeps an open question (no options) in
 * the session, so an answer that picks nothing ("don't bother") ends it instead of being looked up as a name.
 */
export function askForSlot(
  input: HandlerInput,
  question: { intent: string; slot: string },
  ssml: string,
  reprompt: string,
): Response {
  writeSession(input, KEY, { v: VERSION, ...question, options: [] });
  input.responseBuilder.addElicitSlotDirective(question.slot);
  return ask(input, ssml, reprompt);
}

const isOption = (o: unknown): o is Option =>
  typeof o === 'object' &&
  o !== null &&
  typeof (o as Option).name === 'string' &&
  typeof (o as Option).id === 'string' &&
  ['string', 'undefined'].includes(typeof (o as Option).uri);

/**
 * The question in the session, if it holds a usable one. Session attributes come back from the request, so
 * anything of another version or the wrong shape is ignored, and options that are not `{ name, id }` are
 * dropped; what the question carried is for its asker to check.
 */
export function readQuestion(input: HandlerInput): Question | undefined {
  const question = readSession(input, KEY) as Partial<Question> | null | undefined;
  if (!question || typeof question !== 'object' || question.v !== VERSION) return undefined;
  const { intent, slot, options, carried } = question;
  if (typeof intent !== 'string' || typeof slot !== 'string' || !Array.isArray(options)) return undefined;
  return { v: VERSION, intent, slot, options: options.filter(isOption), carried };
}

export function clearQuestion(input: HandlerInput): void {
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
    // Alexa's AMAZON.Ordinal gives "-1" for "the last one".
    pattern = new RegExp(['(-?\\d+)', ...words].join('|'));
    ORDINALS.set(ordinals, pattern);
  }
  return pattern;
}

/**
 * "2", "2nd", "second", "the second one", "-1" or "last" (the last one), "middle" (of an odd number of
 * options) → index into the options.
 */
export function ordinalIndex(
  text: string | undefined,
  count: number,
  ordinals: Ordinals,
): number | undefined {
  if (!text) return undefined;
  const word = text.toLowerCase().match(ordinalPattern(ordinals))?.[0];
  if (!word) return undefined;
  const digits = /^-?\d+$/.test(word);
  const n = digits ? Number(word) : Object.hasOwn(ordinals, word) ? ordinals[word] : NaN;
  // The pack's 0 is "the middle one": there is one only when the count is odd.
  if (!digits && n === 0) return count % 2 === 1 ? (count - 1) / 2 : undefined;
  const index = n === -1 ? count - 1 : n - 1;
  return index >= 0 && index < count ? index : undefined;
}

/** An answer as meant: lower case, the pack's fillers ("please", "actually") left out. */
export function answerText(spoken: string, lang: Understanding): string {
  return spoken.toLowerCase().replace(lang.answerFillers, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The option the user picked in answer to `question`: by ordinal (ChooseIntent), or by saying the name (or
 * "the second one") again in the elicited slot of the asking intent. Undefined when this request picks none.
 */
export function pickedOption(input: HandlerInput, question: Question): Option | undefined {
  const { lang } = ctx(input);
  const name = intentName(input);
  if (name === 'ChooseIntent') {
    // "The third one" fills the ordinal; "number three" or "option three" the number.
    const said = slotText(input, 'ordinal') ?? slotText(input, 'number');
    const index = ordinalIndex(said, question.options.length, lang.ordinals);
    return index === undefined ? undefined : question.options[index];
  }
  if (name !== question.intent) return undefined;
  const spoken = slotText(input, question.slot);
  if (!spoken) return undefined;
  const answer = answerText(spoken, lang);
  const byOrdinal = lang.ordinalAnswer.test(answer)
    ? ordinalIndex(answer, question.options.length, lang.ordinals)
    : undefined;
  if (byOrdinal !== undefined) return question.options[byOrdinal];
  // The name as said, then what "the one with Sam" points at ("Sam").
  const pointed = answer.replace(lang.answerPointers, '');
  for (const said of new Set([spoken, pointed])) {
    if (!said) continue;
    const result = matchName(
      lang.matching,
      said,
      question.options.map((o) => ({ name: o.name, value: o })),
    );
    if (result.kind === 'match') return result.best.value;
  }
  return undefined;
}
