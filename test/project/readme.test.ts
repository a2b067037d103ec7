/**
 * The README is the first thing a developer reads: its commands must be the ones that work, and its tables
 * must be the ones the code enforces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { roundTripsMarkdown } from '../support/round-trips';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The rows of the first markdown table between two HTML comment markers, as trimmed cells. */
function tableBetween(text: string, name: string): string[][] {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README.md has no ${name} block`);
  return cells(text.slice(start, end));
}

function cells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
}

describe('README.md', () => {
  test('the round-trip table is the one test/support/round-trips.ts enforces', () => {
    expect(tableBetween(README, 'round-trips')).toEqual(cells(roundTripsMarkdown()));
  });

  test('the quick start is the two commands a fresh clone needs, and .ci/run runs the README test command', () => {
    expect(README).toContain('npm install && npm start');
    expect(README).toMatch(/```sh\nnpm test\n```/);
    const ci = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci.split('\n').filter((l) => /^npm (test|ci)\b/.test(l.trim()))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm test',
    ]);
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  test('every npm script it mentions exists', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    const mentioned = [...README.matchAll(/npm run ([a-z]+(?:[:-][a-z]+)*)/g)].map((m) => m[1]);
    expect(mentioned.length).toBeGreaterThan(5);
    expect(mentioned.filter((name) => !(name in scripts))).toEqual([]);
  });

  test('every local file it links exists', () => {
    const links = [...README.matchAll(/\]\(((?!https?:)[^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !fs.existsSync(path.join(ROOT, l)))).toEqual([]);
  });

  test('it carries the latest benchmark table with its date', () => {
    const rows = tableBetween(README, 'bench');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const section = README.slice(README.indexOf('## Performance'), README.indexOf('<!-- bench:end -->'));
    expect(section).toMatch(/Latest run: \*\*20\d\d-\d\d-\d\d \d\d:\d\d UTC\*\*/);
  });
});
