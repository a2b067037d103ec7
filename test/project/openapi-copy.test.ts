/**
 * The Spotify OpenAPI description the contract tests read lives in the repository, MIT-licensed, with its
 * licence and provenance beside it; when the team's shared copy is beside the checkout, ours is identical.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../tools/build';
import { loadSpec, SPEC_PATH } from '../emulator/openapi';

const DIR = path.join(ROOT, 'test/fixtures/spotify-web-api');
/** sha256 of the copy taken from shared/spotify-web-api (2026-12-04); change it only with a refreshed copy. */
const RECORDED_SHA256 = 'ddeb078a50208d94c4538bd891bec0c9e67c9f3406617a2d887f0a482a4501f4';
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('the description, its MIT licence and its provenance are committed together, and it is what tests read', () => {
  expect(SPEC_PATH).toBe(path.join(DIR, 'fixed-spotify-open-api.yml'));
  expect(fs.readFileSync(path.join(DIR, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
  expect(fs.readFileSync(path.join(DIR, 'SOURCE.md'), 'utf8')).toContain(
    'a3369587d22fb1b3fe4aeb4022d67469365695b8',
  );
  expect(loadSpec().version).toBe('2026.5.31');
});

const shared = path.resolve(ROOT, '../shared/spotify-web-api');
test(`the copy matches the shared one (${fs.existsSync(shared) ? 'present' : 'absent here: compared with the recorded hash'})`, () => {
  const ours = sha(path.join(DIR, 'fixed-spotify-open-api.yml'));
  if (fs.existsSync(shared)) expect(ours).toBe(sha(path.join(shared, 'fixed-spotify-open-api.yml')));
  expect(ours).toBe(RECORDED_SHA256);
});
