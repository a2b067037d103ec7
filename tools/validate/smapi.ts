/**
 * Amazon's own schema for what ask-cli uploads: the SMAPI definitions (Swagger 2.0) that ship as `spec.json`
 * in the `ask-smapi-model` npm package, compiled with ajv. The skill manifest, the account-linking request and
 * every interaction model are checked against them, so a field Amazon requires (such as `events.endpoint`) or
 * a value it does not allow fails here, offline, instead of in `ask deploy`.
 *
 * https://developer.amazon.com/en-US/docs/alexa/smapi/skill-manifest.html
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Problem } from './problem';

type Json = unknown;
type Schema = Record<string, Json>;

interface Spec {
  definitions: Record<string, Schema>;
}

/** The version of ask-smapi-model the checks use (package.json pins it). */
export const SMAPI_MODEL_VERSION: string = (require('ask-smapi-model/package.json') as { version: string })
  .version;

/** The definition each uploaded document is an instance of. */
export const DOCUMENTS = {
  manifest: 'v1.skill.Manifest.SkillManifestEnvelope',
  accountLinking: 'v1.skill.accountLinking.AccountLinkingRequest',
  interactionModel: 'v1.skill.interactionModel.InteractionModelData',
} as const;
export type DocumentKind = keyof typeof DOCUMENTS;

/**
 * Where spec.json is stricter than the service, each with the evidence. Everything else is taken as
 * Amazon wrote it.
 */
export const RELAXATIONS: ReadonlyArray<{ definition: string; dropRequired: string; why: string }> = [
  {
    definition: 'v1.skill.interactionModel.TypeValueObject',
    dropRequired: 'synonyms',
    why:
      "the Swagger text marks a slot value's synonyms required, yet the interaction model schema documents them " +
      "as optional and Amazon's own sample skills (skill-sample-nodejs-*) define values without them",
  },
];

/**
 * Formats spec.json uses that are prose, not a format ajv knows ("ISO 4217 format"): accepted unchecked.
 * `uri`, `date-time` and the other standard ones are checked by ajv-formats.
 */
const PROSE_FORMATS = ['ISO 4217 format', 'ISO_8601#Durations format'];

let compiled: { ajv: Ajv; spec: Spec } | undefined;

function load(): { ajv: Ajv; spec: Spec } {
  if (compiled) return compiled;
  const spec = structuredClone(require('ask-smapi-model/spec.json') as Spec);
  for (const r of RELAXATIONS) {
    const definition = spec.definitions[r.definition];
    if (!definition || !Array.isArray(definition.required) || !definition.required.includes(r.dropRequired))
      throw new Error(
        `ask-smapi-model ${SMAPI_MODEL_VERSION}: ${r.definition} no longer requires ${r.dropRequired}; remove that relaxation (tools/validate/smapi.ts)`,
      );
    definition.required = (definition.required as string[]).filter((k) => k !== r.dropRequired);
  }
  // Swagger 2.0 keywords (discriminator as a string, x-*) are not JSON Schema: strict mode off ignores them.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const format of PROSE_FORMATS) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'smapi', definitions: spec.definitions });
  compiled = { ajv, spec };
  return compiled;
}

const validators = new Map<string, ValidateFunction>();
/** An enum of 250 event names is no help in a message: the first few, and how many there are. */
const MAX_ENUM_SHOWN = 8;

function validatorFor(definition: string): ValidateFunction {
  let v = validators.get(definition);
  if (!v) {
    const found = load().ajv.getSchema(`smapi#/definitions/${definition}`);
    if (!found) throw new Error(`ask-smapi-model ${SMAPI_MODEL_VERSION} has no definition ${definition}`);
    v = found;
    validators.set(definition, v);
  }
  return v;
}

/** `/interactionModel/languageModel/types/2/values/0` → `interactionModel.languageModel.types[2].values[0]`. */
export function jsonPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function describe(error: ErrorObject): { path: string; message: string } {
  const at = jsonPath(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { path: at ? `${at}.${missing}` : missing, message: `${missing} is required` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: Json[] }).allowedValues.map((v) => JSON.stringify(v));
      const shown =
        allowed.length > MAX_ENUM_SHOWN
          ? [...allowed.slice(0, MAX_ENUM_SHOWN), `… (${allowed.length} in all)`]
          : allowed;
      return { path: at, message: `must be one of ${shown.join(', ')}` };
    }
    case 'additionalProperties':
      return {
        path: `${at ? `${at}.` : ''}${(error.params as { additionalProperty: string }).additionalProperty}`,
        message: 'is not a property Amazon defines here',
      };
    default:
      return { path: at, message: error.message ?? error.keyword };
  }
}

/**
 * Problems of `data` as an instance of the document kind, one per distinct path and message, in the order
 * ajv found them.
 */
export function schemaProblems(
  kind: DocumentKind,
  data: Json,
  file: string,
  rule = 'smapi-schema',
): Problem[] {
  const definition = DOCUMENTS[kind];
  const validate = validatorFor(definition);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of validate.errors ?? []) {
    const { path, message } = describe(error);
    const key = `${path}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      file,
      path: path || '(root)',
      rule,
      message: `${message} (Amazon's schema ${definition}, ask-smapi-model ${SMAPI_MODEL_VERSION})`,
    });
  }
  return problems;
}

/** The API domains a manifest may have (`custom`, `music`, `video`, …): the properties of SkillManifestApis. */
export function apiDomains(): string[] {
  const apis = load().spec.definitions['v1.skill.Manifest.SkillManifestApis'];
  return Object.keys((apis?.properties ?? {}) as Schema);
}

/** The skill events a manifest may subscribe to (SKILL_DISABLED, …): the enum of EventNameType. */
export function skillEventNames(): string[] {
  const names = load().spec.definitions['v1.skill.Manifest.EventNameType'];
  return Array.isArray(names?.enum) ? (names.enum as string[]) : [];
}
