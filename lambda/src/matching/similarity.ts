/**
 * Word-level similarity for spoken names: exact, a small edit (Damerau-Levenshtein, adjacent swaps count
 * once), the same sound (a Metaphone-like consonant key), a clear prefix, or a number heard as a word.
 * Each kind of likeness has a fixed score, so a ranking can be explained: 1 same word, 0.95 plural or
 * possessive ("sam" / "sams", "2000" / "2000s"), 0.9 one edit ("favorites" / "favourites"), 0.85 "for" /
 * "4", 0.8 same sound ("mics" / "mix"), 0.75 two edits in a long word, 0.7 prefix, 0 anything else.
 */
import type { MatchLanguage } from './types';

/** One comparable word with what the comparisons need, computed once per word. */
export interface Term {
  text: string;
  /** Consonant skeleton: "mics" and "mix" -> "MKS", "parti" and "party" -> "PRT". */
  key: string;
  /** The first vowel after the first letter: keeps "mix" apart from "max" although their keys agree. */
  vowel: string;
  numeric: boolean;
  /** Letters only: may be joined with a neighbour ("work out" -> "workout"). */
  alpha: boolean;
  /** The number this word may be Alexa's spelling of ("to" -> "2", "for" -> "4"), if any. */
  number: string | undefined;
}

export const SAME = 1;
const PLURAL = 0.95;
const ONE_EDIT = 0.9;
const NUMBER_HOMOPHONE = 0.85;
const PLURAL_NUMBER = 0.95;
const SAME_SOUND = 0.8;
const TWO_EDITS = 0.75;
const PREFIX = 0.7;

const HAS_DIGIT = /\p{N}/u;
const ONLY_LETTERS = /^\p{L}+$/u;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A Metaphone-like key for English spellings in Latin letters (the English pack's `soundKey`): voiced and voiceless pairs merge (b/p, d/t, g/k, v/f, z/s), vowels after the first letter drop. */
export function soundKey(word: string): string {
  if (HAS_DIGIT.test(word)) return word;
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const next = word[i + 1] ?? '';
    let code: string;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        code = i === 0 ? 'A' : '';
        last = ''; // a vowel separates consonants: "papa" keeps both P
        break;
      case 'b':
        code = 'P';
        break;
      case 'p':
        code = next === 'h' ? 'F' : 'P';
        if (next === 'h') i++;
        break;
      case 'c':
        if (next === 'h') {
          code = 'X';
          i++;
        } else code = next === 'e' || next === 'i' || next === 'y' ? 'S' : 'K';
        break;
      case 'd':
        code = next === 'g' ? 'J' : 'T';
        if (next === 'g') i++;
        break;
      case 'f':
      case 'v':
        code = 'F';
        break;
      case 'g':
        // "night" / "nite": gh is silent.
        code = next === 'h' ? '' : 'K';
        if (next === 'h') i++;
        break;
      case 'h':
      case 'w':
        code = '';
        break;
      case 'k':
      case 'q':
        code = i === 0 && next === 'n' ? '' : 'K';
        break;
      case 's':
        code = next === 'h' ? 'X' : 'S';
        if (next === 'h') i++;
        break;
      case 't':
        if (next === 'h') {
          code = '0';
          i++;
        } else code = next === 'c' && word[i + 2] === 'h' ? '' : 'T';
        break;
      case 'x':
        code = i === 0 ? 'S' : 'KS';
        break;
      case 'z':
        code = 'S';
        break;
      case 'j':
      case 'l':
      case 'm':
      case 'n':
      case 'r':
        code = c.toUpperCase();
        break;
      default:
        code = c; // letters of other scripts compare as themselves
    }
    for (const k of code) {
      if (k !== last) out += k;
      last = k;
    }
  }
  return out;
}

function firstVowel(word: string): string {
  for (let i = 1; i < word.length; i++) if (VOWELS.has(word[i])) return word[i];
  return '';
}

/** A word with what comparing it needs, in `lang`'s terms (its sound key, the number it may stand for). */
export function term(text: string, lang: MatchLanguage): Term {
  const homophones = lang.numberHomophones;
  return {
    text,
    number: Object.hasOwn(homophones, text) ? homophones[text] : undefined,
    key: HAS_DIGIT.test(text) ? text : lang.soundKey(text),
    vowel: firstVowel(text),
    numeric: HAS_DIGIT.test(text),
    alpha: ONLY_LETTERS.test(text),
  };
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein where an adjacent swap costs 1), giving up as soon
 * as it must exceed `max` (then it answers `max + 1`). Words here are short, so three rows suffice.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length], max + 1);
}

function stripPlural(n: string, ending: string): string {
  return ending && n.endsWith(ending) ? n.slice(0, -ending.length) : n;
}

/** How alike two words are, 0..1; see the table at the top of this file. */
export function termSimilarity(a: Term, b: Term, lang: MatchLanguage): number {
  if (a.text === b.text) return SAME;
  if (a.numeric || b.numeric) {
    // Numbers never approximate each other: "Workout Mix 2" is not "Workout Mix 3", "80s" is not "90s".
    if (a.numeric && b.numeric) {
      const ending = lang.numbers.pluralSuffix;
      return stripPlural(a.text, ending) === stripPlural(b.text, ending) ? PLURAL_NUMBER : 0;
    }
    const [num, word] = a.numeric ? [a, b] : [b, a];
    return word.number === num.text ? NUMBER_HOMOPHONE : 0;
  }
  const short = Math.min(a.text.length, b.text.length);
  const long = Math.max(a.text.length, b.text.length);
  // Short words must be said exactly: "tv" is not "to", "car" is not "cat".
  if (short < 3) return 0;
  const [s, l] = a.text.length < b.text.length ? [a.text, b.text] : [b.text, a.text];
  // "mum" / "mums", "essential" / "essentials": Alexa drops and adds the s of plurals and possessives.
  const ending = lang.pluralEnding;
  if (ending && l.length === s.length + ending.length && l.endsWith(ending) && l.startsWith(s)) return PLURAL;
  let best = 0;
  const allowed = long >= 8 ? 2 : long >= 4 ? 1 : 0;
  if (allowed > 0) {
    const d = editDistance(a.text, b.text, allowed);
    if (d === 1) best = ONE_EDIT;
    else if (d === 2 && allowed >= 2) best = TWO_EDITS;
  }
  if (best < SAME_SOUND && a.key.length >= 2 && a.key === b.key && a.vowel === b.vowel && long - short <= 2) {
    best = SAME_SOUND;
  }
  if (best < PREFIX && short >= 4 && short * 2 >= long && l.startsWith(s)) best = PREFIX;
  return best;
}
