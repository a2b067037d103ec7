/**
 * Offline checks of what ask-cli only checks in the cloud (and what it never checks: scopes and secrets).
 * `validateProject` is pure apart from reading files under `root`, so tests feed it broken fixtures; the CLI
 * (main.ts) feeds it the real tree, handlers and endpoint table.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Problem {
  /** Path relative to the project root. */
  file: string;
  /** Where in the file: a JSON path such as `interactionModel.languageModel.intents[3].samples[0]`, or `line 12`. */
  path: string;
  message: string;
  /** A stable identifier of the check, for tests and for allowlisting. */
  rule: string;
}

/** What the validator needs to know about a request handler (see lambda/src/handlers/define.ts). */
export interface HandlerInfo {
  readonly intents: readonly string[];
  readonly requestTypes: readonly string[];
}

/** One row of the Spotify client's endpoint table (lambda/src/spotify/endpoints.ts). */
export interface EndpointInfo {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
}

/** A secret-looking match that is known to be harmless, with the reason written down. */
export interface SecretAllowance {
  file: string;
  match: string;
  reason: string;
}

export interface ValidateOptions {
  root: string;
  handlers: readonly HandlerInfo[];
  endpoints: readonly EndpointInfo[];
  /** Files to scan for secrets (relative to root). Default: tracked and not-ignored files from git. */
  files?: readonly string[];
  /** Default: `tools/validate/secret-allowlist.json` under root, when it exists. */
  secretAllowlist?: readonly SecretAllowance[];
}

export const MODELS_DIR = 'skill-package/interactionModels/custom';
export const MANIFEST = 'skill-package/skill.json';
export const ACCOUNT_LINKING = 'accountLinking.json';
export const ALLOWLIST = 'tools/validate/secret-allowlist.json';

/** Skill events a handler can answer, and the manifest subscription each needs. */
export const EVENT_SUBSCRIPTIONS: Record<string, string> = {
  'AlexaSkillEvent.SkillEnabled': 'SKILL_ENABLED',
  'AlexaSkillEvent.SkillDisabled': 'SKILL_DISABLED',
  'AlexaSkillEvent.SkillAccountLinked': 'SKILL_ACCOUNT_LINKED',
  'AlexaSkillEvent.SkillPermissionAccepted': 'SKILL_PERMISSION_ACCEPTED',
  'AlexaSkillEvent.SkillPermissionChanged': 'SKILL_PERMISSION_CHANGED',
};

/** Intents every custom skill must include (Alexa's build rejects a model without them). */
export const REQUIRED_BUILT_IN_INTENTS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
];

const MAX_SCOPES = 15;

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly file: string) {}
  add(jsonPath: string, rule: string, message: string): void {
    this.problems.push({ file: this.file, path: jsonPath || '(root)', rule, message });
  }
}

function readJson(root: string, file: string, out: Problem[]): Json | undefined {
  const full = path.join(root, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch {
    out.push({ file, path: '(file)', rule: 'file-missing', message: `${file} is missing` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    out.push({
      file,
      path: '(file)',
      rule: 'json-invalid',
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Interaction models

interface ModelSummary {
  locale: string;
  file: string;
  intents: Set<string>;
}

const SLOT_REF = /\{([^{}]*)\}/g;
/** Letters (any script), combining marks, spaces, periods in abbreviations, apostrophes, hyphens. */
const ALLOWED_SAMPLE_TEXT = /^[\p{L}\p{M}\s.'’-]*$/u;
const INVOCATION_NAME = /^[\p{Ll}\p{Lo}\p{M}][\p{Ll}\p{Lo}\p{M}\s.'’]*$/u;

function normalize(sample: string): string {
  return sample.toLowerCase().replace(/\s+/g, ' ').trim();
}

function checkModel(root: string, locale: string, file: string, out: Problem[]): ModelSummary | undefined {
  const data = readJson(root, file, out);
  if (data === undefined) return undefined;
  const c = new Collector(file);
  const summary: ModelSummary = { locale, file, intents: new Set() };
  const lm = isObj(data) && isObj(data.interactionModel) ? data.interactionModel.languageModel : undefined;
  const base = 'interactionModel.languageModel';
  if (!isObj(lm)) {
    c.add(base, 'model-shape', 'missing interactionModel.languageModel');
    out.push(...c.problems);
    return summary;
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
    out.push(...c.problems);
    return summary;
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
      const key = normalize(sample);
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
  out.push(...c.problems);
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// Manifest, handlers, account linking

function checkManifest(
  root: string,
  modelLocales: string[],
  handlers: readonly HandlerInfo[],
  out: Problem[],
): void {
  const data = readJson(root, MANIFEST, out);
  if (data === undefined) return;
  const c = new Collector(MANIFEST);
  const manifest = isObj(data) ? data.manifest : undefined;
  if (!isObj(manifest)) {
    c.add('manifest', 'manifest-shape', 'missing manifest');
    out.push(...c.problems);
    return;
  }
  const publishing = isObj(manifest.publishingInformation)
    ? manifest.publishingInformation.locales
    : undefined;
  const locales = isObj(publishing) ? Object.keys(publishing) : [];
  for (const locale of locales) {
    if (!modelLocales.includes(locale))
      c.add(
        `manifest.publishingInformation.locales.${locale}`,
        'locale-mismatch',
        `locale ${locale} has no interaction model ${MODELS_DIR}/${locale}.json`,
      );
  }
  for (const locale of modelLocales) {
    if (!locales.includes(locale))
      c.add(
        'manifest.publishingInformation.locales',
        'locale-mismatch',
        `the model for ${locale} has no locale in the manifest`,
      );
  }
  const privacy = isObj(manifest.privacyAndCompliance) ? manifest.privacyAndCompliance.locales : undefined;
  if (isObj(privacy)) {
    for (const locale of Object.keys(privacy))
      if (!locales.includes(locale))
        c.add(
          `manifest.privacyAndCompliance.locales.${locale}`,
          'locale-mismatch',
          `privacy locale ${locale} is not a publishing locale`,
        );
  }
  if (!isObj(manifest.apis) || !isObj(manifest.apis.custom))
    c.add('manifest.apis.custom', 'manifest-shape', 'not a custom skill: apis.custom is missing');

  const subscribed = new Set<string>();
  const subs = isObj(manifest.events) ? manifest.events.subscriptions : undefined;
  if (Array.isArray(subs))
    for (const s of subs) if (isObj(s) && typeof s.eventName === 'string') subscribed.add(s.eventName);
  const handled = new Set(handlers.flatMap((h) => h.requestTypes));
  for (const [requestType, eventName] of Object.entries(EVENT_SUBSCRIPTIONS)) {
    if (handled.has(requestType) && !subscribed.has(eventName))
      c.add(
        'manifest.events.subscriptions',
        'event-not-subscribed',
        `a handler answers ${requestType}, but the manifest does not subscribe to ${eventName}`,
      );
    if (subscribed.has(eventName) && !handled.has(requestType))
      c.add(
        'manifest.events.subscriptions',
        'event-not-handled',
        `the manifest subscribes to ${eventName}, but no handler answers ${requestType}`,
      );
  }
  out.push(...c.problems);
}

function checkHandlers(models: ModelSummary[], handlers: readonly HandlerInfo[], out: Problem[]): void {
  const handled = new Set(handlers.flatMap((h) => h.intents));
  for (const model of models) {
    const c = new Collector(model.file);
    for (const intent of model.intents)
      if (!handled.has(intent))
        c.add(
          'interactionModel.languageModel.intents',
          'intent-unhandled',
          `intent ${intent} has no handler`,
        );
    for (const intent of handled)
      if (!model.intents.has(intent))
        c.add(
          'interactionModel.languageModel.intents',
          'handler-intent-missing',
          `a handler answers ${intent}, which the ${model.locale} model does not declare`,
        );
    out.push(...c.problems);
  }
}

function isHttpsUrl(value: Json): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Scopes the code needs: the union of the endpoint table's scopes. */
export function neededScopes(endpoints: readonly EndpointInfo[]): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const e of endpoints) for (const s of e.scopes) needed.set(s, [...(needed.get(s) ?? []), e.id]);
  return needed;
}

function checkAccountLinking(root: string, endpoints: readonly EndpointInfo[], out: Problem[]): void {
  const data = readJson(root, ACCOUNT_LINKING, out);
  if (data === undefined) return;
  const c = new Collector(ACCOUNT_LINKING);
  const al = isObj(data) ? data.accountLinkingRequest : undefined;
  const base = 'accountLinkingRequest';
  if (!isObj(al)) {
    c.add(base, 'account-linking-shape', 'the body must be wrapped: {"accountLinkingRequest": {...}}');
    out.push(...c.problems);
    return;
  }
  const expect: Record<string, Json> = {
    type: 'AUTH_CODE',
    accessTokenScheme: 'HTTP_BASIC',
    skipOnEnablement: false,
  };
  for (const [key, value] of Object.entries(expect))
    if (al[key] !== value)
      c.add(`${base}.${key}`, 'account-linking-field', `${key} must be ${JSON.stringify(value)}`);
  for (const key of ['authorizationUrl', 'accessTokenUrl'])
    if (!isHttpsUrl(al[key])) c.add(`${base}.${key}`, 'account-linking-url', `${key} must be an https URL`);
  for (const key of ['clientId', 'clientSecret'])
    if (!(key in al))
      c.add(
        `${base}.${key}`,
        'account-linking-field',
        `${key} must be present (empty: npm run deploy fills it)`,
      );
  if (typeof al.clientSecret === 'string' && al.clientSecret !== '')
    c.add(
      `${base}.clientSecret`,
      'secret',
      'clientSecret must stay empty in the repository: npm run deploy fills it in a temporary copy',
    );
  if (typeof al.clientId === 'string' && al.clientId !== '')
    c.add(
      `${base}.clientId`,
      'account-linking-field',
      'clientId must stay empty in the repository (it comes from SPOTIFY_CLIENT_ID)',
    );
  const ttl = al.defaultTokenExpirationInSeconds;
  if (ttl !== undefined && !(typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0))
    c.add(
      `${base}.defaultTokenExpirationInSeconds`,
      'account-linking-field',
      'must be a positive whole number of seconds',
    );
  if (
    al.domains !== undefined &&
    !(Array.isArray(al.domains) && al.domains.every((d) => typeof d === 'string'))
  )
    c.add(`${base}.domains`, 'account-linking-field', 'domains must be an array of host names');

  const scopes = al.scopes;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) {
    c.add(`${base}.scopes`, 'account-linking-field', 'scopes must be an array of strings');
  } else {
    if (scopes.length > MAX_SCOPES)
      c.add(
        `${base}.scopes`,
        'scopes-count',
        `Alexa accepts at most ${MAX_SCOPES} scopes, found ${scopes.length}`,
      );
    scopes.forEach((s, i) => {
      if (scopes.indexOf(s) !== i)
        c.add(`${base}.scopes[${i}]`, 'scope-duplicate', `scope ${s} is listed twice`);
    });
    const needed = neededScopes(endpoints);
    for (const [scope, ids] of needed)
      if (!scopes.includes(scope))
        c.add(`${base}.scopes`, 'scope-missing', `scope ${scope} is missing; needed by ${ids.join(', ')}`);
    scopes.forEach((s, i) => {
      if (!needed.has(s))
        c.add(
          `${base}.scopes[${i}]`,
          'scope-unused',
          `scope ${s} is not needed by any endpoint the client calls; ask for no scope the skill does not use`,
        );
    });
  }
  out.push(...c.problems);
}

// ---------------------------------------------------------------------------------------------------------
// Secrets

interface SecretPattern {
  rule: string;
  what: string;
  pattern: RegExp;
}

export const SECRET_PATTERNS: SecretPattern[] = [
  {
    rule: 'secret-client-secret',
    what: 'a 32-hex client secret next to a key named like "secret"',
    pattern: /secret["']?\s*[:=]\s*["']?([0-9a-f]{32})\b/gi,
  },
  { rule: 'secret-aws-key', what: 'an AWS access key id', pattern: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g },
  {
    rule: 'secret-aws-secret',
    what: 'an AWS secret access key',
    pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b/gi,
  },
  {
    rule: 'secret-private-key',
    what: 'a private key',
    pattern: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)/g,
  },
  {
    rule: 'secret-spotify-token',
    what: 'a Spotify access token',
    pattern: /\b(BQ[A-Za-z0-9_-]{100,})/g,
  },
  {
    rule: 'secret-amazon-refresh-token',
    what: 'a Login with Amazon refresh token',
    pattern: /\b(Atzr\|[A-Za-z0-9_-]{40,})/g,
  },
];

const SKIP_FILES = new Set(['package-lock.json']);
const MAX_SCAN_BYTES = 2 * 1024 * 1024;

export function gitFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))];
}

function loadAllowlist(root: string, out: Problem[]): SecretAllowance[] {
  if (!fs.existsSync(path.join(root, ALLOWLIST))) return [];
  const data = readJson(root, ALLOWLIST, out);
  return Array.isArray(data) ? (data as SecretAllowance[]) : [];
}

function checkSecrets(
  root: string,
  files: readonly string[],
  allowlist: readonly SecretAllowance[],
  out: Problem[],
): void {
  allowlist.forEach((a, i) => {
    if (
      !a ||
      typeof a.file !== 'string' ||
      typeof a.match !== 'string' ||
      typeof a.reason !== 'string' ||
      a.reason.trim().length < 10
    )
      out.push({
        file: ALLOWLIST,
        path: `[${i}]`,
        rule: 'allowlist-entry',
        message: 'each allowance needs file, match and a reason (why it is harmless)',
      });
  });
  for (const file of files) {
    if (SKIP_FILES.has(path.basename(file))) continue;
    const full = path.join(root, file);
    let buffer: Buffer;
    try {
      const stat = fs.statSync(full);
      if (!stat.isFile() || stat.size > MAX_SCAN_BYTES) continue;
      buffer = fs.readFileSync(full);
    } catch {
      continue; // deleted in the working tree
    }
    if (buffer.includes(0)) continue; // binary
    const text = buffer.toString('utf8');
    for (const { rule, what, pattern } of SECRET_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const found = match[1] ?? match[0];
        // The allowlist file necessarily repeats what it allows.
        const allowed = allowlist.some(
          (a) =>
            (a.file === file || file === ALLOWLIST) && a.match === found && a.reason?.trim().length >= 10,
        );
        if (allowed) continue;
        const line = text.slice(0, match.index).split('\n').length;
        const shown = found.length > 12 ? `${found.slice(0, 4)}…${found.slice(-2)}` : found;
        out.push({
          file,
          path: `line ${line}`,
          rule,
          message: `looks like ${what} (${shown}); remove it, rotate it if it was real, or allowlist it in ${ALLOWLIST} with a reason`,
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

export function validateProject(options: ValidateOptions): Problem[] {
  const { root, handlers, endpoints } = options;
  const problems: Problem[] = [];
  const modelsDir = path.join(root, MODELS_DIR);
  const modelFiles = fs.existsSync(modelsDir)
    ? fs
        .readdirSync(modelsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  if (modelFiles.length === 0)
    problems.push({
      file: MODELS_DIR,
      path: '(dir)',
      rule: 'model-missing',
      message: 'no interaction model (<locale>.json)',
    });
  const models: ModelSummary[] = [];
  for (const f of modelFiles) {
    const summary = checkModel(root, f.replace(/\.json$/, ''), `${MODELS_DIR}/${f}`, problems);
    if (summary) models.push(summary);
  }
  checkManifest(
    root,
    modelFiles.map((f) => f.replace(/\.json$/, '')),
    handlers,
    problems,
  );
  checkHandlers(models, handlers, problems);
  checkAccountLinking(root, endpoints, problems);
  const files = options.files ?? gitFiles(root);
  const allowlist = options.secretAllowlist ?? loadAllowlist(root, problems);
  checkSecrets(root, files, allowlist, problems);
  return problems;
}

export function formatProblem(p: Problem): string {
  return `${p.file} ${p.path}: ${p.message} [${p.rule}]`;
}
