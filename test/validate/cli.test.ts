/**
 * `npm run validate` as a process (tools/validate/main.ts, the CLI `npm test` runs): exit 0 on the repository
 * as it is; on a copy with a broken interaction model or a committed-looking secret, exit 1 with one line per
 * problem naming the file and the JSON path (or line). `--root` points it at the copy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ACCOUNT_LINKING,
  ALLOWLIST,
  ASK_RESOURCES,
  BUILD_HOOKS,
  MANIFEST,
  MODELS_DIR,
} from '../../tools/validate/validate';

const REPO = path.resolve(__dirname, '../..');
const MAIN = path.join(REPO, 'tools/validate/main.ts');
const MODEL = `${MODELS_DIR}/en-US.json`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function validate(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPO,
    env: process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

/** The files the validator reads (skill package, ask-resources, hooks, account linking, allowlist), in a fresh git work tree. */
function copyOfRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cli-'));
  dirs.push(root);
  fs.cpSync(path.join(REPO, 'skill-package'), path.join(root, 'skill-package'), { recursive: true });
  for (const file of [ACCOUNT_LINKING, ASK_RESOURCES, ...BUILD_HOOKS]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  }
  if (fs.existsSync(path.join(REPO, ALLOWLIST))) {
    fs.mkdirSync(path.dirname(path.join(root, ALLOWLIST)), { recursive: true });
    fs.copyFileSync(path.join(REPO, ALLOWLIST), path.join(root, ALLOWLIST));
  }
  // The secret scan lists files with git (tracked and not ignored), as it does in the repository.
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

const editJson = <T>(file: string, edit: (json: T) => void) => {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  edit(json);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
};

test('the repository as it is: exit 0', () => {
  const result = validate();
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^validate: .* fine\n$/);
  expect(result.status).toBe(0);
});

test('--root: an unchanged copy of the repository passes too', () => {
  const result = validate('--root', copyOfRepo());
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('--root without a directory: a usage error, not a pass', () => {
  const missing = validate('--root', path.join(os.tmpdir(), 'no-such-validate-root'));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/--root .* is not a directory/);
  expect(validate('--root').status).toBe(2);
});

test('a broken interaction model: exit 1, the file and the JSON path of the bad sample', () => {
  const root = copyOfRepo();
  let at = '';
  type Model = {
    interactionModel: {
      languageModel: { intents: Array<{ slots?: Array<{ name: string; type: string }>; samples: string[] }> };
    };
  };
  editJson<Model>(path.join(root, MODEL), (model) => {
    const { intents } = model.interactionModel.languageModel;
    const i = intents.findIndex((it) => it.slots?.some((s) => s.type === 'AMAZON.SearchQuery'));
    expect(i).toBeGreaterThanOrEqual(0);
    const slot = intents[i].slots!.find((s) => s.type === 'AMAZON.SearchQuery')!;
    // A SearchQuery slot alone, with no carrier phrase: Alexa's build rejects it.
    intents[i].samples.push(`{${slot.name}}`);
    at = `interactionModel.languageModel.intents[${i}].samples[${intents[i].samples.length - 1}]`;
  });
  const result = validate('--root', root);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toEqual([
    expect.stringMatching(new RegExp(`^${escape(`${MODEL} ${at}: `)}.*\\[search-query-carrier\\]$`)),
    'validate: 1 problem',
  ]);
});

describe('the skill-events setup ask deploy rejects', () => {
  const USER_CONFIG = 'profiles.default.skillInfrastructure.userConfig';
  type Resources = {
    profiles: { default: { skillInfrastructure: { userConfig: Record<string, unknown> } } };
  };

  test('a manifest.events block without endpoint (ask-cli uploads it before the Lambda exists): exit 1, file and path', () => {
    const root = copyOfRepo();
    editJson<{ manifest: Record<string, unknown> }>(path.join(root, MANIFEST), (m) => {
      m.manifest.events = { subscriptions: [{ eventName: 'SKILL_DISABLED' }] };
    });
    const result = validate('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /^skill-package\/skill\.json manifest\.events\.endpoint: endpoint is required \(Amazon's schema v1\.skill\.Manifest\.SkillManifestEnvelope, ask-smapi-model 1\.24\.0\) \[smapi-schema\]$/,
      ),
      expect.stringMatching(
        /^skill-package\/skill\.json manifest\.events: declare skill events in ask-resources\.json .*\[manifest-events\]$/,
      ),
      'validate: 2 problems',
    ]);
  });

  test("'events' in targetEndpoint (ask-cli would write apis.events): exit 1, file and path", () => {
    const root = copyOfRepo();
    editJson<Resources>(path.join(root, ASK_RESOURCES), (r) => {
      r.profiles.default.skillInfrastructure.userConfig.targetEndpoint = ['custom', 'events'];
    });
    const result = validate('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escape(`${ASK_RESOURCES} ${USER_CONFIG}.targetEndpoint[1]: "events" is not an API domain`)}.*\\[target-endpoint\\]$`,
        ),
      ),
      'validate: 1 problem',
    ]);
  });
});

test('invalid JSON in the model: exit 1, naming the file', () => {
  const root = copyOfRepo();
  fs.writeFileSync(path.join(root, MODEL), '{"interactionModel": {');
  const result = validate('--root', root);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(new RegExp(`^${escape(MODEL)} .*\\[json-invalid\\]$`, 'm'));
});

describe('a committed-looking secret', () => {
  // Built at run time so this source file itself holds nothing secret-looking.
  const secret = 'f0e1d2c3b4a5'.repeat(3).slice(0, 32);

  test('a client secret filled into accountLinking.json: exit 1, its JSON path and line, never the value', () => {
    const root = copyOfRepo();
    editJson<{ accountLinkingRequest: { clientSecret: string } }>(path.join(root, ACCOUNT_LINKING), (al) => {
      al.accountLinkingRequest.clientSecret = secret;
    });
    const line = fs
      .readFileSync(path.join(root, ACCOUNT_LINKING), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(secret));
    const result = validate('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${escape(`${ACCOUNT_LINKING} accountLinkingRequest.clientSecret: `)}.*\\[secret\\]$`, 'm'),
    );
    expect(result.stderr).toMatch(
      new RegExp(`^${escape(`${ACCOUNT_LINKING} line ${line + 1}: `)}.*\\[secret-client-secret\\]$`, 'm'),
    );
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  test('a secret in a new file of the work tree: exit 1, the file and the line', () => {
    const root = copyOfRepo();
    fs.mkdirSync(path.join(root, 'notes'));
    fs.writeFileSync(path.join(root, 'notes/setup.md'), `# setup\n\nSPOTIFY_CLIENT_SECRET=${secret}\n`);
    const result = validate('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^notes\/setup\.md line 3: .*\[secret-client-secret\]$/),
      'validate: 1 problem',
    ]);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
