/**
 * Number words to digits, on tokens that are already lower-case and accent-free, so that "workout mix two",
 * "top forty", "the nineties", "two thousands" and "nineteen ninety nine" compare equal to "workout mix 2",
 * "top 40", "90s", "2000s" and "1999". Both the spoken text and the names go through the same pass, so a name
 * written with words ("One Direction") still meets a transcription with digits ("1 direction").
 */

import type { NumberWords } from './types';

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand';

interface NumberWord {
  kind: Kind;
  value: number;
  /** Ends the number and is appended to it: "nineties" -> "90s", "twenty first" -> "21st". */
  suffix?: string;
}

/** Each language's number words, read from its pack once (on first use, not at load) and kept. */
const compiled = new WeakMap<NumberWords, ReadonlyMap<string, NumberWord>>();

function wordsOf(lang: NumberWords): ReadonlyMap<string, NumberWord> {
  const known = compiled.get(lang);
  if (known) return known;
  const words = new Map<string, NumberWord>();
  lang.units.forEach((w, v) => words.set(w, { kind: 'unit', value: v }));
  lang.unitOrdinals.forEach(
    (w, v) => w && words.set(w, { kind: 'unit', value: v, suffix: lang.ordinalSuffix(v) }),
  );
  lang.teens.forEach((w, i) => words.set(w, { kind: 'teen', value: 10 + i }));
  lang.teenOrdinals.forEach((w, i) =>
    words.set(w, { kind: 'teen', value: 10 + i, suffix: lang.ordinalSuffix(10 + i) }),
  );
  words.set(lang.tensDecade, { kind: 'teen', value: 10, suffix: lang.pluralSuffix });
  lang.tens.forEach((w, i) => {
    if (!w) return;
    words.set(w, { kind: 'tens', value: i * 10 });
    for (const decade of lang.decades[i] ?? [])
      words.set(decade, { kind: 'tens', value: i * 10, suffix: lang.pluralSuffix });
  });
  lang.tensOrdinals.forEach(
    (w, i) => w && words.set(w, { kind: 'tens', value: i * 10, suffix: lang.ordinalSuffix(i * 10) }),
  );
  for (const [big, value] of [
    [lang.hundred, 100],
    [lang.thousand, 1000],
  ] as const) {
    const kind = value === 100 ? 'hundred' : 'thousand';
    words.set(big.cardinal, { kind, value });
    words.set(big.plural, { kind, value, suffix: lang.pluralSuffix });
    words.set(big.ordinal, { kind, value, suffix: lang.ordinalSuffix(value) });
  }
  compiled.set(lang, words);
  return words;
}

type State = 'start' | 'unit' | 'teen' | 'tens' | 'year' | 'yearTens' | 'hundred' | 'thousand';

/** Reads one number starting at `start`; returns its digits and the index after it, or null if none starts there. */
function readNumber(
  tokens: readonly string[],
  start: number,
  WORDS: ReadonlyMap<string, NumberWord>,
  joiner: string,
): { text: string; next: number } | null {
  let thousands = 0;
  let cur = 0;
  let state: State = 'start';
  let suffix = '';
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    // "two thousand and five", "one hundred and one": "and" belongs to the number only between number words.
    if (token === joiner && (state === 'hundred' || state === 'thousand') && WORDS.has(tokens[i + 1] ?? '')) {
      i++;
      continue;
    }
    const word = WORDS.get(token);
    if (!word) break;
    const twoDigits = cur >= 10 && cur < 100 && thousands === 0;
    let next: State | null = null;
    switch (word.kind) {
      case 'unit':
        if (state === 'start') [cur, next] = [word.value, 'unit'];
        else if (state === 'tens' || state === 'yearTens' || state === 'hundred' || state === 'thousand')
          [cur, next] = [cur + word.value, 'unit'];
        break;
      case 'teen':
        if (state === 'start') [cur, next] = [word.value, 'teen'];
        else if (state === 'hundred' || state === 'thousand') [cur, next] = [cur + word.value, 'teen'];
        // "nineteen eleven", "twenty ten": years are read as two pairs of digits.
        else if ((state === 'teen' || state === 'tens') && twoDigits)
          [cur, next] = [cur * 100 + word.value, 'year'];
        break;
      case 'tens':
        if (state === 'start') [cur, next] = [word.value, 'tens'];
        else if (state === 'hundred' || state === 'thousand') [cur, next] = [cur + word.value, 'tens'];
        else if ((state === 'teen' || state === 'tens') && twoDigits)
          [cur, next] = [cur * 100 + word.value, 'yearTens'];
        break;
      case 'hundred':
        if (state === 'start') [cur, next] = [100, 'hundred'];
        else if ((state === 'unit' || state === 'teen' || state === 'tens') && cur < 100)
          [cur, next] = [cur * 100, 'hundred'];
        break;
      case 'thousand':
        if (thousands === 0 && cur < 1000 && state !== 'year' && state !== 'yearTens') {
          thousands = (state === 'start' ? 1 : cur) * 1000;
          [cur, next] = [0, 'thousand'];
        }
        break;
    }
    if (next === null) break;
    state = next;
    i++;
    if (word.suffix) {
      suffix = word.suffix;
      break;
    }
  }
  if (i === start) return null;
  return { text: `${thousands + cur}${suffix}`, next: i };
}

/** Replaces every run of number words with its digits: ["top", "forty"] -> ["top", "40"]. */
export function numberWordsToDigits(tokens: readonly string[], lang: NumberWords): string[] {
  const WORDS = wordsOf(lang);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = WORDS.has(tokens[i]) ? readNumber(tokens, i, WORDS, lang.joiner) : null;
    if (read) {
      out.push(read.text);
      i = read.next;
    } else {
      out.push(tokens[i]);
      i++;
    }
  }
  return out;
}
