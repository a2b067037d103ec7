/**
 * Loading the skill's interaction model (skill-package/interactionModels/custom/<locale>.json): where the
 * files are, reading one as committed, and `parseModel`, the checks the console needs before it can resolve
 * utterances against a model. A broken model is reported with the JSON path of the problem, the way the
 * Alexa developer console would refuse to build it.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/interaction-model-schema.html
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SLOT_REF } from './text';
import type { InteractionModel, ModelIntent, ParsedModel, SlotType } from './types';

/** The project root (tools/model/ is two levels down). */
const ROOT = path.resolve(__dirname, '../..');

/** Where ask-cli v2 keeps the models, one file per locale (relative to the project root). */
export const MODELS_DIR = 'skill-package/interactionModels/custom';
/** The same folder in this checkout. */
export const MODEL_DIR = path.join(ROOT, MODELS_DIR);

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
  return path.join(root, MODELS_DIR, `${locale}.json`);
}

/** Locales that have a model file. */
export function availableLocales(root: string): string[] {
  const dir = path.join(root, MODELS_DIR);
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

/** The committed model of a locale, as it is (no checks: the rules in rules.ts report what is wrong). */
export function readModel(locale: string, root = ROOT): InteractionModel {
  return JSON.parse(fs.readFileSync(modelFile(root, locale), 'utf8')) as InteractionModel;
}

/** A model file read and checked by `parseModel`, for the console. */
export function loadModel(file: string): ParsedModel {
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

/** Checks the parts of the model the console relies on and returns it typed. */
export function parseModel(json: unknown, file = '<model>'): ParsedModel {
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

  const types: SlotType[] = [];
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
    types.push(t as unknown as SlotType);
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

  const dialog = isObject(root?.dialog) ? (root.dialog as ParsedModel['dialog']) : undefined;
  const prompts = Array.isArray(root?.prompts) ? (root.prompts as ParsedModel['prompts']) : [];
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
