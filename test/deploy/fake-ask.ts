/**
 * A fake `ask` (ask-cli v2) for the deploy tests: an executable put first on PATH that records every call
 * (arguments, working directory, ask-resources.json as it was at that moment, the files it was given with
 * `file:` and their permissions, whether the Spotify secret was in its environment) and answers like ask-cli.
 * FAKE_ASK_FAIL=<subcommand> makes that call exit 1; FAKE_ASK_SLEEP=<subcommand> makes it wait (at most 60 s,
 * after recording the call) so a test can interrupt the deploy tool while that call runs. `ask deploy` puts
 * its Lambda in the region ask-resources.json names, as ask-cli's lambda-deployer does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AskCall {
  args: string[];
  cwd: string;
  askResources?: unknown;
  files: Array<{ path: string; content: string; mode: number }>;
  secretInEnv: boolean;
}

const SCRIPT = String.raw`#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const cwd = process.cwd();
const files = args.filter((a) => a.startsWith('file:')).map((a) => {
  const p = a.slice(5);
  return { path: p, content: fs.readFileSync(p, 'utf8'), mode: fs.statSync(p).mode & 0o777 };
});
let askResources;
try { askResources = JSON.parse(fs.readFileSync(path.join(cwd, 'ask-resources.json'), 'utf8')); } catch {}
fs.appendFileSync(process.env.FAKE_ASK_LOG, JSON.stringify({
  args, cwd, askResources, files, secretInEnv: Object.entries(process.env).some(([k, v]) => k !== 'FAKE_ASK_SECRET_PROBE' && v === process.env.FAKE_ASK_SECRET_PROBE),
}) + '\n');
const sub = args[0] === 'smapi' ? args[1] : args[0];
if (process.env.FAKE_ASK_SLEEP === sub) {
  console.log('fake ask: ' + sub + ' is taking its time');
  setTimeout(() => process.exit(3), 60000);
  return;
}
if (process.env.FAKE_ASK_FAIL === sub) {
  // Like ask-cli with --debug, echo what was sent: the tool must mask it.
  for (const f of files) console.error('[debug] request body: ' + f.content);
  console.error('[Error]: simulated failure of ' + sub);
  process.exit(1);
}
const profile = (args.includes('--profile') ? args[args.indexOf('--profile') + 1] : 'default');
switch (sub) {
  case '--version':
    if (process.env.FAKE_ASK_VERSION === 'crash') {
      console.error('TypeError: Class extends value undefined is not a constructor or null');
      process.exit(1);
    }
    console.log(process.env.FAKE_ASK_VERSION || '2.30.7');
    break;
  case 'get-vendor-list':
    console.log(JSON.stringify({ vendors: [{ name: 'Test Developer', id: 'M2TESTVENDOR0', roles: ['ROLE_ADMINISTRATOR'] }] }, null, 2));
    break;
  case 'deploy': {
    const dir = path.join(cwd, '.ask');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'ask-states.json');
    const states = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { askcliStatesVersion: '2020-03-31', profiles: {} };
    const p = (states.profiles[profile] ??= {});
    p.skillId ??= process.env.FAKE_ASK_SKILL_ID;
    p.skillInfrastructure = { '@ask-cli/lambda-deployer': { deployState: { default: {
      iamRole: 'arn:aws:iam::123456789012:role/ask-lambda-connect-remote',
      lambda: { arn: 'arn:aws:lambda:' + (askResources?.profiles?.[profile]?.skillInfrastructure?.userConfig?.awsRegion ?? 'us-east-1') + ':123456789012:function:ask-connect-remote', revisionId: 'r1' },
    } } } };
    fs.writeFileSync(file, JSON.stringify(states, null, 2));
    console.log('==================== Deploy Skill Metadata ====================');
    console.log('Skill package deployed successfully.');
    console.log('Skill ID: ' + p.skillId);
    break;
  }
  case 'update-account-linking-info':
    break;
  default:
    console.error('fake ask: unexpected ' + args.join(' '));
    process.exit(2);
}
`;

/** Writes the fake into `dir` and returns the PATH to use. */
export function installFakeAsk(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ask');
  fs.writeFileSync(file, SCRIPT, { mode: 0o755 });
  return `${dir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`;
}

export function readCalls(log: string): AskCall[] {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AskCall);
}
