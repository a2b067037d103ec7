/**
 * `npm run deploy`: prerequisites, bundle, `ask deploy` (with SKILL_ID and PERSISTENCE_TABLE on the Lambda),
 * account linking with the Spotify client id and secret, and the redirect URLs to add to the Spotify app.
 *
 * The client secret goes only into a temporary file outside the repository (mode 0600, removed even on
 * failure) that `ask smapi update-account-linking-info` reads; it is never an argument, never in a child's
 * environment, and every line this tool prints is masked.
 *
 * SKILL_ID reaches the Lambda through ask-cli itself: ask-cli's lambda-deployer replaces the function's
 * environment with `userConfig.lambda.environmentVariables` on every deploy, and refuses the next deploy when
 * the function's revision changed behind its back. So instead of `aws lambda update-function-configuration`
 * (wiped by the next `ask deploy`, and it trips that revision check) the tool writes ask-resources.json with
 * the variables added for the duration of `ask deploy` and puts the original back afterwards, always. The
 * first deploy learns the skill id only when ask-cli creates the skill, so it runs
 * `ask deploy --target skill-infrastructure` once more. The region (`--region`, AWS_REGION, the existing
 * Lambda's, or the committed one) travels the same way, as `userConfig.awsRegion`.
 *
 * Skill events need nothing here: ask-resources.json's `userConfig.skillEvents` makes ask-cli write
 * `manifest.events` with the Lambda as endpoint once the Lambda exists.
 *
 * Interrupted (SIGINT/SIGTERM, through `options.signal`): the running `ask` is stopped, and the same
 * `finally` blocks that run on failure put ask-resources.json back and delete the account-linking copy.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALEXA_LAMBDA_REGIONS, LAMBDA_DEPLOYER, MIN_ASK_CLI_VERSION } from '../validate/ask-cli';
import { loadDotEnv } from './dotenv';

export const ALEXA_REDIRECT_HOSTS = ['pitangui.amazon.com', 'layla.amazon.com', 'alexa.amazon.co.jp'];
/** How long a stopped `ask` gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5_000;

export class DeployError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface DeployOptions {
  root: string;
  /** The process environment; `.env` under root fills what it lacks. */
  env: NodeJS.ProcessEnv;
  /** Builds lambda/dist/index.js. */
  build: () => Promise<unknown>;
  out: (line: string) => void;
  /** Where the temporary account-linking file goes. Default: os.tmpdir(). */
  tmpdir?: string;
  /** `--region`: the AWS region of the Lambda (else AWS_REGION, the existing Lambda's, ask-resources.json's). */
  region?: string;
  /** Aborted on SIGINT/SIGTERM: the running `ask` is stopped and every file is put back. */
  signal?: AbortSignal;
}

export interface DeployResult {
  skillId: string;
  vendorId: string;
  lambdaArn?: string;
  region: string;
  redirectUrls: string[];
}

export function redirectUrls(vendorId: string): string[] {
  return ALEXA_REDIRECT_HOSTS.map((host) => `https://${host}/api/skill/link/${vendorId}`);
}

/** Replaces every occurrence of each secret (and its URL- and JSON-escaped forms) with ****. */
export function masker(secrets: string[]): (text: string) => string {
  const forms = [
    ...new Set(
      secrets
        .filter((s) => s.length >= 4)
        .flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]),
    ),
  ];
  forms.sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((acc, form) => acc.split(form).join('****'), text);
}

interface AskStates {
  skillId?: string;
  lambdaArn?: string;
  iamRole?: string;
}

/**
 * Reads ask-cli v2's deploy state: `.ask/ask-states.json` →
 * `profiles.<profile>.skillId` and
 * `profiles.<profile>.skillInfrastructure["@ask-cli/lambda-deployer"].deployState.default.{lambda.arn, iamRole}`.
 */
export function readAskStates(root: string, profile: string): AskStates {
  const file = path.join(root, '.ask', 'ask-states.json');
  if (!fs.existsSync(file)) return {};
  const states = JSON.parse(fs.readFileSync(file, 'utf8'));
  const p = states?.profiles?.[profile] ?? {};
  const deployState = p.skillInfrastructure?.[LAMBDA_DEPLOYER]?.deployState?.default ?? {};
  return {
    skillId: p.skillId || undefined,
    lambdaArn: deployState.lambda?.arn,
    iamRole: deployState.iamRole,
  };
}

/** ask-resources.json with the Lambda variables and the region set for one `ask deploy`. */
export function renderAskResources(
  original: string,
  profile: string,
  variables: Record<string, string>,
  region: string,
): string {
  const resources = JSON.parse(original);
  const userConfig = resources?.profiles?.[profile]?.skillInfrastructure?.userConfig;
  if (!userConfig)
    throw new DeployError(
      'config',
      `ask-resources.json has no profiles.${profile}.skillInfrastructure.userConfig`,
    );
  userConfig.lambda ??= {};
  userConfig.lambda.environmentVariables = { ...userConfig.lambda.environmentVariables, ...variables };
  userConfig.awsRegion = region;
  return `${JSON.stringify(resources, null, 2)}\n`;
}

/** `2.30.7` from `ask --version` output; undefined when there is no version in it. */
export function parseVersion(text: string): number[] | undefined {
  const match = text.match(/(\d+)\.(\d+)\.(\d+)/);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function atLeast(version: number[], minimum: string): boolean {
  const min = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (version[i] !== min[i]) return version[i] > min[i];
  return true;
}

/** The region in a Lambda ARN (arn:aws:lambda:<region>:<account>:function:<name>). */
const arnPart = (arn: string | undefined, index: number): string | undefined => arn?.split(':')[index];

/** The role name in an IAM role ARN (arn:aws:iam::<account>:role/<path/>name). */
export const roleName = (arn: string): string => arn.split('/').pop() ?? arn;

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { root, out } = options;
  const config: Record<string, string | undefined> = { ...loadDotEnv(root), ...options.env };
  const secret = config.SPOTIFY_CLIENT_SECRET?.trim() ?? '';
  const clientId = config.SPOTIFY_CLIENT_ID?.trim() ?? '';
  const mask = masker([secret]);
  const say = (line: string) => out(mask(line));
  const profile = config.ASK_PROFILE || config.ASK_DEFAULT_PROFILE || 'default';
  const profileArgs = profile === 'default' ? [] : ['--profile', profile];

  // Children get PATH, AWS and ASK settings, never the Spotify secret.
  const childEnv: NodeJS.ProcessEnv = { ...options.env };
  delete childEnv.SPOTIFY_CLIENT_SECRET;

  const { signal } = options;
  const interrupted = () =>
    new DeployError('interrupted', 'interrupted: every file is put back, nothing secret is left');
  const checkpoint = () => {
    if (signal?.aborted) throw interrupted();
  };

  const run = (args: string[], opts: { stream?: boolean } = {}) =>
    new Promise<string>((resolve, reject) => {
      if (signal?.aborted) return reject(interrupted());
      say(`$ ask ${args.join(' ')}`);
      const child = spawn('ask', args, {
        cwd: root,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      });
      let stdout = '';
      let tail = '';
      let killTimer: NodeJS.Timeout | undefined;
      const stop = () => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
      };
      signal?.addEventListener('abort', stop, { once: true });
      const relay = (chunk: Buffer, keep: boolean) => {
        const text = chunk.toString('utf8');
        if (keep) stdout += text;
        tail = (tail + text).slice(-4000);
        if (opts.stream) for (const line of text.split(/\r?\n/)) if (line.trim()) say(`  ${line}`);
      };
      child.stdout.on('data', (c: Buffer) => relay(c, true));
      child.stderr.on('data', (c: Buffer) => relay(c, false));
      child.on('error', (error) => reject(new DeployError('ask', `cannot run ask: ${error.message}`)));
      child.on('close', (code) => {
        signal?.removeEventListener('abort', stop);
        clearTimeout(killTimer);
        if (signal?.aborted) return reject(interrupted());
        if (code === 0) return resolve(stdout);
        if (!opts.stream) for (const line of tail.split(/\r?\n/)) if (line.trim()) say(`  ${line}`);
        const command = args.slice(0, args[0] === 'smapi' ? 2 : 1).join(' ');
        reject(new DeployError('ask', `ask ${command} failed (exit ${code})`));
      });
    });

  // 1. Prerequisites.
  const missing = ['SPOTIFY_CLIENT_ID', 'SPOTIFY_CLIENT_SECRET'].filter((k) => !config[k]?.trim());
  if (missing.length > 0)
    throw new DeployError(
      'prerequisites',
      `${missing.join(' and ')} missing: set ${missing.length > 1 ? 'them' : 'it'} in the environment or in .env (git-ignored)`,
    );
  let version: string;
  try {
    version = (await run(['--version'])).trim();
  } catch (error) {
    if (error instanceof DeployError && error.step === 'interrupted') throw error;
    // spawn's own error: no `ask` on PATH. A non-zero exit: it is there but does not run (its output is above).
    const missing = error instanceof DeployError && error.message.startsWith('cannot run ask');
    throw new DeployError(
      'prerequisites',
      missing
        ? 'ask-cli v2 is not installed: npm install -g ask-cli, then ask configure'
        : `ask-cli is installed but \`ask --version\` fails (${(error as Error).message}; its output is above): reinstall it with npm install -g ask-cli`,
    );
  }
  const parsed = parseVersion(version);
  if (!parsed || parsed[0] !== 2 || !atLeast(parsed, MIN_ASK_CLI_VERSION))
    throw new DeployError(
      'prerequisites',
      `ask-cli v2, ${MIN_ASK_CLI_VERSION} or later, is required (skill events through ask-resources.json need it); found ${version || 'an unknown version'}: npm install -g ask-cli`,
    );
  let vendorId: string;
  try {
    const list = JSON.parse(await run(['smapi', 'get-vendor-list', ...profileArgs])) as {
      vendors?: Array<{ id: string; name?: string }>;
    };
    const vendors = list.vendors ?? [];
    const chosen = config.ASK_VENDOR_ID ? vendors.find((v) => v.id === config.ASK_VENDOR_ID) : vendors[0];
    if (!chosen) throw new Error('no vendor');
    if (vendors.length > 1 && !config.ASK_VENDOR_ID)
      say(`Several developer accounts (vendors); using ${chosen.id}. Set ASK_VENDOR_ID to choose another.`);
    vendorId = chosen.id;
  } catch (error) {
    if (error instanceof DeployError)
      throw new DeployError(
        'prerequisites',
        `ask-cli profile "${profile}" does not work: run ask configure (${error.message})`,
      );
    throw new DeployError(
      'prerequisites',
      `no Amazon developer account (vendor) found for ask-cli profile "${profile}"`,
    );
  }

  // The region: asked for, else the one the skill's Lambda is already in, else the committed one.
  const resourcesFile = path.join(root, 'ask-resources.json');
  const original = fs.readFileSync(resourcesFile, 'utf8');
  const committedRegion: string | undefined =
    JSON.parse(original)?.profiles?.[profile]?.skillInfrastructure?.userConfig?.awsRegion;
  const existingRegion = arnPart(readAskStates(root, profile).lambdaArn, 3);
  const [region, regionFrom] = options.region
    ? [options.region, '--region']
    : config.AWS_REGION
      ? [config.AWS_REGION, 'AWS_REGION']
      : existingRegion
        ? [existingRegion, 'the existing Lambda']
        : [committedRegion ?? 'us-east-1', 'ask-resources.json'];
  if (!ALEXA_LAMBDA_REGIONS.includes(region))
    throw new DeployError(
      'prerequisites',
      `${regionFrom} asks for region ${region}, where Alexa cannot call a Lambda; use one of ${ALEXA_LAMBDA_REGIONS.join(', ')} (docs/deployment.md: which region for which locale)`,
    );
  if (existingRegion && existingRegion !== region)
    throw new DeployError(
      'prerequisites',
      `the skill's Lambda is in ${existingRegion} (.ask/ask-states.json) and ${regionFrom} asks for ${region}: deploy with --region ${existingRegion}, or delete the lambda-deployer state in .ask/ask-states.json to create a new Lambda in ${region} (the old one stays until you delete it)`,
    );
  say(`Region ${region} (from ${regionFrom})`);
  checkpoint();

  // 2. Bundle.
  say('Building lambda/dist/index.js');
  await options.build();
  checkpoint();

  // 3. ask deploy, with SKILL_ID (and PERSISTENCE_TABLE) on the Lambda.
  const variables = (skillId?: string): Record<string, string> => {
    const vars: Record<string, string> = {};
    if (skillId) vars.SKILL_ID = skillId;
    if (config.PERSISTENCE_TABLE) vars.PERSISTENCE_TABLE = config.PERSISTENCE_TABLE;
    return vars;
  };
  const withResources = async (skillId: string | undefined, args: string[]) => {
    fs.writeFileSync(resourcesFile, renderAskResources(original, profile, variables(skillId), region));
    try {
      await run(args, { stream: true });
    } finally {
      fs.writeFileSync(resourcesFile, original);
    }
  };
  const known = readAskStates(root, profile).skillId;
  await withResources(known, ['deploy', ...profileArgs]);
  const state = readAskStates(root, profile);
  if (!state.skillId)
    throw new DeployError('deploy', 'ask deploy finished without a skill id in .ask/ask-states.json');
  if (state.skillId !== known) {
    say(`New skill ${state.skillId}: setting SKILL_ID on its Lambda`);
    await withResources(state.skillId, [
      'deploy',
      '--target',
      'skill-infrastructure',
      '--ignore-hash',
      ...profileArgs,
    ]);
  }

  checkpoint();

  // 4. Account linking, through a temporary file outside the repository.
  const template = JSON.parse(fs.readFileSync(path.join(root, 'accountLinking.json'), 'utf8'));
  const request = { ...template.accountLinkingRequest, clientId, clientSecret: secret };
  const dir = fs.mkdtempSync(path.join(options.tmpdir ?? os.tmpdir(), 'connect-remote-'));
  try {
    fs.chmodSync(dir, 0o700);
    const file = path.join(dir, 'account-linking.json');
    fs.writeFileSync(file, JSON.stringify({ accountLinkingRequest: request }), { mode: 0o600, flag: 'wx' });
    await run([
      'smapi',
      'update-account-linking-info',
      '--skill-id',
      state.skillId,
      '--stage',
      'development',
      '--account-linking-request',
      `file:${file}`,
      ...profileArgs,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // 5. What the developer does next.
  const urls = redirectUrls(vendorId);
  say('');
  say(`Deployed skill ${state.skillId}${state.lambdaArn ? ` to ${state.lambdaArn}` : ''}.`);
  say('Add these Redirect URIs to your Spotify app (developer.spotify.com/dashboard > your app > Settings):');
  for (const url of urls) say(`  ${url}`);
  say(
    state.iamRole
      ? `Lambda role: ${roleName(state.iamRole)} (${state.iamRole})`
      : 'Lambda role: not in .ask/ask-states.json (see the function in the AWS Lambda console, Configuration > Permissions)',
  );
  if (config.PERSISTENCE_TABLE) {
    const account = arnPart(state.lambdaArn, 4) ?? '<account>';
    say(
      `PERSISTENCE_TABLE=${config.PERSISTENCE_TABLE}: let that role use the table (once; docs/deployment.md):`,
    );
    say(
      `  aws iam put-role-policy --role-name ${state.iamRole ? roleName(state.iamRole) : '<role>'} --policy-name connect-remote-table --policy-document '${JSON.stringify(tablePolicy(region, account, config.PERSISTENCE_TABLE))}'`,
    );
  }
  say('Then enable the skill in the Alexa app (Your Skills > Dev) and link your Spotify account.');
  return { skillId: state.skillId, vendorId, lambdaArn: state.lambdaArn, region, redirectUrls: urls };
}

/** What the skill's role needs on the DynamoDB table: read, write, update its own attributes, delete. */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];

export function tablePolicy(region: string, account: string, table: string): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: TABLE_ACTIONS,
        Resource: `arn:aws:dynamodb:${region}:${account}:table/${table}`,
      },
    ],
  };
}
