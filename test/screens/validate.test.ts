/** Amazon's APL validator over every document the skill sends, and Alexa's limits over every screen. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOCUMENTS } from '../../lambda/src/screens/documents';
import { validateDocuments, validateScreens } from '../../tools/validate/apl';

test("every document passes apl-suggester (Amazon's APL linter) with no finding", async () => {
  expect(await validateDocuments()).toEqual([]);
});

test('every screen on every screen class is within the size limit, with HTTPS images and escaped names', () => {
  expect(validateScreens()).toEqual([]);
});

test('a broken document fails: an unknown property, a bad enum value, an image without a source', async () => {
  const broken = JSON.parse(JSON.stringify(DOCUMENTS.nowPlaying));
  const items = broken.mainTemplate.items[0].items;
  items[1].textAlign = 'middle';
  items.push({ type: 'Image', width: '10dp', height: '10dp', scale: 'stretch' });
  items.push({ type: 'Frame', bogus: 1 });
  const problems = await validateDocuments({ broken });
  expect(problems.map((p) => p.rule)).toEqual(Array(problems.length).fill('apl-suggester'));
  const paths = problems.map((p) => p.path).join('\n');
  expect(paths).toMatch(/textAlign/);
  expect(paths).toMatch(/scale/);
  expect(problems.some((p) => /bogus/.test(p.message))).toBe(true);
});

test('`npm run validate` runs the APL checks and fails on a broken document', () => {
  const main = path.resolve(__dirname, '../../tools/validate/main.ts');
  // Passing: the one line of the other checks (exit 0).
  const ok = execFileSync(process.execPath, ['--import', 'tsx', main], { encoding: 'utf8' });
  expect(ok).toMatch(/^validate: .* fine\n$/);
  // The same run with a document broken through a preloaded module: exit code 1 and the finding.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apl-broken-'));
  const preload = path.join(dir, 'break.ts');
  fs.writeFileSync(
    preload,
    `import { DOCUMENTS } from ${JSON.stringify(path.resolve(__dirname, '../../lambda/src/screens/documents'))};\n` +
      `(DOCUMENTS.message as any).mainTemplate.items[0].items.push({ type: 'Text', textAlign: 'middle' });\n`,
  );
  let failed: { status?: number; stderr?: string } = {};
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--import', preload, main], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    failed = error as typeof failed;
  }
  expect(failed.status).toBe(1);
  expect(failed.stderr).toMatch(/message\/mainTemplate.*textAlign.*apl-suggester/);
});
