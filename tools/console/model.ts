/**
 * The skill's interaction model (skill-package/interactionModels/custom/<locale>.json): loading and the
 * checks the console needs before it can resolve utterances against it. A broken model is reported with the
 * JSON path of the problem, the way the Alexa developer console would refuse to build it.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/interaction-model-schema.html
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ModelSlot {
  name: string;
  type: string;
  samples?: string[];
}

export interface ModelIntent {
  name: string;
  slots?: ModelSlot[];
  samples?: string[];
}

export interface ModelTypeValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export interface ModelType {
  name: string;
  values: ModelTypeValue[];
}

export interface PromptVariation {
  type: string;
  value: string;
}

export interface DialogSlot {
  name: string;
  type: string;
  elicitationRequired?: boolean;
  confirmationRequired?: boolean;
  prompts?: { elicitation?: string; confirmation?: string };
}

export interface DialogIntent {
  name: string;
  confirmationRequired?: boolean;
  delegationStrategy?: 'ALWAYS' | 'SKILL_RESPONSE';
  prompts?: { confirmation?: string };
  slots?: DialogSlot[];
}

export interface InteractionModel {
  invocationName: string;
  intents: ModelIntent[];
  types: ModelType[];
  dialog?: { delegationStrategy?: 'ALWAYS' | 'SKILL_RESPONSE'; intents?: DialogIntent[] };
  prompts: Array<{ id: string; variations: PromptVariation[] }>;
}

/** The model file is missing, unreadable or invalid. `problems` lists each finding with its JSON path. */
export class InvalidModelError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid interaction model ${file}:\n  - ${problems.join('\n  - ')}`);
    this.name = new.target.name;
  }
}

/** Where ask-cli v2 keeps the model of a locale. */
export function modelFile(root: string, locale: string): string {
  return path.join(root, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
}

/** Locales that have a model file. */
export function availableLocales(root: string): string[] {
  const dir = path.join(root, 'skill-package', 'interactionModels', 'custom');
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(f))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
  } catch {
    return [];
  }
}

export function loadModel(file: string): InteractionModel {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidModelError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidModelError(file, [`not JSON: ${(error as Error).message}`]);
  }
  return parseModel(json, file);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SLOT_REF = /\{([^{}]*)\}/g;

/** Checks the parts of the model the console relies on and returns it typed. */
export function parseModel(json: unknown, file = '<model>'): InteractionModel {
  const problems: string[] = [];
  const root = isObject(json) && isObject(json.interactionModel) ? json.interactionModel : undefined;
  const lm = root && isObject(root.languageModel) ? root.languageModel : undefined;
  if (!lm) throw new InvalidModelError(file, ['interactionModel.languageModel is missing']);
  const at = 'interactionModel.languageModel';

  const invocationName = lm.invocationName;
  if (typeof invocationName !== 'string' || !invocationName.trim()) {
    problems.push(`${at}.invocationName must be a non-empty string`);
  } else if (!/^[a-z][a-z .']*$/.test(invocationName)) {
    problems.push(`${at}.invocationName "${invocationName}" must be lower-case words`);
  }

  const types: ModelType[] = [];
  if (lm.types !== undefined && !Array.isArray(lm.types)) problems.push(`${at}.types must be an array`);
  for (const [i, t] of (Array.isArray(lm.types) ? lm.types : []).entries()) {
    if (!isObject(t) || typeof t.name !== 'string' || !Array.isArray(t.values)) {
      problems.push(`${at}.types[${i}] needs a name and a values array`);
      continue;
    }
    for (const [j, v] of t.values.entries()) {
      if (!isObject(v) || !isObject(v.name) || typeof v.name.value !== 'string' || !v.name.value.trim()) {
        problems.push(`${at}.types[${i}] (${t.name}).values[${j}].name.value must be a non-empty string`);
      }
    }
    types.push(t as unknown as ModelType);
  }
  const typeNames = new Set(types.map((t) => t.name));

  const intents: ModelIntent[] = [];
  if (!Array.isArray(lm.intents) || lm.intents.length === 0) {
    problems.push(`${at}.intents must be a non-empty array`);
  }
  const seen = new Set<string>();
  for (const [i, intent] of (Array.isArray(lm.intents) ? lm.intents : []).entries()) {
    const where = `${at}.intents[${i}]`;
    if (!isObject(intent) || typeof intent.name !== 'string' || !intent.name) {
      problems.push(`${where} needs a name`);
      continue;
    }
    if (seen.has(intent.name)) problems.push(`${where}: intent ${intent.name} is declared twice`);
    seen.add(intent.name);
    const slots = Array.isArray(intent.slots) ? (intent.slots as unknown[]) : [];
    const slotNames = new Set<string>();
    for (const [j, slot] of slots.entries()) {
      if (!isObject(slot) || typeof slot.name !== 'string' || typeof slot.type !== 'string') {
        problems.push(`${where} (${intent.name}).slots[${j}] needs a name and a type`);
        continue;
      }
      slotNames.add(slot.name);
      if (!slot.type.startsWith('AMAZON.') && !typeNames.has(slot.type)) {
        problems.push(`${where} (${intent.name}) slot ${slot.name} has the undeclared type ${slot.type}`);
      }
    }
    if (intent.samples !== undefined && !Array.isArray(intent.samples)) {
      problems.push(`${where} (${intent.name}).samples must be an array`);
    }
    const samples = Array.isArray(intent.samples) ? (intent.samples as unknown[]) : [];
    const slotSamples = slots.flatMap((s) =>
      isObject(s) && Array.isArray(s.samples) ? (s.samples as unknown[]) : [],
    );
    for (const sample of [...samples, ...slotSamples]) {
      if (typeof sample !== 'string' || !sample.trim()) {
        problems.push(`${where} (${intent.name}) has an empty or non-string sample`);
        continue;
      }
      for (const match of sample.matchAll(SLOT_REF)) {
        if (!slotNames.has(match[1])) {
          problems.push(
            `${where} (${intent.name}) sample "${sample}" names the undeclared slot {${match[1]}}`,
          );
        }
      }
      if (/[{}]/.test(sample.replace(SLOT_REF, ''))) {
        problems.push(`${where} (${intent.name}) sample "${sample}" has an unbalanced brace`);
      }
    }
    intents.push(intent as unknown as ModelIntent);
  }

  const dialog = isObject(root?.dialog) ? (root.dialog as InteractionModel['dialog']) : undefined;
  const prompts = Array.isArray(root?.prompts) ? (root.prompts as InteractionModel['prompts']) : [];
  const promptIds = new Set(prompts.map((p) => p.id));
  for (const di of dialog?.intents ?? []) {
    if (!seen.has(di.name)) problems.push(`interactionModel.dialog names the undeclared intent ${di.name}`);
    for (const ds of di.slots ?? []) {
      for (const id of [ds.prompts?.elicitation, ds.prompts?.confirmation]) {
        if (id && !promptIds.has(id))
          problems.push(`interactionModel.dialog ${di.name}.${ds.name} uses the undeclared prompt ${id}`);
      }
    }
  }

  if (problems.length > 0) throw new InvalidModelError(file, problems);
  return {
    invocationName: (invocationName as string).trim(),
    intents,
    types,
    dialog,
    prompts,
  };
}
