/**
 * What `ask deploy` uploads to Lambda. ask-cli (2.30.7) picks a build flow: `hooks/build.sh` in the directory
 * it runs from (the project root) wins; without it, "zip-only" zips code.default.src as it is. Both are
 * reproduced here the way ask-cli runs them (lib/controllers/skill-code-controller/code-builder.js,
 * lib/builtins/build-flows/{custom,zip-only,abstract-build-flow}.js), starting from the lambda/dist a fresh
 * clone has, and the zip is opened with adm-zip (ask-cli's zip library) and its handler called.
 */
import AdmZip from 'adm-zip';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../tools/build';
import { ASK_CLI_ZIP_DATE } from '../../tools/deploy/package';
import { aLaunch } from '../support/envelopes';
import { toReply } from '../support/harness';

type ResponseEnvelope = import('ask-sdk-model').ResponseEnvelope;

const resources = JSON.parse(fs.readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8'));
const CODE_SRC: string = resources.profiles.default.code.default.src;
const HANDLER: string = resources.profiles.default.skillInfrastructure.userConfig.handler;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** code.default.src as a fresh clone has it: only the tracked files under it. */
function freshCloneCodeSrc(): string {
  const dir = tempDir('fresh-code-src-');
  const tracked = execFileSync('git', ['ls-files', '--', CODE_SRC], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of tracked) fs.copyFileSync(path.join(ROOT, file), path.join(dir, path.basename(file)));
  return dir;
}

/** ask-cli's custom build flow: copy src into the build folder, run `hooks/build.sh "<zip>" false` there. */
function customBuildFlow(src: string, root = ROOT): { zip: string; status: number | null; stderr: string } {
  const build = tempDir('ask-build-');
  fs.cpSync(src, build, { recursive: true });
  const zip = path.join(build, 'build.zip');
  const result = spawnSync(path.join(root, 'hooks/build.sh'), [zip, 'false'], {
    cwd: build,
    env: process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { zip, status: result.status, stderr: result.stderr };
}

/** Unzips into a temp dir and loads the handler ask-resources.json names, as Lambda does. */
function lambdaHandler(zip: string): (event: unknown, context: unknown) => Promise<ResponseEnvelope> {
  const dir = tempDir('lambda-task-');
  new AdmZip(zip).extractAllTo(dir, true);
  const [file, exported] = HANDLER.split('.');
  return require(path.join(dir, `${file}.js`))[exported];
}

test('a fresh clone has code.default.src (ask-cli checks it exists before any build flow), holding no code', () => {
  expect(CODE_SRC).toBe('./lambda/dist');
  expect(fs.readdirSync(freshCloneCodeSrc())).toEqual(['.gitignore']);
});

describe('bare ask deploy on a fresh clone: the hook builds, and the zip holds exactly the handler', () => {
  let zip: string;
  beforeAll(() => {
    const result = customBuildFlow(freshCloneCodeSrc());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    zip = result.zip;
  });

  test('one entry, index.js, stamped with the date ask-cli uses', () => {
    const entries = new AdmZip(zip).getEntries();
    expect(entries.map((e) => e.entryName)).toEqual(['index.js']);
    expect(entries[0].header.time).toEqual(ASK_CLI_ZIP_DATE);
  });

  test(`Lambda's ${HANDLER} answers an unlinked launch with the LinkAccount card`, async () => {
    const reply = toReply(await lambdaHandler(zip)(aLaunch().build(), {}));
    expect(reply.card).toEqual({ type: 'LinkAccount' });
    expect(reply.speech).toMatch(/link/i);
  });

  test('the same sources give a byte-identical zip, so ask-cli skips an unchanged upload', () => {
    const again = customBuildFlow(freshCloneCodeSrc());
    expect(fs.readFileSync(again.zip).equals(fs.readFileSync(zip))).toBe(true);
  });
});

test('zip-only (ask-cli without the hook) of the built folder: the bundle and nothing that matters besides', () => {
  customBuildFlow(freshCloneCodeSrc()); // builds lambda/dist/index.js in the checkout
  const zip = new AdmZip();
  // abstract-build-flow.js createZip: zip.addLocalFolder(cwd, "", filter) of the copied code src.
  zip.addLocalFolder(path.join(ROOT, CODE_SRC));
  const names = zip
    .getEntries()
    .map((e) => e.entryName)
    .sort();
  expect(names).toEqual(['.gitignore', 'index.js']);
});

test('the hook without npm install: exit 1 and what to do, no zip', () => {
  const root = tempDir('no-modules-');
  fs.mkdirSync(path.join(root, 'hooks'));
  fs.copyFileSync(path.join(ROOT, 'hooks/build.sh'), path.join(root, 'hooks/build.sh'));
  fs.chmodSync(path.join(root, 'hooks/build.sh'), 0o755);
  const result = customBuildFlow(freshCloneCodeSrc(), root);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/run npm install in .* first/);
  expect(fs.existsSync(result.zip)).toBe(false);
});
