/**
 * The rules Alexa's model build enforces on an interaction model (and a few house rules), as one function
 * that lists every problem it finds. The model test runs it over each locale's file; its own tests feed it
 * broken models so every rule is known to fire. The offline validator (`npm run validate`) checks the
 * files ask-cli uploads with its own, more lenient rules (any script, Amazon's schema); both read the model
 * through the types and text helpers of this folder.
 *
 * Sources: https://developer.amazon.com/en-US/docs/alexa/custom-skills/best-practices-for-sample-utterances-and-custom-slot-type-values.html
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/choose-the-invocation-name-for-a-custom-skill.html
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#searchquery
 */
import Ajv from 'ajv';
import { normalise, shapeOf, slotsIn } from './text';
import type { Dialog, InteractionModel, ModelIntent, Prompt, SlotType } from './types';

/** One broken rule: which rule, and where (intent, sample, slot type...). */
export interface RuleProblem {
  rule: string;
  where: string;
}

const SLOT_TOKEN = /^\{[A-Za-z][A-Za-z0-9_]*\}$/;
// A word in lower case, with apostrophes inside ("what's", "can't") or an abbreviation with periods ("r. and b.").
const WORD = /^(?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+)$/;
const MAX_SAMPLE_LENGTH = 200;

/**
 * Words that start a launch or one-shot request; Alexa strips them, so a sample must not begin with them.
 * ("tell" is left out: "tell me more" is a sample, and "tell connect remote" is caught by the name check.)
 */
const LAUNCH_WORDS = ['ask', 'open', 'launch', 'alexa'];
/** Words an invocation name may not contain: wake words, launch phrases, connecting words. */
const FORBIDDEN_IN_INVOCATION = [
  'alexa',
  'amazon',
  'echo',
  'computer',
  'ziggy',
  'skill',
  'app',
  'ask',
  'tell',
  'open',
  'launch',
  'load',
  'begin',
  'enable',
  'to',
  'from',
  'by',
  'if',
  'and',
  'whether',
];

/** Whether every token is a lower-case word or a slot reference, with single spaces between. */
function badTokens(text: string): string[] {
  return text.split(' ').filter((t) => !SLOT_TOKEN.test(t) && !WORD.test(t));
}

// The shapes the rules read, as JSON Schema; built from small helpers so each part reads as its shape.
const STRING = { type: 'string' };
const STRINGS = { type: 'array', items: STRING };
const DELEGATION = { enum: ['ALWAYS', 'SKILL_RESPONSE'] };
/** An object with these required keys and property shapes. */
const object = (required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required,
  properties,
});
const arrayOf = (items: unknown, extra: Record<string, unknown> = {}) => ({ type: 'array', ...extra, items });

const schema = object(['interactionModel'], {
  interactionModel: object(['languageModel'], {
    languageModel: object(['invocationName', 'intents'], {
      invocationName: STRING,
      intents: arrayOf(
        object(['name'], {
          name: STRING,
          samples: STRINGS,
          slots: arrayOf(object(['name', 'type'], { name: STRING, type: STRING, samples: STRINGS })),
        }),
      ),
      types: arrayOf(
        object(['name', 'values'], {
          name: STRING,
          values: arrayOf(
            object(['name'], {
              id: STRING,
              name: object(['value'], { value: STRING, synonyms: STRINGS }),
            }),
            { minItems: 1 },
          ),
        }),
      ),
    }),
    dialog: object(['intents'], {
      delegationStrategy: DELEGATION,
      intents: arrayOf(
        object(['name'], {
          name: STRING,
          delegationStrategy: DELEGATION,
          slots: arrayOf(object(['name', 'type'], { elicitationRequired: { type: 'boolean' } })),
        }),
      ),
    }),
    prompts: arrayOf(
      object(['id', 'variations'], {
        id: STRING,
        variations: arrayOf(
          object(['type', 'value'], { type: { enum: ['PlainText', 'SSML'] }, value: STRING }),
        ),
      }),
    ),
  }),
});

const validateShape = new Ajv({ allErrors: true }).compile(schema);

/** Every rule the model breaks; an empty list means Alexa would build it. */
export function checkModel(model: unknown): RuleProblem[] {
  const parsed = model as InteractionModel;
  if (!validateShape(model)) {
    return (validateShape.errors ?? []).map((e) => ({
      rule: 'model-shape',
      where: `${e.instancePath} ${e.message}`,
    }));
  }
  const { languageModel, dialog, prompts = [] } = parsed.interactionModel;
  const problems: RuleProblem[] = [];
  const report = (rule: string, where: string) => problems.push({ rule, where });

  checkInvocationName(languageModel.invocationName, report);

  const types = new Map((languageModel.types ?? []).map((t) => [t.name, t]));
  checkTypes(languageModel.types ?? [], report);

  const intentNames = new Set<string>();
  const seen = new Map<string, string>(); // normalised sample → intent
  const shapes = new Map<string, Set<string>>(); // shape → intents
  for (const intent of languageModel.intents) {
    if (intentNames.has(intent.name)) report('intent-duplicate', intent.name);
    intentNames.add(intent.name);
    if (!/^(?:AMAZON\.)?[A-Za-z_]+$/.test(intent.name)) report('intent-name', intent.name);

    const slots = new Map((intent.slots ?? []).map((s) => [s.name, s]));
    for (const slot of intent.slots ?? []) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(slot.name)) report('slot-name', `${intent.name}.${slot.name}`);
      if (!slot.type.startsWith('AMAZON.') && !types.has(slot.type)) {
        report('slot-type-undefined', `${intent.name}.${slot.name}: ${slot.type}`);
      }
      for (const sample of slot.samples ?? []) {
        const where = `${intent.name}.${slot.name} slot sample "${sample}"`;
        checkText(sample, where, report);
        const referenced = slotsIn(sample);
        if (!referenced.includes(slot.name)) report('slot-sample-without-slot', where);
        if (referenced.some((r) => !slots.has(r))) report('sample-unknown-slot', where);
      }
    }

    for (const sample of intent.samples ?? []) {
      const where = `${intent.name} "${sample}"`;
      checkText(sample, where, report);
      const words = normalise(sample).split(' ');
      if (LAUNCH_WORDS.includes(words[0]) || normalise(sample).includes(languageModel.invocationName)) {
        report('sample-launch-phrase', where);
      }
      const referenced = slotsIn(sample);
      if (referenced.some((r) => !slots.has(r))) report('sample-unknown-slot', where);
      if (new Set(referenced).size !== referenced.length) report('sample-repeated-slot', where);
      const searchQuery = referenced.filter((r) => slots.get(r)?.type === 'AMAZON.SearchQuery');
      if (searchQuery.length > 0) {
        if (referenced.length > 1) report('search-query-not-alone', where);
        if (shapeOf(sample) === '{}') report('search-query-no-carrier', where);
      }

      const key = normalise(sample);
      const owner = seen.get(key);
      if (owner !== undefined) report('sample-duplicate', `${where} (also in ${owner})`);
      else seen.set(key, intent.name);

      const shape = shapeOf(sample);
      shapes.set(shape, (shapes.get(shape) ?? new Set()).add(intent.name));
    }
  }
  for (const [shape, owners] of shapes) {
    if (owners.size > 1) report('shape-collision', `"${shape}" in ${[...owners].join(', ')}`);
  }

  checkDialog(languageModel.intents, dialog, prompts, report);
  return problems;
}

type Report = (rule: string, where: string) => void;

function checkInvocationName(name: string, report: Report): void {
  const words = name.split(' ');
  if (words.length < 2) report('invocation-name-one-word', name);
  if (badTokens(name).length > 0 || words.some((w) => w.startsWith('{')))
    report('invocation-name-characters', name);
  if (words.some((w) => FORBIDDEN_IN_INVOCATION.includes(w))) report('invocation-name-forbidden-word', name);
}

/** Characters, digits, spacing and length of a sample or slot sample. */
function checkText(text: string, where: string, report: Report): void {
  if (/\d/.test(text)) report('sample-digits', where);
  else if (badTokens(text).length > 0) report('sample-characters', where);
  if (text.length > MAX_SAMPLE_LENGTH) report('sample-length', where);
}

function checkTypes(types: SlotType[], report: Report): void {
  const names = new Set<string>();
  for (const type of types) {
    if (names.has(type.name)) report('type-duplicate', type.name);
    names.add(type.name);
    if (type.name.startsWith('AMAZON.') || !/^[A-Za-z_]+$/.test(type.name)) report('type-name', type.name);
    const spoken = new Set<string>();
    const ids = new Set<string>();
    for (const value of type.values) {
      if (value.id !== undefined) {
        if (ids.has(value.id)) report('type-id-duplicate', `${type.name}: ${value.id}`);
        ids.add(value.id);
      }
      for (const text of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const where = `${type.name}: "${text}"`;
        if (/\d/.test(text) || text.includes('{') || badTokens(normalise(text)).length > 0) {
          report('type-value-characters', where);
        }
        if (spoken.has(normalise(text))) report('type-value-duplicate', where);
        spoken.add(normalise(text));
      }
    }
  }
}

function checkDialog(
  intents: ModelIntent[],
  dialog: Dialog | undefined,
  prompts: Prompt[],
  report: Report,
): void {
  const promptIds = new Map(prompts.map((p) => [p.id, p]));
  const used = new Set<string>();
  for (const d of dialog?.intents ?? []) {
    const intent = intents.find((i) => i.name === d.name);
    if (!intent) {
      report('dialog-intent-unknown', d.name);
      continue;
    }
    const strategy = d.delegationStrategy ?? dialog?.delegationStrategy ?? 'ALWAYS';
    if (strategy !== 'SKILL_RESPONSE') report('dialog-delegation', `${d.name}: ${strategy}`);
    const declared = (intent.slots ?? []).map((s) => `${s.name}:${s.type}`).sort();
    const inDialog = (d.slots ?? []).map((s) => `${s.name}:${s.type}`).sort();
    if (declared.join() !== inDialog.join()) report('dialog-slot-mismatch', d.name);
    for (const slot of d.slots ?? []) {
      const id = slot.prompts?.elicitation;
      if (slot.elicitationRequired && !id) report('dialog-prompt-missing', `${d.name}.${slot.name}`);
      // Alexa's build refuses a required slot without slot samples: it would not know how answers sound.
      const slotSamples = intent.slots?.find((s) => s.name === slot.name)?.samples ?? [];
      if (slot.elicitationRequired && slotSamples.length === 0) {
        report('dialog-slot-samples-missing', `${d.name}.${slot.name}`);
      }
      if (id) {
        used.add(id);
        const prompt = promptIds.get(id);
        if (!prompt) report('dialog-prompt-missing', `${d.name}.${slot.name}: ${id}`);
        else if (prompt.variations.every((v) => !v.value.trim())) report('prompt-empty', id);
      }
    }
  }
  for (const id of promptIds.keys()) if (!used.has(id)) report('prompt-unused', id);
}

/**
 * The rules both levels enforce, under their two names: the house rule (`checkModel`, above) → the
 * validator's (`checkModelFile`, file-rules.ts). rules.test.ts breaks a model once per pair and expects
 * both names, so the shared rules cannot silently diverge.
 */
export const RULES_IN_BOTH: Readonly<Record<string, string>> = {
  'intent-duplicate': 'duplicate-intent',
  'sample-duplicate': 'duplicate-sample',
  'type-duplicate': 'duplicate-type',
  'slot-type-undefined': 'slot-type-missing',
  'sample-unknown-slot': 'sample-slot-undeclared',
  'sample-repeated-slot': 'sample-slot-twice',
  'search-query-no-carrier': 'search-query-carrier',
  'sample-characters': 'sample-characters',
};
