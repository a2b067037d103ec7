/**
 * A deliberately small stand-in for Alexa's NLU, for testing the model only: an utterance matches a sample
 * when the sample's words match exactly and each slot takes one or more words; among the matching samples
 * the one with the most literal words wins (Alexa, too, prefers the most specific sample). Slot types whose
 * values carry ids (RepeatMode, SeekDirection) only accept their values and synonyms, as entity resolution
 * would; AMAZON.NUMBER, AMAZON.DURATION and AMAZON.Ordinal only accept number words, durations and ordinals;
 * other slots take any words. It is not the console's resolver (issue 5); it exists so the model
 * tests can say "U: rewind thirty seconds" and check the intent, slots and ids the handlers will see.
 */
import { normalise, type InteractionModel, type ModelIntent, type SlotType } from '../../tools/model';

export interface Resolved {
  intent: string;
  slots: Record<string, { value: string; id?: string }>;
}

export type Resolution =
  { kind: 'match'; resolved: Resolved } | { kind: 'ambiguous'; intents: string[] } | { kind: 'none' };

interface Candidate {
  resolved: Resolved;
  literals: number;
}

const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|and)';
const NUMBER = `${NUMBER_WORD}(?: ${NUMBER_WORD})*`;
const BUILT_IN_VALUES: Record<string, RegExp> = {
  'AMAZON.NUMBER': new RegExp(`^${NUMBER}$`),
  'AMAZON.DURATION': new RegExp(`^(?:${NUMBER}|half an?) (?:seconds?|minutes?|hours?)$`),
  'AMAZON.Ordinal': /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/,
};

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches one sample against an utterance; the slot values (and ids) when it fits. */
function matchSample(
  sample: string,
  utterance: string,
  intent: ModelIntent,
  types: Map<string, SlotType>,
): Candidate | undefined {
  const tokens = normalise(sample).split(' ');
  const names: string[] = [];
  const pattern = tokens
    .map((t) => {
      const slot = /^\{(.+)\}$/.exec(t)?.[1];
      if (!slot) return escape(t);
      names.push(slot);
      return '(.+?)';
    })
    .join(' ');
  const m = new RegExp(`^${pattern}$`).exec(utterance);
  if (!m) return undefined;
  const slots: Resolved['slots'] = {};
  for (const [i, name] of names.entries()) {
    const value = m[i + 1];
    const typeName = intent.slots?.find((s) => s.name === name)?.type ?? '';
    if (BUILT_IN_VALUES[typeName] && !BUILT_IN_VALUES[typeName].test(value)) return undefined;
    const type = types.get(typeName);
    const closed = type?.values.some((v) => v.id !== undefined);
    const entry = type?.values.find((v) =>
      [v.name.value, ...(v.name.synonyms ?? [])].some((s) => normalise(s) === value),
    );
    if (closed && !entry) return undefined;
    slots[name] = entry?.id ? { value, id: entry.id } : { value };
  }
  return { resolved: { intent: intent.name, slots }, literals: tokens.length - names.length };
}

/** Resolves an utterance against the intents' samples. */
export function resolve(model: InteractionModel, text: string): Resolution {
  const { intents, types = [] } = model.interactionModel.languageModel;
  const byName = new Map(types.map((t) => [t.name, t]));
  const utterance = normalise(text);
  const candidates = intents.flatMap((intent) =>
    (intent.samples ?? []).flatMap((s) => matchSample(s, utterance, intent, byName) ?? []),
  );
  return pick(candidates);
}

/**
 * Resolves the answer to a Dialog.ElicitSlot for one slot of one intent: the slot's own samples
 * ("the {playlist} one") as well as the intent's samples, as Alexa does while the slot is being elicited.
 */
export function resolveElicited(
  model: InteractionModel,
  intentName: string,
  slot: string,
  text: string,
): Resolution {
  const { intents, types = [] } = model.interactionModel.languageModel;
  const intent = intents.find((i) => i.name === intentName);
  if (!intent) return { kind: 'none' };
  const byName = new Map(types.map((t) => [t.name, t]));
  const utterance = normalise(text);
  const samples = [...(intent.slots?.find((s) => s.name === slot)?.samples ?? []), ...(intent.samples ?? [])];
  return pick(samples.flatMap((s) => matchSample(s, utterance, intent, byName) ?? []));
}

function pick(candidates: Candidate[]): Resolution {
  if (candidates.length === 0) return { kind: 'none' };
  const best = Math.max(...candidates.map((c) => c.literals));
  const top = candidates.filter((c) => c.literals === best);
  const intents = [...new Set(top.map((c) => c.resolved.intent))];
  return intents.length > 1 ? { kind: 'ambiguous', intents } : { kind: 'match', resolved: top[0].resolved };
}
