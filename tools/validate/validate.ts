/**
 * Offline checks of what ask-cli only checks in the cloud (and what it never checks: scopes and secrets).
 * `validateProject` is pure apart from reading files under `root`, so tests feed it broken fixtures; the CLI
 * (main.ts) feeds it the real tree, handlers and endpoint table.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAMBDA_BUNDLE, ROOT } from '../build';
import { checkModelFile } from '../model/file-rules';
import { MODELS_DIR } from '../model/load';
import {
  ALEXA_LAMBDA_REGIONS,
  deployerConfigs,
  manifestAfterDeploy,
  skillEventSubscriptions,
  type DeployerConfig,
} from './ask-cli';
import { Collector, type Problem } from './problem';
import { apiDomains, schemaProblems, skillEventNames } from './smapi';

export type { Problem } from './problem';
export { MODELS_DIR } from '../model/load';

/** What the validator needs to know about a request handler (see lambda/src/dialog/define.ts). */
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

export const MANIFEST = 'skill-package/skill.json';
export const ACCOUNT_LINKING = 'accountLinking.json';
export const ASK_RESOURCES = 'ask-resources.json';
/** ask-cli's custom build flow: `ask deploy` runs it (from the project root) instead of zipping the code folder. */
export const BUILD_HOOKS = ['hooks/build.sh', 'hooks/build.ps1'];
/** The folder ask-cli must upload (it holds only the bundle) and the handler Lambda calls in it. */
export const CODE_SRC = `./${path.relative(ROOT, path.dirname(LAMBDA_BUNDLE)).split(path.sep).join('/')}`;
export const LAMBDA_HANDLER = `${path.basename(LAMBDA_BUNDLE, '.js')}.handler`;

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
export { REQUIRED_BUILT_IN_INTENTS } from '../model/built-ins';

const MAX_SCOPES = 15;

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

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

function checkModel(root: string, locale: string, file: string, out: Problem[]): ModelSummary | undefined {
  const data = readJson(root, file, out);
  if (data === undefined) return undefined;
  out.push(...schemaProblems('interactionModel', data, file));
  const { problems, intents } = checkModelFile(data, locale, file);
  out.push(...problems);
  return { locale, file, intents };
}

// ---------------------------------------------------------------------------------------------------------
// Manifest, handlers, account linking

function checkManifest(root: string, modelLocales: string[], out: Problem[]): Json | undefined {
  const data = readJson(root, MANIFEST, out);
  if (data === undefined) return undefined;
  out.push(...schemaProblems('manifest', data, MANIFEST));
  const c = new Collector(MANIFEST);
  const manifest = isObj(data) ? data.manifest : undefined;
  if (!isObj(manifest)) {
    c.add('manifest', 'manifest-shape', 'missing manifest');
    out.push(...c.problems);
    return data;
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
  // ask-cli uploads skill.json as committed before any Lambda exists, then writes manifest.events itself
  // (endpoint: the Lambda) from ask-resources.json's skillEvents. A committed block without the endpoint
  // fails Amazon's schema at that first upload.
  if (manifest.events !== undefined && !(isObj(manifest.events) && manifest.events.endpoint !== undefined))
    c.add(
      'manifest.events',
      'manifest-events',
      `declare skill events in ${ASK_RESOURCES} (userConfig.skillEvents.subscriptions), not here: ask deploy uploads this manifest before the Lambda exists, and ask-cli writes manifest.events with the Lambda as endpoint`,
    );
  out.push(...c.problems);
  return data;
}

/**
 * ask-resources.json for each profile deployed with the lambda-deployer: only API domains as target
 * endpoints, skill events through skillEvents (and in agreement with the handlers), the bundle's folder as
 * the code ask-cli uploads, a region Alexa can call; and the manifest as ask-cli rewrites it after creating
 * the Lambda still passes Amazon's schema.
 */
function checkAskResources(
  root: string,
  manifest: Json | undefined,
  handlers: readonly HandlerInfo[],
  out: Problem[],
): void {
  const data = readJson(root, ASK_RESOURCES, out);
  if (data === undefined) return;
  const c = new Collector(ASK_RESOURCES);
  const configs = deployerConfigs(data);
  if (configs.length === 0)
    c.add('profiles', 'ask-resources-shape', 'no profile deploys with @ask-cli/lambda-deployer');
  const domains = apiDomains();
  const eventNames = new Set(skillEventNames());
  const handled = new Set(handlers.flatMap((h) => h.requestTypes));
  // Problems in other files (the manifest after ask deploy, the hooks) after ask-resources.json's own.
  const later: Problem[] = [];
  for (const config of configs)
    checkDeployer(data as Obj, config, manifest, { domains, eventNames, handled }, c, later);
  for (const hook of BUILD_HOOKS)
    if (!fs.existsSync(path.join(root, hook)))
      later.push({
        file: hook,
        path: '(file)',
        rule: 'build-hook',
        message: `${hook} is missing: ask deploy would zip ${CODE_SRC} as it is, and on a fresh clone that folder holds no bundle`,
      });
  out.push(...c.problems, ...later);
}

function checkDeployer(
  resources: Obj,
  { profile, at, userConfig }: DeployerConfig,
  manifest: Json | undefined,
  known: { domains: string[]; eventNames: Set<string>; handled: Set<string> },
  c: Collector,
  out: Problem[],
): void {
  const targets = userConfig.targetEndpoint;
  if (targets !== undefined && !(Array.isArray(targets) && targets.every((t) => typeof t === 'string')))
    c.add(`${at}.targetEndpoint`, 'target-endpoint', 'targetEndpoint must be an array of API domains');
  else
    (targets ?? []).forEach((t: string, i: number) => {
      if (!known.domains.includes(t))
        c.add(
          `${at}.targetEndpoint[${i}]`,
          'target-endpoint',
          `"${t}" is not an API domain (${known.domains.join(', ')}): ask-cli would write manifest.apis.${t}.endpoint${t === 'events' ? '; subscribe to skill events with userConfig.skillEvents instead' : ''}`,
        );
    });

  const subscriptions = skillEventSubscriptions(userConfig) ?? [];
  subscriptions.forEach((s, i) => {
    if (!known.eventNames.has(s))
      c.add(
        `${at}.skillEvents.subscriptions[${i}]`,
        'skill-event',
        `${s} is not a skill event Amazon defines`,
      );
  });
  for (const [requestType, eventName] of Object.entries(EVENT_SUBSCRIPTIONS)) {
    if (known.handled.has(requestType) && !subscriptions.includes(eventName))
      c.add(
        `${at}.skillEvents.subscriptions`,
        'event-not-subscribed',
        `a handler answers ${requestType}, but ${profile} does not subscribe to ${eventName}`,
      );
    if (subscriptions.includes(eventName) && !known.handled.has(requestType))
      c.add(
        `${at}.skillEvents.subscriptions`,
        'event-not-handled',
        `${profile} subscribes to ${eventName}, but no handler answers ${requestType}`,
      );
  }

  const region = userConfig.awsRegion;
  if (typeof region !== 'string' || !ALEXA_LAMBDA_REGIONS.includes(region))
    c.add(
      `${at}.awsRegion`,
      'aws-region',
      `awsRegion must be a region where Alexa can call a Lambda: ${ALEXA_LAMBDA_REGIONS.join(', ')}`,
    );
  if (userConfig.handler !== LAMBDA_HANDLER)
    c.add(`${at}.handler`, 'code-src', `handler must be ${LAMBDA_HANDLER}: the bundle's file and export`);
  const profileObj = (resources.profiles as Obj)[profile] as Obj;
  const code = isObj(profileObj.code) ? profileObj.code : {};
  if (Object.keys(code).length === 0) c.add(`profiles.${profile}.code`, 'code-src', 'no code to deploy');
  for (const [region, entry] of Object.entries(code)) {
    const src = isObj(entry) ? entry.src : undefined;
    if (typeof src !== 'string' || path.posix.normalize(src) !== path.posix.normalize(CODE_SRC))
      c.add(
        `profiles.${profile}.code.${region}.src`,
        'code-src',
        `must be ${CODE_SRC}, the folder that holds only the bundle: ask-cli uploads everything in it`,
      );
  }

  // The manifest Amazon receives after the Lambda exists.
  if (manifest === undefined) return;
  const after = manifestAfterDeploy(manifest, userConfig);
  const before = new Set(
    schemaProblems('manifest', manifest, MANIFEST).map((p) => `${p.path}\n${p.message}`),
  );
  for (const p of schemaProblems('manifest', after, MANIFEST, 'smapi-schema-deployed'))
    if (!before.has(`${p.path}\n${p.message}`))
      out.push({ ...p, message: `after ask deploy (${profile}) writes the Lambda endpoint: ${p.message}` });
  const apis = isObj(after) && isObj(after.manifest) && isObj(after.manifest.apis) ? after.manifest.apis : {};
  for (const domain of Object.keys(apis))
    if (!known.domains.includes(domain) && !Array.isArray(targets))
      out.push({
        file: MANIFEST,
        path: `manifest.apis.${domain}`,
        rule: 'target-endpoint',
        message: `${domain} is not an API domain; ask-cli would give it the Lambda as endpoint`,
      });
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
  out.push(...schemaProblems('accountLinking', data, ACCOUNT_LINKING));
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
  const manifest = checkManifest(
    root,
    modelFiles.map((f) => f.replace(/\.json$/, '')),
    problems,
  );
  checkAskResources(root, manifest, handlers, problems);
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
