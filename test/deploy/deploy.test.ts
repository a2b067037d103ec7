/**
 * `npm run deploy` against a fake `ask` on PATH (no network): the right commands in order, SKILL_ID reaching
 * the Lambda through ask-resources.json (restored afterwards), the rendered account-linking JSON valid and
 * complete in a 0600 file outside the repository that is gone afterwards (also on failure), the redirect
 * URLs printed, and the client secret absent from every line of output.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deploy, DeployError, readAskStates, type DeployResult } from '../../tools/deploy/deploy';
import { parseDotEnv } from '../../tools/deploy/dotenv';
import { registerSecret } from '../support/log-capture';
import { installFakeAsk, readCalls, type AskCall } from './fake-ask';

const REPO = path.resolve(__dirname, '../..');
const CLIENT_ID = 'c1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6';
const SECRET = ['5ec2e7', 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6'].join('');
const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
registerSecret(SECRET);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Sandbox {
  root: string;
  tmp: string;
  log: string;
  env: NodeJS.ProcessEnv;
  lines: string[];
  built: number;
  run(extraEnv?: NodeJS.ProcessEnv): Promise<DeployResult>;
  calls(): AskCall[];
}

/** A copy of the project's deploy inputs, a fake ask, and a private temp dir. */
function sandbox(envOverrides: NodeJS.ProcessEnv = {}): Sandbox {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  dirs.push(base);
  const root = path.join(base, 'project');
  const tmp = path.join(base, 'tmp');
  fs.mkdirSync(path.join(root, 'skill-package'), { recursive: true });
  fs.mkdirSync(tmp);
  for (const file of ['ask-resources.json', 'accountLinking.json', 'skill-package/skill.json'])
    fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  const log = path.join(base, 'ask-calls.jsonl');
  const env: NodeJS.ProcessEnv = {
    PATH: installFakeAsk(path.join(base, 'bin')),
    HOME: base,
    FAKE_ASK_LOG: log,
    FAKE_ASK_SKILL_ID: SKILL_ID,
    FAKE_ASK_SECRET_PROBE: SECRET,
    SPOTIFY_CLIENT_ID: CLIENT_ID,
    SPOTIFY_CLIENT_SECRET: SECRET,
    ...envOverrides,
  };
  const box: Sandbox = {
    root,
    tmp,
    log,
    env,
    lines: [],
    built: 0,
    run: (extraEnv = {}) =>
      deploy({
        root,
        env: { ...env, ...extraEnv },
        tmpdir: tmp,
        out: (line) => box.lines.push(line),
        build: async () => {
          box.built++;
        },
      }),
    calls: () => readCalls(log),
  };
  return box;
}

const commands = (calls: AskCall[]) =>
  calls.map((c) => c.args.filter((a) => !a.startsWith('file:')).join(' '));
const userConfig = (resources: unknown) =>
  (
    resources as {
      profiles: Record<string, { skillInfrastructure: { userConfig: Record<string, unknown> } }>;
    }
  ).profiles.default.skillInfrastructure.userConfig;
const lambdaEnv = (resources: unknown) =>
  (
    resources as {
      profiles: Record<
        string,
        { skillInfrastructure: { userConfig: { lambda: { environmentVariables: object } } } }
      >;
    }
  ).profiles.default.skillInfrastructure.userConfig.lambda.environmentVariables;

describe('first deploy of a new skill', () => {
  let box: Sandbox;
  let result: DeployResult;
  const originalResources = fs.readFileSync(path.join(REPO, 'ask-resources.json'), 'utf8');

  beforeAll(async () => {
    box = sandbox({ PERSISTENCE_TABLE: 'connect-remote' });
    result = await box.run();
  });

  test('runs the right commands, in order, after one build', () => {
    expect(commands(box.calls())).toEqual([
      '--version',
      'smapi get-vendor-list',
      'deploy',
      'deploy --target skill-infrastructure --ignore-hash',
      `smapi update-account-linking-info --skill-id ${SKILL_ID} --stage development --account-linking-request`,
    ]);
    expect(box.built).toBe(1);
    expect(box.calls().every((c) => c.cwd === box.root)).toBe(true);
  });

  test('SKILL_ID and PERSISTENCE_TABLE reach the Lambda through ask-resources.json; the file is restored', () => {
    const [, , first, second] = box.calls();
    expect(lambdaEnv(first.askResources)).toEqual({
      PERSISTENCE_TABLE: 'connect-remote',
    });
    expect(lambdaEnv(second.askResources)).toEqual({
      PERSISTENCE_TABLE: 'connect-remote',
      SKILL_ID,
    });
    // One API domain; skill events through skillEvents (ask-cli writes manifest.events from it); the region.
    for (const call of [first, second])
      expect(userConfig(call.askResources)).toMatchObject({
        targetEndpoint: ['custom'],
        skillEvents: { subscriptions: expect.arrayContaining(['SKILL_DISABLED']) },
        awsRegion: 'us-east-1',
      });
    expect(fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8')).toBe(originalResources);
    expect(box.calls().some((c) => JSON.stringify(c.askResources ?? {}).includes(SECRET))).toBe(false);
  });

  test('account linking: valid, complete JSON, in a 0600 file outside the project, removed afterwards', () => {
    const call = box.calls()[4];
    expect(call.files).toHaveLength(1);
    const [file] = call.files;
    expect(file.mode).toBe(0o600);
    expect(path.relative(box.root, file.path).startsWith('..')).toBe(true);
    expect(file.path.startsWith(box.tmp)).toBe(true);
    const template = JSON.parse(fs.readFileSync(path.join(REPO, 'accountLinking.json'), 'utf8'));
    expect(JSON.parse(file.content)).toEqual({
      accountLinkingRequest: { ...template.accountLinkingRequest, clientId: CLIENT_ID, clientSecret: SECRET },
    });
    expect(fs.existsSync(file.path)).toBe(false);
    expect(fs.readdirSync(box.tmp)).toEqual([]);
  });

  test('prints the three Alexa redirect URLs with the vendor id, and returns what it did', () => {
    const urls = [
      'https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR0',
      'https://layla.amazon.com/api/skill/link/M2TESTVENDOR0',
      'https://alexa.amazon.co.jp/api/skill/link/M2TESTVENDOR0',
    ];
    for (const url of urls) expect(box.lines).toContain(`  ${url}`);
    expect(result).toEqual({
      skillId: SKILL_ID,
      vendorId: 'M2TESTVENDOR0',
      lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:ask-connect-remote',
      region: 'us-east-1',
      redirectUrls: urls,
    });
  });

  test("prints the Lambda's role, and the table policy for its region and account", () => {
    expect(box.lines).toContain(
      'Lambda role: ask-lambda-connect-remote (arn:aws:iam::123456789012:role/ask-lambda-connect-remote)',
    );
    const policy = box.lines.find((l) => l.includes('aws iam put-role-policy'));
    expect(policy).toContain('--role-name ask-lambda-connect-remote');
    expect(policy).toContain('"Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/connect-remote"');
    expect(policy).toContain('"dynamodb:UpdateItem"');
  });

  test('the secret is in no line of output, no argument, no child environment', () => {
    expect(box.lines.join('\n')).not.toContain(SECRET);
    expect(
      box
        .calls()
        .flatMap((c) => c.args)
        .join(' '),
    ).not.toContain(SECRET);
    expect(box.calls().map((c) => c.secretInEnv)).toEqual([false, false, false, false, false]);
  });

  test('a second deploy knows the skill id: one ask deploy, already carrying SKILL_ID', async () => {
    fs.rmSync(box.log);
    await box.run();
    expect(commands(box.calls())).toEqual([
      '--version',
      'smapi get-vendor-list',
      'deploy',
      `smapi update-account-linking-info --skill-id ${SKILL_ID} --stage development --account-linking-request`,
    ]);
    expect(lambdaEnv(box.calls()[2].askResources)).toMatchObject({ SKILL_ID });
  });
});

describe('failures', () => {
  test('account linking fails: the temp file is still removed, the echoed secret is masked, exit is an error', async () => {
    const box = sandbox({ FAKE_ASK_FAIL: 'update-account-linking-info' });
    await expect(box.run()).rejects.toMatchObject({ name: 'DeployError', step: 'ask' });
    const call = box.calls().at(-1)!;
    expect(call.files[0].content).toContain(SECRET); // ask did receive it ...
    expect(fs.existsSync(call.files[0].path)).toBe(false); // ... and the file is gone
    expect(fs.readdirSync(box.tmp)).toEqual([]);
    const output = box.lines.join('\n');
    expect(output).toContain('request body'); // the fake's debug echo was relayed ...
    expect(output).toContain('****'); // ... masked
    expect(output).not.toContain(SECRET);
  });

  test('ask deploy fails: ask-resources.json is restored, nothing else runs', async () => {
    const box = sandbox({ FAKE_ASK_FAIL: 'deploy' });
    const before = fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8');
    await expect(box.run()).rejects.toBeInstanceOf(DeployError);
    expect(commands(box.calls())).toEqual(['--version', 'smapi get-vendor-list', 'deploy']);
    expect(fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8')).toBe(before);
  });

  test('missing Spotify credentials: stops before calling ask or building', async () => {
    const box = sandbox({ SPOTIFY_CLIENT_SECRET: '' });
    await expect(box.run()).rejects.toMatchObject({
      step: 'prerequisites',
      message: expect.stringMatching(/SPOTIFY_CLIENT_SECRET/),
    });
    expect(box.calls()).toEqual([]);
    expect(box.built).toBe(0);
  });

  test('ask-cli v1, a 2.x older than the README asks for, or no working profile: stops before building', async () => {
    for (const version of ['1.7.23', '2.1.0', '2.27.1', 'something else']) {
      const old = sandbox({ FAKE_ASK_VERSION: version });
      await expect(old.run()).rejects.toMatchObject({
        step: 'prerequisites',
        message: expect.stringContaining(
          `2.30.0 or later, is required (skill events through ask-resources.json need it); found ${version}`,
        ),
      });
      expect(old.built).toBe(0);
      expect(commands(old.calls())).toEqual(['--version']);
    }
    const v1 = sandbox({ FAKE_ASK_VERSION: '1.7.23' });
    await expect(v1.run()).rejects.toBeInstanceOf(DeployError);
    const broken = sandbox({ FAKE_ASK_VERSION: 'crash' });
    await expect(broken.run()).rejects.toMatchObject({
      step: 'prerequisites',
      message: expect.stringMatching(
        /ask-cli is installed but `ask --version` fails \(ask --version failed \(exit 1\)/,
      ),
    });
    expect(broken.lines.join('\n')).toContain('Class extends value undefined');
    const absent = sandbox({ PATH: '/nonexistent' });
    await expect(absent.run()).rejects.toMatchObject({
      message: expect.stringMatching(/^ask-cli v2 is not installed/),
    });
    const newer = sandbox({ FAKE_ASK_VERSION: 'ask-cli 2.31.0' });
    await expect(newer.run()).resolves.toMatchObject({ skillId: SKILL_ID });
    const noProfile = sandbox({ FAKE_ASK_FAIL: 'get-vendor-list' });
    await expect(noProfile.run()).rejects.toMatchObject({ message: expect.stringMatching(/ask configure/) });
    expect(noProfile.built + v1.built).toBe(0);
  });
});

describe('the region', () => {
  const deployedRegion = (box: Sandbox) =>
    box
      .calls()
      .filter((c) => c.args[0] === 'deploy')
      .map((c) => userConfig(c.askResources).awsRegion);

  test('--region eu-west-1: the Lambda goes there, and the table policy names it', async () => {
    const box = sandbox({ PERSISTENCE_TABLE: 'connect-remote' });
    const result = await deploy({
      root: box.root,
      env: box.env,
      tmpdir: box.tmp,
      region: 'eu-west-1',
      out: (l) => box.lines.push(l),
      build: async () => {},
    });
    expect(result.region).toBe('eu-west-1');
    expect(result.lambdaArn).toMatch(/^arn:aws:lambda:eu-west-1:/);
    expect(deployedRegion(box)).toEqual(['eu-west-1', 'eu-west-1']);
    expect(box.lines).toContain('Region eu-west-1 (from --region)');
    expect(box.lines.join('\n')).toContain('arn:aws:dynamodb:eu-west-1:123456789012:table/connect-remote');
    // ask-resources.json is back as committed.
    expect(fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(REPO, 'ask-resources.json'), 'utf8'),
    );
  });

  test('AWS_REGION=us-west-2 without --region; the next deploy stays where the Lambda is', async () => {
    const box = sandbox({ AWS_REGION: 'us-west-2' });
    await box.run();
    expect(deployedRegion(box)).toEqual(['us-west-2', 'us-west-2']);
    fs.rmSync(box.log);
    delete box.env.AWS_REGION;
    await box.run();
    expect(deployedRegion(box)).toEqual(['us-west-2']);
    expect(box.lines).toContain('Region us-west-2 (from the existing Lambda)');
  });

  test('a region Alexa cannot call, or a move away from the existing Lambda: stops before building, saying what to do', async () => {
    const box = sandbox({ AWS_REGION: 'eu-central-1' });
    await expect(box.run()).rejects.toMatchObject({
      step: 'prerequisites',
      message: expect.stringMatching(
        /AWS_REGION asks for region eu-central-1, where Alexa cannot call a Lambda; use one of us-east-1, eu-west-1, us-west-2/,
      ),
    });
    expect(box.built).toBe(0);
    delete box.env.AWS_REGION;
    await box.run();
    const moved = deploy({
      root: box.root,
      env: box.env,
      tmpdir: box.tmp,
      region: 'eu-west-1',
      out: () => {},
      build: async () => {},
    });
    await expect(moved).rejects.toMatchObject({
      message: expect.stringMatching(/Lambda is in us-east-1 .* --region us-east-1/),
    });
  });
});

describe('.env', () => {
  test('parses KEY=VALUE lines, export, comments and quotes, without interpolation', () => {
    expect(
      parseDotEnv(
        [
          '# Spotify app',
          'SPOTIFY_CLIENT_ID=abc123  # inline comment',
          'export SPOTIFY_CLIENT_SECRET="s3cr$t=="',
          "ASK_PROFILE='work'",
          'not a line',
          '',
          'EMPTY=',
        ].join('\n'),
      ),
    ).toEqual({
      SPOTIFY_CLIENT_ID: 'abc123',
      SPOTIFY_CLIENT_SECRET: 's3cr$t==',
      ASK_PROFILE: 'work',
      EMPTY: '',
    });
  });

  test('credentials from a .env file at the root work like the environment, which wins', async () => {
    const box = sandbox({ SPOTIFY_CLIENT_ID: '', SPOTIFY_CLIENT_SECRET: '' });
    delete box.env.SPOTIFY_CLIENT_ID;
    delete box.env.SPOTIFY_CLIENT_SECRET;
    fs.writeFileSync(
      path.join(box.root, '.env'),
      `SPOTIFY_CLIENT_ID=${CLIENT_ID}\nSPOTIFY_CLIENT_SECRET=${SECRET}\n`,
    );
    await box.run();
    const linking = box.calls().at(-1)!;
    expect(JSON.parse(linking.files[0].content).accountLinkingRequest).toMatchObject({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
    });
    expect(box.lines.join('\n')).not.toContain(SECRET);
    expect(linking.secretInEnv).toBe(false);
  });
});

test('readAskStates reads ask-cli v2 deploy state', () => {
  const box = sandbox();
  fs.mkdirSync(path.join(box.root, '.ask'));
  fs.writeFileSync(
    path.join(box.root, '.ask/ask-states.json'),
    JSON.stringify({
      askcliStatesVersion: '2020-03-31',
      profiles: {
        work: {
          skillId: SKILL_ID,
          skillInfrastructure: {
            '@ask-cli/lambda-deployer': {
              deployState: { default: { iamRole: 'role-arn', lambda: { arn: 'fn-arn' } } },
            },
          },
        },
      },
    }),
  );
  expect(readAskStates(box.root, 'work')).toEqual({
    skillId: SKILL_ID,
    lambdaArn: 'fn-arn',
    iamRole: 'role-arn',
  });
  expect(readAskStates(box.root, 'default')).toEqual({
    skillId: undefined,
    lambdaArn: undefined,
    iamRole: undefined,
  });
});

test('npm run deploy as a process: exit 0, redirect URLs on stdout, no secret anywhere; exit 1 on failure', () => {
  const box = sandbox();
  const run = (extra: NodeJS.ProcessEnv) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'tools/deploy/main.ts'), '--root', box.root, '--skip-build'],
      {
        cwd: REPO,
        env: { ...box.env, ...extra, TMPDIR: box.tmp },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
  const ok = run({});
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('https://layla.amazon.com/api/skill/link/M2TESTVENDOR0');
  expect(ok.stdout + ok.stderr).not.toContain(SECRET);
  const failed = run({ FAKE_ASK_FAIL: 'update-account-linking-info' });
  expect(failed.status).toBe(1);
  expect(failed.stderr).toMatch(/deploy failed: ask smapi update-account-linking-info failed \(exit 1\)/);
  expect(failed.stdout + failed.stderr).not.toContain(SECRET);
  // tsx keeps its cache in TMPDIR too; no account-linking folder may remain.
  expect(fs.readdirSync(box.tmp).filter((f) => f.startsWith('connect-remote-'))).toEqual([]);
  expect(failed.stdout).toMatch(/account-linking-request file:.*connect-remote-/);
});

describe('tools/deploy/main.ts as a process (the fake ask first on PATH, --root a copy, --skip-build)', () => {
  // What a deploy could write to: none of it may change in the repository itself.
  const watched = ['ask-resources.json', 'accountLinking.json', 'skill-package', '.ask', '.env'];
  const repoState = () => ({
    status: execFileSync('git', ['status', '--porcelain', '--ignored', '--', ...watched], {
      cwd: REPO,
      encoding: 'utf8',
    }),
    askResources: fs.readFileSync(path.join(REPO, 'ask-resources.json'), 'utf8'),
  });
  const main = (box: Sandbox, env: NodeJS.ProcessEnv) => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'tools/deploy/main.ts'), '--root', box.root, '--skip-build'],
      { cwd: REPO, env: { ...env, TMPDIR: box.tmp }, encoding: 'utf8', timeout: 60_000 },
    );
    if (result.error) throw result.error;
    return result;
  };
  const asked = (stdout: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('$ ask '))
      .map((l) => l.slice('$ ask '.length).replace(/ file:\S+/, ''));
  const firstDeploy = [
    '--version',
    'smapi get-vendor-list',
    'deploy',
    'deploy --target skill-infrastructure --ignore-hash',
    `smapi update-account-linking-info --skill-id ${SKILL_ID} --stage development --account-linking-request`,
  ];

  test('exit 0, the ask commands in order, the secret nowhere in stdout or stderr, the repository untouched', () => {
    const before = repoState();
    const box = sandbox();
    const result = main(box, box.env);
    expect(result.stderr).not.toMatch(/deploy failed/);
    expect(result.status).toBe(0);
    expect(commands(box.calls())).toEqual(firstDeploy);
    expect(asked(result.stdout)).toEqual(firstDeploy);
    expect(result.stdout).toContain('(--skip-build: using the existing bundle)');
    expect(result.stdout).toContain(`Deployed skill ${SKILL_ID}`);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(box.calls().map((c) => c.secretInEnv)).toEqual([false, false, false, false, false]);
    expect(box.calls().every((c) => c.cwd === box.root)).toBe(true);
    expect(fs.readdirSync(box.tmp).filter((f) => f.startsWith('connect-remote-'))).toEqual([]);
    expect(repoState()).toEqual(before);
  });

  test('--region eu-west-1 and a table: ask deploys there; the role and the policy for that region are printed', () => {
    const box = sandbox({ PERSISTENCE_TABLE: 'connect-remote' });
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO, 'tools/deploy/main.ts'),
        '--root',
        box.root,
        '--skip-build',
        '--region',
        'eu-west-1',
      ],
      { cwd: REPO, env: { ...box.env, TMPDIR: box.tmp }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    const deploys = box.calls().filter((c) => c.args[0] === 'deploy');
    expect(deploys.map((c) => userConfig(c.askResources))).toEqual([
      expect.objectContaining({ awsRegion: 'eu-west-1', targetEndpoint: ['custom'] }),
      expect.objectContaining({ awsRegion: 'eu-west-1', targetEndpoint: ['custom'] }),
    ]);
    expect(result.stdout).toContain('Region eu-west-1 (from --region)');
    expect(result.stdout).toContain('Lambda role: ask-lambda-connect-remote');
    expect(result.stdout).toContain('arn:aws:dynamodb:eu-west-1:123456789012:table/connect-remote');
    expect(fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(REPO, 'ask-resources.json'), 'utf8'),
    );
  });

  test('SPOTIFY_CLIENT_SECRET missing: exit 1 naming it, no ask call; a missing id never prints the secret', () => {
    const before = repoState();
    const noSecret = sandbox();
    const env = { ...noSecret.env };
    delete env.SPOTIFY_CLIENT_SECRET;
    const failed = main(noSecret, env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /deploy failed: SPOTIFY_CLIENT_SECRET missing: set it in the environment or in \.env/,
    );
    expect(noSecret.calls()).toEqual([]);
    expect(failed.stdout + failed.stderr).not.toContain(SECRET);

    // The secret is set and the id is not: the failure names the id and still never shows the secret.
    const noId = sandbox();
    const env2 = { ...noId.env };
    delete env2.SPOTIFY_CLIENT_ID;
    const failed2 = main(noId, env2);
    expect(failed2.status).toBe(1);
    expect(failed2.stderr).toMatch(/deploy failed: SPOTIFY_CLIENT_ID missing/);
    expect(noId.calls()).toEqual([]);
    expect(failed2.stdout + failed2.stderr).not.toContain(SECRET);
    expect(repoState()).toEqual(before);
  });
});

describe('interrupted: Ctrl-C or SIGTERM while ask runs', () => {
  jest.setTimeout(60_000);
  /** A sandbox that is also a git work tree with everything committed, so `git status` shows any change. */
  function committedSandbox(env: NodeJS.ProcessEnv): Sandbox {
    const box = sandbox(env);
    fs.copyFileSync(path.join(REPO, '.gitignore'), path.join(box.root, '.gitignore'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: box.root });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'sandbox');
    return box;
  }

  /** Starts main.ts, waits (at most 30 s) until the fake ask has recorded a call to `sub`, sends `signal`, waits for the exit. */
  async function interrupt(box: Sandbox, sub: string, signal: NodeJS.Signals) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'tools/deploy/main.ts'), '--root', box.root, '--skip-build'],
      {
        cwd: REPO,
        env: { ...box.env, FAKE_ASK_SLEEP: sub, TMPDIR: box.tmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    const inSub = () => box.calls().some((c) => (c.args[0] === 'smapi' ? c.args[1] : c.args[0]) === sub);
    while (!inSub()) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the fake ask never reached ${sub}:\n${stdout}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const during = {
      askResources: fs.readFileSync(path.join(box.root, 'ask-resources.json'), 'utf8'),
      tmp: fs.readdirSync(box.tmp).filter((f) => f.startsWith('connect-remote-')),
    };
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no exit within 20 s')), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
    return { code, stdout, stderr, during };
  }

  /** Every file under dir (skipping .git), as text. */
  const filesUnder = (dir: string): string[] =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && !path.join(d.parentPath, d.name).includes(`${path.sep}.git${path.sep}`))
      .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'));

  test('SIGINT during account linking: the copy holding the secret is gone, exit 130, git status clean', async () => {
    const box = committedSandbox({});
    const { code, stdout, stderr, during } = await interrupt(box, 'update-account-linking-info', 'SIGINT');
    // At the moment of the signal the secret was on disk, outside the project ...
    expect(during.tmp).toHaveLength(1);
    // ... and after it, nowhere.
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping ask and putting every file back/);
    expect(stderr).toMatch(/deploy failed: interrupted/);
    expect(fs.readdirSync(box.tmp).filter((f) => f.startsWith('connect-remote-'))).toEqual([]);
    expect(filesUnder(box.tmp).some((text) => text.includes(SECRET))).toBe(false);
    expect(filesUnder(box.root).some((text) => text.includes(SECRET))).toBe(false);
    expect(stdout + stderr).not.toContain(SECRET);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: box.root, encoding: 'utf8' })).toBe('');
  });

  test('SIGTERM during ask deploy: ask-resources.json, rewritten for it, is put back; exit 143', async () => {
    const box = committedSandbox({ PERSISTENCE_TABLE: 'connect-remote' });
    const { code, during } = await interrupt(box, 'deploy', 'SIGTERM');
    expect(during.askResources).toContain('PERSISTENCE_TABLE'); // the tool had changed it ...
    expect(code).toBe(143);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: box.root, encoding: 'utf8' })).toBe(''); // ... and put it back
    expect(commands(box.calls())).toEqual(['--version', 'smapi get-vendor-list', 'deploy']);
  });
});
