import fc from 'fast-check';
import { en } from '../../lambda/src/lang/en';
import {
  matchName as matchIn,
  normalizeName as normalizeIn,
  type Candidate,
  type MatchOptions,
  type MatchResult,
} from '../../lambda/src/matching';
import { editDistance, soundKey } from '../../lambda/src/matching/similarity';
import { MATCH_CASES, PLAYLISTS, type MatchCase } from './cases';

/** The matcher takes a language; these cases are English. */
const ENGLISH = en.understand.matching;
function matchName<T>(
  spoken: string,
  candidates: ReadonlyArray<Candidate<T>>,
  options?: MatchOptions,
): MatchResult<T> {
  return matchIn(ENGLISH, spoken, candidates, options);
}
const normalizeName = (text: string) => normalizeIn(ENGLISH, text);

const candidates = (names: ReadonlyArray<string>): Candidate<string>[] =>
  names.map((name) => ({ name, value: name }));

/** What a result offers, in the vocabulary of the table: a name, null, or the ambiguous names. */
function outcome(result: MatchResult<string>): string | null | string[] {
  if (result.kind === 'match') return result.best.value;
  if (result.kind === 'ambiguous') return result.options.map((o) => o.value);
  return null;
}

function passes(c: MatchCase, got: string | null | string[]): boolean {
  if (Array.isArray(c.expect)) {
    return Array.isArray(got) && got.length === c.expect.length && c.expect.every((n) => got.includes(n));
  }
  return got === c.expect;
}

// Run the whole table once, up front, so the score can be part of the test's name.
const runs = MATCH_CASES.map((c) => {
  const result = matchName(c.spoken, candidates(c.library), { kind: c.kind });
  const got = outcome(result);
  return { c, result, got, ok: passes(c, got) };
});
const passed = runs.filter((r) => r.ok).length;

describe('the spoken-name matching table', () => {
  test(`scores ${passed}/${MATCH_CASES.length}: every case gives what the table expects`, () => {
    const wrong = runs
      .filter((r) => !r.ok)
      .map(
        (r) =>
          `U: "${r.c.spoken}" (${r.c.kind}) expected ${JSON.stringify(r.c.expect)}, got ${JSON.stringify(r.got)} ` +
          `${JSON.stringify(r.result)}`,
      );
    expect(wrong).toEqual([]);
  });

  test('is big and varied enough to mean something', () => {
    expect(MATCH_CASES.length).toBeGreaterThanOrEqual(80);
    expect(MATCH_CASES.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(20);
    expect(MATCH_CASES.filter((c) => Array.isArray(c.expect)).length).toBeGreaterThanOrEqual(8);
    expect(MATCH_CASES.filter((c) => c.kind === 'device').length).toBeGreaterThanOrEqual(20);
  });

  test('only expects names that are in the case library, and offers 2 or 3 of them', () => {
    const broken = MATCH_CASES.filter((c) => {
      const names = c.expect === null ? [] : Array.isArray(c.expect) ? c.expect : [c.expect];
      const badSize = Array.isArray(c.expect) && (c.expect.length < 2 || c.expect.length > 3);
      return badSize || names.some((n) => !c.library.includes(n));
    });
    expect(broken).toEqual([]);
  });

  test('the table check itself tells a wrong answer from a right one', () => {
    const c: MatchCase = { spoken: 'x', kind: 'playlist', library: ['A', 'B'], expect: ['A', 'B'] };
    expect(passes(c, ['B', 'A'])).toBe(true);
    expect(passes(c, ['A'])).toBe(false);
    expect(passes(c, 'A')).toBe(false);
    expect(passes({ ...c, expect: null }, 'A')).toBe(false);
    expect(passes({ ...c, expect: 'A' }, null)).toBe(false);
  });
});

describe('normalizeName', () => {
  test.each([
    ["Mum's Favourites", 'mums favourites'],
    ['mums favourites', 'mums favourites'],
    ['Rock & Roll', 'rock and roll'],
    ["Rock 'n' Roll", 'rock and roll'],
    ['R&B Classics', 'rnb classics'],
    ['r. and b. classics', 'rnb classics'],
    ['r n b classics', 'rnb classics'],
    ["R 'n' B", 'rnb'],
    ['Chill 🌙 Vibes', 'chill vibes'],
    ['Café del Mar', 'cafe del mar'],
    ['Sigur Rós', 'sigur ros'],
    ['Jörg’s Laptop', 'jorgs laptop'],
    ['Best of the 2000s', 'best of the 2000s'],
    ['best of the two thousands', 'best of the 2000s'],
    ['the nineties', 'the 90s'],
    ["the 90's", 'the 90s'],
    ['nineteen ninety nine', '1999'],
    ['nineteen eighties', '1980s'],
    ['twenty twenty four', '2024'],
    ['two thousand and five', '2005'],
    ['twenty tens', '2010s'],
    ['one hundred and one', '101'],
    ['top forty', 'top 40'],
    ['workout mix two', 'workout mix 2'],
    ['Workout Mix2', 'workout mix 2'],
    ['twenty first century', '21st century'],
    ['lofi', 'lofi'],
    ['lo-fi', 'lofi'],
    ['low fi', 'lofi'],
    ['Hip-Hop', 'hiphop'],
    ['Living Room T.V.', 'living room tv'],
    ['Good Nite', 'good night'],
    ['  MIXED   case\tand\nspace  ', 'mixed case and space'],
    ['Über Straße', 'uber strasse'],
    ['1,000 Songs', '1000 songs'],
    ['DESKTOP-4F9K2L', 'desktop 4f9k2l'],
    ['PS5', 'playstation 5'],
    ['', ''],
    ['🎵🎶', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  test('keeps letters of other scripts', () => {
    expect(normalizeName('Лучшие песни')).toBe('лучшие песни');
    expect(normalizeName('夜のドライブ')).toBe('夜のドライブ');
  });

  test('is total and bounded: non-strings and huge strings', () => {
    expect(normalizeName(null as unknown as string)).toBe('');
    expect(normalizeName(42 as unknown as string)).toBe('');
    const huge = normalizeName('word '.repeat(100_000));
    expect(huge.split(' ').length).toBeLessThanOrEqual(16);
  });

  test('is idempotent', () => {
    for (const name of PLAYLISTS) expect(normalizeName(normalizeName(name))).toBe(normalizeName(name));
  });
});

describe('word similarity helpers', () => {
  test('edit distance counts an adjacent swap once and stops at the cap', () => {
    expect(editDistance('party', 'party', 2)).toBe(0);
    expect(editDistance('parti', 'party', 2)).toBe(1);
    expect(editDistance('form', 'from', 2)).toBe(1);
    expect(editDistance('jazz', 'jar', 1)).toBe(2);
    expect(editDistance('kitchen', 'bathroom', 2)).toBe(3);
  });

  test('the sound key hears transcription errors alike and different words apart', () => {
    expect(soundKey('mics')).toBe(soundKey('mix'));
    expect(soundKey('parti')).toBe(soundKey('party'));
    expect(soundKey('nite')).toBe(soundKey('night'));
    expect(soundKey('bathroom')).not.toBe(soundKey('bedroom'));
    expect(soundKey('jazz')).not.toBe(soundKey('jar'));
    expect(soundKey('kitchen')).not.toBe(soundKey('chicken'));
  });
});

describe('matchName', () => {
  const library = candidates(PLAYLISTS);

  test('U: "workout mix" with Workout Mix and Workout Mix 2: the exact name wins outright', () => {
    const result = matchName('workout mix', candidates(['Workout Mix 2', 'Workout Mix']));
    expect(result).toEqual({ kind: 'match', best: { name: 'Workout Mix', value: 'Workout Mix', score: 1 } });
  });

  test('ambiguous options are best first, at most three, all above the threshold', () => {
    const result = matchName(
      'workout',
      candidates(['Workout Beats', 'Workout Mix', 'Workout Mix 2', 'Workout 3', 'Dinner']),
    );
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.options.length).toBeGreaterThanOrEqual(2);
    expect(result.options.length).toBeLessThanOrEqual(3);
    const scores = result.options.map((o) => o.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.options.map((o) => o.name)).not.toContain('Dinner');
  });

  test('none carries the nearest candidate, and never acts on it', () => {
    const result = matchName('workout mix three', candidates(['Workout Mix', 'Dinner Party']));
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && result.nearest?.name).toBe('Workout Mix');
  });

  test('none without a nearest when nothing is related at all', () => {
    expect(matchName('jazz', candidates(['Dinner Party', 'Top 40']))).toEqual({ kind: 'none' });
  });

  test('the value is handed back untouched', () => {
    const device = { id: 'd1', name: 'Kitchen speaker' };
    const result = matchName('kitchen', [{ name: device.name, value: device }], { kind: 'device' });
    expect(result.kind === 'match' && result.best.value).toBe(device);
  });

  test('scores lie in 0..1 and an exact name scores 1', () => {
    const result = matchName('Rock & Roll', library);
    expect(result).toMatchObject({ kind: 'match', best: { name: 'Rock & Roll', score: 1 } });
    const partial = matchName('hearts', library);
    expect(partial.kind).toBe('match');
    if (partial.kind === 'match') {
      expect(partial.best.score).toBeGreaterThan(0);
      expect(partial.best.score).toBeLessThan(1);
    }
  });

  test('the threshold option is honoured', () => {
    expect(matchName('beyonce', library).kind).toBe('match');
    expect(matchName('beyonce', library, { threshold: 0.99 }).kind).toBe('none');
    expect(matchName('jazz', library, { threshold: 0 }).kind).not.toBe('match');
  });

  test('the margin option is honoured', () => {
    const names = candidates(['Kitchen speaker', 'Kitchen Display']);
    expect(matchName('kitchen', names, { kind: 'device' }).kind).toBe('ambiguous');
    expect(matchName('kitchen', names, { kind: 'device', margin: 0.01 })).toMatchObject({
      kind: 'match',
      best: { name: 'Kitchen speaker' },
    });
  });

  test('"speaker" is a generic word for devices but part of the name otherwise', () => {
    const names = candidates(['Kitchen', 'Kitchen Display']);
    expect(matchName('kitchen speaker', names, { kind: 'device' })).toMatchObject({
      kind: 'match',
      best: { name: 'Kitchen' },
    });
    expect(matchName('kitchen speaker', names).kind).toBe('none');
  });

  describe('edge cases', () => {
    test('empty spoken text, whitespace and punctuation only', () => {
      expect(matchName('', library)).toEqual({ kind: 'none' });
      expect(matchName('   ', library)).toEqual({ kind: 'none' });
      expect(matchName('?!…', library)).toEqual({ kind: 'none' });
    });

    test('an empty candidate list', () => {
      expect(matchName('workout mix', [])).toEqual({ kind: 'none' });
    });

    test('null-ish entries and names are skipped', () => {
      const messy = [
        null,
        undefined,
        { name: null, value: 'x' },
        { name: undefined, value: 'y' },
        { name: '', value: 'z' },
        { name: '🎵', value: 'e' },
        { name: 42, value: 'n' },
        { name: 'Workout Mix', value: 'w' },
      ] as unknown as Candidate<string>[];
      expect(matchName('workout mix', messy)).toMatchObject({ kind: 'match', best: { value: 'w' } });
      expect(matchName('workout mix', null as unknown as Candidate<string>[])).toEqual({ kind: 'none' });
      expect(matchName(null as unknown as string, library)).toEqual({ kind: 'none' });
    });

    test('a thousand candidates: the right one is still found', () => {
      const many = Array.from({ length: 1000 }, (_, i) => ({ name: `Playlist number ${i} 🎧`, value: i }));
      many.push({ name: 'Workout Mix', value: -1 });
      expect(matchName('workout mix', many)).toMatchObject({ kind: 'match', best: { value: -1 } });
      expect(matchName('playlist number 512', many)).toMatchObject({ kind: 'match', best: { value: 512 } });
      expect(matchName('jazz', many).kind).toBe('none');
    });

    test('huge strings are capped, not choked on', () => {
      const huge = 'workout mix '.repeat(50_000);
      expect(() => matchName(huge, library)).not.toThrow();
      expect(matchName('workout mix', [{ name: 'x'.repeat(1_000_000), value: 'big' }]).kind).toBe('none');
    });

    test('identical names cannot be told apart by voice: the first is taken, not asked about', () => {
      const twins = [
        { name: 'Echo Dot', value: 1 },
        { name: 'Echo Dot', value: 2 },
      ];
      expect(matchName('echo dot', twins)).toMatchObject({ kind: 'match', best: { value: 1 } });
    });

    test('never throws and always answers a well-formed result (property)', () => {
      const name = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...PLAYLISTS));
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('workout', 'rock', 'tv', '')),
          fc.array(fc.record({ name, value: fc.integer() }), { maxLength: 30 }),
          fc.record({
            threshold: fc.option(fc.double(), { nil: undefined }),
            margin: fc.option(fc.double(), { nil: undefined }),
            kind: fc.option(fc.constantFrom('playlist' as const, 'device' as const), { nil: undefined }),
          }),
          (spoken, list, options) => {
            const r = matchName(spoken, list, options);
            const scored =
              r.kind === 'match'
                ? [r.best]
                : r.kind === 'ambiguous'
                  ? r.options
                  : r.nearest
                    ? [r.nearest]
                    : [];
            if (r.kind === 'ambiguous') expect(r.options.length).toBeGreaterThanOrEqual(2);
            if (r.kind === 'ambiguous') expect(r.options.length).toBeLessThanOrEqual(3);
            for (const s of scored) {
              expect(s.score).toBeGreaterThanOrEqual(0);
              expect(s.score).toBeLessThanOrEqual(1);
              expect(list.some((c) => c.name === s.name && c.value === s.value)).toBe(true);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
