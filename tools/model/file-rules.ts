/**
 * The interaction-model rules of `npm run validate`: what Alexa's model build rejects in a model file, in any
 * language (letters of any script), checked on the JSON as it is, with the JSON path of each problem. The
 * house rules in rules.ts are stricter (en-US words, dialogs, prompts, shapes) and run in the model tests;
 * RULES_IN_BOTH in rules.ts lists the rules the two share under different names.
 */
import { REQUIRED_BUILT_IN_INTENTS } from './built-ins';
import { builtInUtterances } from './built-in-utterances';
import { normalise, SLOT_REF } from './text';
import { Collector, type Problem } from '../validate/problem';

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Letters (any script), combining marks, spaces, periods in abbreviations, apostrophes, hyphens. */
const ALLOWED_SAMPLE_TEXT = /^[\p{L}\p{M}\s.'’-]*$/u;
const INVOCATION_NAME = /^[\p{Ll}\p{Lo}\p{M}][\p{Ll}\p{Lo}\p{M}\s.'’]*$/u;

/**
 * Every rule a model file breaks (`file` names it in each problem), and the intents it declares (for the
 * handler agreement check). Amazon's JSON schema is checked separately (tools/validate/smapi.ts).
 */
export function checkModelFile(
  data: Json,
  locale: string,
  file: string,
): { problems: Problem[]; intents: Set<string> } {
  const c = new Collector(file);
  const summary = { intents: new Set<string>() };
  const lm = isObj(data) && isObj(data.interactionModel) ? data.interactionModel.languageModel : undefined;
  const base = 'interactionModel.languageModel';
  if (!isObj(lm)) {
    c.add(base, 'model-shape', 'missing interactionModel.languageModel');
    return { problems: c.problems, intents: summary.intents };
  }
  if (typeof lm.invocationName !== 'string' || !INVOCATION_NAME.test(lm.invocationName)) {
    c.add(
      `${base}.invocationName`,
      'invocation-name',
      'invocation name must be lower-case words (letters, spaces, apostrophes, periods); spell out numbers',
    );
  }

  // Slot types: custom ones defined here; AMAZON.* are Alexa's.
  const customTypes = new Set<string>();
  const types = lm.types ?? [];
  if (!Array.isArray(types)) c.add(`${base}.types`, 'model-shape', 'types must be an array');
  else
    types.forEach((t, i) => {
      const at = `${base}.types[${i}]`;
      if (!isObj(t) || typeof t.name !== 'string' || !t.name)
        return c.add(at, 'model-shape', 'slot type without a name');
      if (customTypes.has(t.name))
        c.add(`${at}.name`, 'duplicate-type', `slot type ${t.name} is defined twice`);
      if (t.name.startsWith('AMAZON.'))
        c.add(`${at}.name`, 'slot-type', `custom slot type ${t.name} uses Alexa's AMAZON. prefix`);
      customTypes.add(t.name);
      if (!Array.isArray(t.values) || t.values.length === 0)
        c.add(`${at}.values`, 'slot-type', `slot type ${t.name} has no values`);
      else
        t.values.forEach((v, j) => {
          const value = isObj(v) && isObj(v.name) ? v.name.value : undefined;
          if (typeof value !== 'string' || value.trim() === '')
            c.add(`${at}.values[${j}].name.value`, 'slot-type', `slot type ${t.name} has an empty value`);
        });
    });

  if (!Array.isArray(lm.intents)) {
    c.add(`${base}.intents`, 'model-shape', 'intents must be an array');
    return { problems: c.problems, intents: summary.intents };
  }
  const seenSamples = new Map<string, string>();
  lm.intents.forEach((intent, i) => {
    const at = `${base}.intents[${i}]`;
    if (!isObj(intent) || typeof intent.name !== 'string' || !intent.name)
      return c.add(at, 'model-shape', 'intent without a name');
    const name = intent.name;
    if (summary.intents.has(name))
      c.add(`${at}.name`, 'duplicate-intent', `intent ${name} is declared twice`);
    summary.intents.add(name);

    const slotTypes = new Map<string, string>();
    const slots = intent.slots ?? [];
    if (!Array.isArray(slots)) c.add(`${at}.slots`, 'model-shape', `${name}: slots must be an array`);
    else
      slots.forEach((slot, k) => {
        const sat = `${at}.slots[${k}]`;
        if (!isObj(slot) || typeof slot.name !== 'string' || typeof slot.type !== 'string')
          return c.add(sat, 'model-shape', `${name}: a slot needs a name and a type`);
        if (slotTypes.has(slot.name))
          c.add(`${sat}.name`, 'duplicate-slot', `${name}: slot ${slot.name} is declared twice`);
        slotTypes.set(slot.name, slot.type);
        if (!slot.type.startsWith('AMAZON.') && !customTypes.has(slot.type))
          c.add(
            `${sat}.type`,
            'slot-type-missing',
            `${name}.${slot.name}: slot type ${slot.type} is not defined in types`,
          );
        // Slot samples answer an elicitation ("Which playlist?"); the carrier-phrase rule holds there too.
        if (slot.type === 'AMAZON.SearchQuery' && Array.isArray(slot.samples))
          slot.samples.forEach((sample, j) => {
            if (typeof sample === 'string' && sample.replace(SLOT_REF, ' ').trim() === '')
              c.add(
                `${sat}.samples[${j}]`,
                'search-query-carrier',
                `${name}.${slot.name}: the slot sample "${sample}" is only an AMAZON.SearchQuery slot; it needs a carrier phrase`,
              );
          });
      });

    const samples = intent.samples ?? [];
    if (!Array.isArray(samples))
      return c.add(`${at}.samples`, 'model-shape', `${name}: samples must be an array`);
    if (samples.length === 0 && !name.startsWith('AMAZON.'))
      c.add(`${at}.samples`, 'no-samples', `${name}: a custom intent needs sample utterances`);
    samples.forEach((sample, j) => {
      const sat = `${at}.samples[${j}]`;
      if (typeof sample !== 'string' || sample.trim() === '')
        return c.add(sat, 'sample-empty', `${name}: empty sample utterance`);
      const refs = [...sample.matchAll(SLOT_REF)].map((m) => m[1]);
      const text = sample.replace(SLOT_REF, ' ');
      if (/[{}]/.test(text)) c.add(sat, 'sample-braces', `${name}: unbalanced braces in "${sample}"`);
      if (!ALLOWED_SAMPLE_TEXT.test(text.replace(/[{}]/g, ''))) {
        const bad = [...new Set(text.replace(/[\p{L}\p{M}\s.'’{}-]/gu, ''))].join(' ');
        const hint = /\d/.test(bad) ? ' (spell numbers out)' : '';
        c.add(
          sat,
          'sample-characters',
          `${name}: "${sample}" contains characters Alexa rejects: ${bad}${hint}`,
        );
      }
      for (const ref of refs) {
        if (!slotTypes.has(ref))
          c.add(
            sat,
            'sample-slot-undeclared',
            `${name}: "${sample}" uses slot {${ref}}, which the intent does not declare`,
          );
      }
      if (new Set(refs).size !== refs.length)
        c.add(sat, 'sample-slot-twice', `${name}: "${sample}" uses the same slot twice`);
      const searchQueries = refs.filter((r) => slotTypes.get(r) === 'AMAZON.SearchQuery');
      if (searchQueries.length > 0 && text.trim() === '')
        c.add(
          sat,
          'search-query-carrier',
          `${name}: "${sample}" is only an AMAZON.SearchQuery slot; it needs a carrier phrase`,
        );
      if (searchQueries.length > 1)
        c.add(sat, 'search-query-carrier', `${name}: "${sample}" has more than one AMAZON.SearchQuery slot`);
      const key = normalise(sample);
      const owner = seenSamples.get(key);
      if (owner !== undefined)
        c.add(
          sat,
          'duplicate-sample',
          owner === name
            ? `${name}: "${sample}" is listed twice`
            : `"${sample}" is a sample of both ${owner} and ${name}`,
        );
      else seenSamples.set(key, name);
    });
  });
  for (const required of REQUIRED_BUILT_IN_INTENTS) {
    if (!summary.intents.has(required))
      c.add(`${base}.intents`, 'built-in-missing', `the required intent ${required} is missing`);
  }
  // A sample of one intent that Amazon documents as an utterance of a built-in intent the model also uses.
  const documented = new Map<string, string>();
  for (const [builtIn, utterances] of Object.entries(builtInUtterances(locale)))
    if (summary.intents.has(builtIn)) for (const u of utterances) documented.set(normalise(u), builtIn);
  lm.intents.forEach((intent, i) => {
    if (!isObj(intent) || typeof intent.name !== 'string' || !Array.isArray(intent.samples)) return;
    intent.samples.forEach((sample, j) => {
      const builtIn = typeof sample === 'string' ? documented.get(normalise(sample)) : undefined;
      if (builtIn && builtIn !== intent.name)
        c.add(
          `${base}.intents[${i}].samples[${j}]`,
          'built-in-utterance',
          `${intent.name}: "${sample}" is an utterance Amazon documents for ${builtIn}, which the model also uses; the two intents would compete for it`,
        );
    });
  });
  return { problems: c.problems, intents: summary.intents };
}
