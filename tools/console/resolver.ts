/**
 * Turns what a person types into what Alexa would send: a LaunchRequest, or an IntentRequest with slots,
 * resolved against the skill's own interaction model.
 *
 * - Every sample utterance of every intent is a pattern: its words must match literally, its `{slots}` take
 *   one or more words, constrained by type (AMAZON.NUMBER and AMAZON.ORDINAL take number words and give
 *   digits, AMAZON.DURATION gives ISO 8601, custom types and the other built-ins take free text).
 * - The most specific match wins: most literal words, then most slots resolved by entity resolution, then
 *   most slots of constrained types. A sample with no literal word at all ("{playlist}") only matches when
 *   every slot resolves, so FallbackIntent stays reachable.
 * - Built-in intents the model declares also answer to Alexa's standard phrasings (see builtins.ts).
 * - Invocation phrasing is stripped word by word ("ask connect remote to pause", "open connect remote"), so
 *   "basketball" or "reopen" never look like "ask" or "open".
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/understanding-how-users-invoke-custom-skills.html
 */
import {
  BUILT_IN_PHRASES,
  CONNECTORS,
  LAUNCH_VERBS,
  NO_PHRASES,
  ONE_SHOT_VERBS,
  TRAILING_CONNECTORS,
  YES_PHRASES,
} from './builtins';
import { REQUIRED_BUILT_IN_INTENTS } from '../model/built-ins';
import type { ParsedModel, SlotType } from '../model/types';
import { parseDuration, parseNumber, parseOrdinal } from './numbers';

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

export interface SlotResolution {
  authority: string;
  status: { code: 'ER_SUCCESS_MATCH' | 'ER_SUCCESS_NO_MATCH' };
  values?: Array<{ value: { name: string; id: string } }>;
}

/** A slot as Alexa sends it in `request.intent.slots`. */
export interface ResolvedSlot {
  name: string;
  value?: string;
  confirmationStatus: 'NONE' | 'CONFIRMED' | 'DENIED';
  source?: 'USER';
  resolutions?: { resolutionsPerAuthority: SlotResolution[] };
  slotValue?: { type: 'Simple'; value: string; resolutions?: { resolutionsPerAuthority: SlotResolution[] } };
}

export interface ResolvedIntent {
  name: string;
  /** Every slot the intent declares; unfilled ones have no value, as Alexa sends them. */
  slots: Record<string, ResolvedSlot>;
  /** The sample (or built-in phrase) that matched; undefined for FallbackIntent. */
  sample?: string;
  /** How many of the sample's words matched literally (its specificity). */
  literals?: number;
}

export type Resolution =
  /** "open connect remote", "ask connect remote" */
  | { kind: 'launch' }
  /** An intent; `invoked` when the text named the skill ("ask connect remote to pause"): a new session. */
  | { kind: 'intent'; intent: ResolvedIntent; invoked: boolean }
  /** Nothing matched and the model declares no FallbackIntent. */
  | { kind: 'unmatched'; invoked: boolean };

export interface ResolverOptions {
  /** Used in entity-resolution authority names, as Alexa does. */
  skillId?: string;
}

interface Word {
  /** lower case, for matching */
  key: string;
  /** as typed, for slot values */
  text: string;
}

type Part = { literal: string } | { slot: string };

interface Pattern {
  intent: string;
  sample: string;
  parts: Part[];
  literals: number;
  /** true for Alexa's built-in phrasings (they lose ties against the model's own samples) */
  builtIn: boolean;
}

interface Candidate {
  pattern: Pattern;
  slots: Record<string, ResolvedSlot>;
  resolved: number;
  constrained: number;
}

/** Splits text into words: letters, digits, apostrophes inside words and "%"; everything else separates. */
export function words(text: string): Word[] {
  return (
    text
      .normalize('NFKC')
      .replace(/[‘’]/g, "'")
      // What Alexa hears for "&" is the word.
      .replace(/\s*&\s*/g, ' and ')
      .split(/[^\p{L}\p{N}'%]+/u)
      .map((w) => w.replace(/^'+|'+$/g, ''))
      .filter((w) => w.length > 0)
      // Typed without apostrophes ("whats playing") reads as Alexa would have heard it ("what's playing").
      .map((w) => ({ key: w.toLowerCase().replace(/'/g, ''), text: w }))
  );
}

const normalise = (text: string): string =>
  words(text)
    .map((w) => w.key)
    .join(' ');

const CONSTRAINED = new Set([
  'AMAZON.NUMBER',
  'AMAZON.ORDINAL',
  'AMAZON.Ordinal',
  'AMAZON.DURATION',
  'AMAZON.FOUR_DIGIT_NUMBER',
]);
const ARTICLES = new Set(['the', 'my', 'a', 'an', 'our']);

export class UtteranceResolver {
  private readonly invocation: string[];
  private readonly patterns: Pattern[] = [];
  private readonly slotPatterns = new Map<string, Pattern[]>();
  private readonly slotTypes = new Map<string, Map<string, string>>();
  private readonly types = new Map<string, SlotType>();
  private readonly declared: Set<string>;
  private readonly skillId: string;

  constructor(
    readonly model: ParsedModel,
    options: ResolverOptions = {},
  ) {
    this.skillId = options.skillId ?? 'amzn1.ask.skill.console';
    this.invocation = words(model.invocationName).map((w) => w.key);
    this.declared = new Set(model.intents.map((i) => i.name));
    for (const type of model.types) this.types.set(type.name, type);
    for (const intent of model.intents) {
      this.slotTypes.set(intent.name, new Map((intent.slots ?? []).map((s) => [s.name, s.type])));
      for (const sample of intent.samples ?? []) this.patterns.push(compile(intent.name, sample, false));
      for (const phrase of BUILT_IN_PHRASES[intent.name] ?? []) {
        this.patterns.push(compile(intent.name, phrase, true));
      }
      for (const slot of intent.slots ?? []) {
        this.slotPatterns.set(
          `${intent.name}.${slot.name}`,
          (slot.samples ?? []).map((s) => compile(intent.name, s, false)),
        );
      }
    }
  }

  /** Whether the model declares this intent (Alexa only ever sends declared intents). */
  declares(intent: string): boolean {
    return this.declared.has(intent);
  }

  /** Resolves a whole utterance, with or without invocation phrasing. */
  resolve(text: string): Resolution {
    let ws = words(text);
    // "Alexa, ..." is the wake word, not part of the request.
    if (ws[0]?.key === 'alexa') ws = ws.slice(1);
    const stripped = this.stripInvocation(ws);
    if (stripped === 'launch') return { kind: 'launch' };
    const invoked = stripped !== undefined;
    const rest = stripped ?? ws;
    const intent = this.matchIntent(rest);
    if (intent) return { kind: 'intent', intent, invoked };
    if (this.declared.has(FALLBACK_INTENT)) {
      return { kind: 'intent', intent: { name: FALLBACK_INTENT, slots: {} }, invoked };
    }
    return { kind: 'unmatched', invoked };
  }

  /**
   * Returns the request part of an utterance that names the skill, 'launch' when it only names it, or
   * undefined when the skill is not named. Compares whole words only.
   */
  private stripInvocation(ws: Word[]): Word[] | 'launch' | undefined {
    const keys = ws.map((w) => w.key);
    const inv = this.invocation;
    const namesAt = (i: number) => inv.every((w, k) => keys[i + k] === w);
    let verbLength = 0;
    if (LAUNCH_VERBS.includes(keys[0]) || ONE_SHOT_VERBS.includes(keys[0])) verbLength = 1;
    else if (keys[0] === 'talk' && keys[1] === 'to') verbLength = 2;
    if (verbLength > 0 && namesAt(verbLength)) {
      let rest = ws.slice(verbLength + inv.length);
      if (rest.length === 0) return 'launch';
      const oneShotVerb = ONE_SHOT_VERBS.includes(keys[0]);
      if (CONNECTORS.includes(rest[0].key)) rest = rest.slice(1);
      else if (!oneShotVerb) return undefined; // "open connect remote now" is not a request
      return rest.length === 0 ? 'launch' : rest;
    }
    // "pause using connect remote", "play jazz on connect remote"
    const tail = ws.length - inv.length;
    if (tail >= 2 && namesAt(tail) && TRAILING_CONNECTORS.includes(keys[tail - 1])) {
      return ws.slice(0, tail - 1);
    }
    return undefined;
  }

  /** The best intent for words that do not name the skill; undefined when nothing matches. */
  matchIntent(ws: Word[] | string): ResolvedIntent | undefined {
    const list = typeof ws === 'string' ? words(ws) : ws;
    if (list.length === 0) return undefined;
    const best = this.best(this.patterns, list);
    return best ? this.toIntent(best) : undefined;
  }

  /**
   * Fills one slot from an answer to Dialog.ElicitSlot: the slot's own samples ("play {playlist}") first,
   * then the whole answer as the value. Undefined when the answer cannot be a value of the slot's type.
   */
  fillSlot(intent: string, slot: string, text: string): ResolvedSlot | undefined {
    const list = words(text);
    if (list.length === 0) return undefined;
    const best = this.best(this.slotPatterns.get(`${intent}.${slot}`) ?? [], list);
    if (best?.slots[slot]?.value !== undefined) return best.slots[slot];
    const type = this.slotTypes.get(intent)?.get(slot);
    if (!type) return undefined;
    return this.slotValue(slot, type, list)?.slot;
  }

  /** Whether an answer means yes, no, or neither (for ConfirmSlot and ConfirmIntent). */
  yesNo(text: string): 'yes' | 'no' | undefined {
    const key = normalise(text).replace(/^alexa /, '');
    if (YES_PHRASES.some((p) => normalise(p) === key)) return 'yes';
    if (NO_PHRASES.some((p) => normalise(p) === key)) return 'no';
    return undefined;
  }

  /** A built-in phrase of an intent that interrupts any dialog (stop, cancel, help, go home). */
  interruption(text: string): string | undefined {
    const key = normalise(text);
    for (const name of REQUIRED_BUILT_IN_INTENTS) {
      if (this.declared.has(name) && BUILT_IN_PHRASES[name].some((p) => normalise(p) === key)) return name;
    }
    return undefined;
  }

  /** Every declared slot of an intent, empty, as Alexa sends slots nobody filled. */
  emptySlots(intent: string): Record<string, ResolvedSlot> {
    const slots: Record<string, ResolvedSlot> = {};
    for (const name of this.slotTypes.get(intent)?.keys() ?? []) {
      slots[name] = { name, confirmationStatus: 'NONE' };
    }
    return slots;
  }

  private toIntent(best: Candidate): ResolvedIntent {
    return {
      name: best.pattern.intent,
      slots: { ...this.emptySlots(best.pattern.intent), ...best.slots },
      sample: best.pattern.sample,
      literals: best.pattern.literals,
    };
  }

  private best(patterns: Pattern[], ws: Word[]): Candidate | undefined {
    let best: Candidate | undefined;
    for (const pattern of patterns) {
      for (const candidate of this.matches(pattern, ws)) {
        if (!best || better(candidate, best)) best = candidate;
      }
    }
    return best;
  }

  /** Every way a pattern covers all the words. */
  private matches(pattern: Pattern, ws: Word[]): Candidate[] {
    const out: Candidate[] = [];
    const types = this.slotTypes.get(pattern.intent) ?? new Map<string, string>();
    const literalsAfter = pattern.parts.map(
      (_, i) => pattern.parts.slice(i + 1).filter((p) => 'literal' in p).length,
    );
    const walk = (pi: number, wi: number, acc: Candidate): void => {
      if (pi === pattern.parts.length) {
        if (wi === ws.length) out.push(acc);
        return;
      }
      const part = pattern.parts[pi];
      if ('literal' in part) {
        if (ws[wi]?.key === part.literal) walk(pi + 1, wi + 1, acc);
        return;
      }
      const type = types.get(part.slot) ?? 'AMAZON.SearchQuery';
      const maxEnd = ws.length - literalsAfter[pi];
      for (let end = wi + 1; end <= maxEnd; end++) {
        const filled = this.slotValue(part.slot, type, ws.slice(wi, end));
        if (!filled) continue;
        walk(pi + 1, end, {
          pattern,
          slots: { ...acc.slots, [part.slot]: filled.slot },
          resolved: acc.resolved + (filled.matched ? 1 : 0),
          constrained: acc.constrained + (CONSTRAINED.has(type) ? 1 : 0),
        });
      }
    };
    walk(0, 0, { pattern, slots: {}, resolved: 0, constrained: 0 });
    // A sample made only of slots must not swallow every utterance: keep it only when all its slots resolved.
    return pattern.literals > 0
      ? out
      : out.filter((c) => c.resolved + c.constrained === Object.keys(c.slots).length);
  }

  /** A slot's value from its words, by type; undefined when the words cannot be a value of that type. */
  private slotValue(
    name: string,
    type: string,
    ws: Word[],
  ): { slot: ResolvedSlot; matched: boolean } | undefined {
    const raw = ws.map((w) => w.text).join(' ');
    const keys = ws.map((w) => w.key);
    const simple = (value: string): { slot: ResolvedSlot; matched: boolean } => ({
      slot: { name, value, confirmationStatus: 'NONE', source: 'USER', slotValue: { type: 'Simple', value } },
      matched: false,
    });
    switch (type) {
      case 'AMAZON.NUMBER': {
        const n = parseNumber(keys);
        return n === undefined ? undefined : simple(String(n));
      }
      case 'AMAZON.FOUR_DIGIT_NUMBER': {
        const n = parseNumber(keys);
        return n === undefined || n < 0 || n > 9999 ? undefined : simple(String(n));
      }
      case 'AMAZON.Ordinal':
      case 'AMAZON.ORDINAL': {
        const n = parseOrdinal(keys);
        return n === undefined ? undefined : simple(String(n));
      }
      case 'AMAZON.DURATION': {
        const d = parseDuration(keys);
        return d === undefined ? undefined : simple(d);
      }
    }
    const custom = this.types.get(type);
    if (!custom) return simple(raw);
    const authority = `amzn1.er-authority.echo-sdk.${this.skillId}.${type}`;
    const match = entityMatch(custom, keys);
    const resolution: SlotResolution = match
      ? {
          authority,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: match.name.value, id: match.id ?? idFor(match.name.value) } }],
        }
      : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } };
    const resolutions = { resolutionsPerAuthority: [resolution] };
    return {
      slot: {
        name,
        value: raw,
        confirmationStatus: 'NONE',
        source: 'USER',
        resolutions,
        slotValue: { type: 'Simple', value: raw, resolutions },
      },
      matched: match !== undefined,
    };
  }
}

/** Value or synonym equal to the words, ignoring case, punctuation and a leading "the"/"my". */
function entityMatch(type: SlotType, keys: string[]): SlotType['values'][number] | undefined {
  const forms = [keys.join(' ')];
  if (keys.length > 1 && ARTICLES.has(keys[0])) forms.push(keys.slice(1).join(' '));
  for (const form of forms) {
    const found = type.values.find((v) =>
      [v.name.value, ...(v.name.synonyms ?? [])].some((s) => normalise(s) === form),
    );
    if (found) return found;
  }
  return undefined;
}

/** Alexa generates an id from the value when the model gives none. */
function idFor(value: string): string {
  let hash = 0;
  for (const ch of value) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function compile(intent: string, sample: string, builtIn: boolean): Pattern {
  const parts: Part[] = [];
  for (const piece of sample.split(/(\{[^{}]+\})/)) {
    const slot = /^\{([^{}]+)\}$/.exec(piece);
    if (slot) parts.push({ slot: slot[1] });
    else for (const w of words(piece)) parts.push({ literal: w.key });
  }
  return { intent, sample, parts, literals: parts.filter((p) => 'literal' in p).length, builtIn };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.pattern.literals !== b.pattern.literals) return a.pattern.literals > b.pattern.literals;
  if (a.resolved !== b.resolved) return a.resolved > b.resolved;
  if (a.constrained !== b.constrained) return a.constrained > b.constrained;
  if (a.pattern.builtIn !== b.pattern.builtIn) return !a.pattern.builtIn;
  return false;
}
