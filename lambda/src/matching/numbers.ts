/**
 * Number words to digits, on tokens that are already lower-case and accent-free, so that "workout mix two",
 * "top forty", "the nineties", "two thousands" and "nineteen ninety nine" compare equal to "workout mix 2",
 * "top 40", "90s", "2000s" and "1999". Both the spoken text and the names go through the same pass, so a name
 * written with words ("One Direction") still meets a transcription with digits ("1 direction").
 */

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand';

interface NumberWord {
  kind: Kind;
  value: number;
  /** Ends the number and is appended to it: "nineties" -> "90s", "twenty first" -> "21st". */
  suffix?: string;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
const TEEN_ORDINALS = TEENS.map((w) => (w === 'twelve' ? 'twelfth' : `${w}th`));
const TENS_ORDINALS = TENS.map((w) => (w ? `${w.slice(0, -1)}ieth` : ''));

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Built once at module load. */
const WORDS: ReadonlyMap<string, NumberWord> = (() => {
  const m = new Map<string, NumberWord>();
  UNITS.forEach((w, v) => m.set(w, { kind: 'unit', value: v }));
  UNIT_ORDINALS.forEach((w, v) => w && m.set(w, { kind: 'unit', value: v, suffix: ordinalSuffix(v) }));
  TEENS.forEach((w, i) => m.set(w, { kind: 'teen', value: 10 + i }));
  TEEN_ORDINALS.forEach((w, i) => m.set(w, { kind: 'teen', value: 10 + i, suffix: 'th' }));
  m.set('tens', { kind: 'teen', value: 10, suffix: 's' }); // "twenty tens" -> 2010s
  TENS.forEach((w, i) => {
    if (!w) return;
    m.set(w, { kind: 'tens', value: i * 10 });
    m.set(`${w.slice(0, -1)}ies`, { kind: 'tens', value: i * 10, suffix: 's' }); // nineties
    m.set(`${w}s`, { kind: 'tens', value: i * 10, suffix: 's' }); // "ninety's" once the apostrophe is gone
  });
  TENS_ORDINALS.forEach((w, i) => w && m.set(w, { kind: 'tens', value: i * 10, suffix: 'th' }));
  m.set('hundred', { kind: 'hundred', value: 100 });
  m.set('hundreds', { kind: 'hundred', value: 100, suffix: 's' });
  m.set('hundredth', { kind: 'hundred', value: 100, suffix: 'th' });
  m.set('thousand', { kind: 'thousand', value: 1000 });
  m.set('thousands', { kind: 'thousand', value: 1000, suffix: 's' });
  m.set('thousandth', { kind: 'thousand', value: 1000, suffix: 'th' });
  return m;
})();

type State = 'start' | 'unit' | 'teen' | 'tens' | 'year' | 'yearTens' | 'hundred' | 'thousand';

/** Reads one number starting at `start`; returns its digits and the index after it, or null if none starts there. */
function readNumber(tokens: readonly string[], start: number): { text: string; next: number } | null {
  let thousands = 0;
  let cur = 0;
  let state: State = 'start';
  let suffix = '';
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    // "two thousand and five", "one hundred and one": "and" belongs to the number only between number words.
    if (token === 'and' && (state === 'hundred' || state === 'thousand') && WORDS.has(tokens[i + 1] ?? '')) {
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
export function numberWordsToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = WORDS.has(tokens[i]) ? readNumber(tokens, i) : null;
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
