import { numberWordsToDigits } from './numbers';
import type { MatchLanguage } from './types';

/** Longer input is cut: no playlist or device name is this long, and the work stays bounded. */
export const MAX_INPUT_CHARS = 200;
/** At most this many tokens per name (the matcher keeps token sets in 32-bit masks). */
export const MAX_TOKENS = 16;

// Compiled once at module load (a language's own words: once per language, on first use); nothing below
// builds a regular expression per call.
/** Only the Latin/Greek/Cyrillic accent marks: kana voicing marks and the like must survive (NFC puts them back). */
const ACCENT_MARKS = /[\u0300-\u036f]+/g;
const SPECIAL_LETTERS = /[øæœßłđðþıħ]/g;
const SPECIAL_LETTER_MAP: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
/** Apostrophes vanish, so "Mum's" meets Alexa's "mums" and "rock 'n' roll" becomes "rock n roll". */
const APOSTROPHES = /['’‘`´ʼʹ′]/g;
const AND_SIGNS = /[&＆+]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const LETTERS_OR_DIGITS = /\p{L}+|\p{N}+/gu;
const DIGIT = /\p{N}/u;

/** What normalising needs of a language, derived from its words once (on first use) and kept. */
interface Compiled {
  /** "90s", "1st", "4th" stay one token; any other digit-letter mix is split: "mix2" -> "mix 2", "ps5" -> "ps 5". */
  numberWithSuffix: RegExp;
  /** "1,000" -> "1000" (the language's separator of thousands). */
  thousands: RegExp;
  spellings: ReadonlyMap<string, readonly string[]>;
  joinedPairs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const compiled = new WeakMap<MatchLanguage, Compiled>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(lang: MatchLanguage): Compiled {
  let c = compiled.get(lang);
  if (!c) {
    const suffixes = lang.numberSuffixes.map(escape).join('|');
    c = {
      thousands: new RegExp(`(\\d)${escape(lang.thousandsSeparator)}(?=\\d{3}(?!\\d))`, 'g'),
      numberWithSuffix: new RegExp(`^\\p{N}+(?:${suffixes})$`, 'u'),
      spellings: new Map(Object.entries(lang.spellings)),
      joinedPairs: new Map(Object.entries(lang.joinedPairs).map(([k, v]) => [k, new Map(Object.entries(v))])),
    };
    compiled.set(lang, c);
  }
  return c;
}

function isSingleLetter(token: string): boolean {
  return token.length === 1 && !DIGIT.test(token);
}

/** "R&B" / "r and b" -> "rnb": a letter, "and", a letter is one word, spelled the way "r n b" is joined. */
function joinLetterAndLetter(tokens: readonly string[], and: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, word, b] = [tokens[i], tokens[i + 1] ?? '', tokens[i + 2] ?? ''];
    if (isSingleLetter(a) && word === and && isSingleLetter(b)) {
      out.push(`${a}n${b}`);
      i += 2;
    } else out.push(a);
  }
  return out;
}

/** "t v" -> "tv", "r n b" -> "rnb": Alexa spells out letters that names write together. */
function joinSingleLetters(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(run);
    run = '';
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const inRun =
      isSingleLetter(t) &&
      ((i > 0 && isSingleLetter(tokens[i - 1])) || (i + 1 < tokens.length && isSingleLetter(tokens[i + 1])));
    if (inRun) run += t;
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

function joinPairs(tokens: readonly string[], pairs: Compiled['joinedPairs']): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = pairs.get(tokens[i])?.get(tokens[i + 1] ?? '');
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(tokens[i]);
  }
  return out;
}

/** Lower case, accents and emoji gone, "&" spelled as the language's "and", apostrophes dropped, cut to a bounded length. */
function foldText(text: string, lang: MatchLanguage, thousands: RegExp): string {
  return text
    .slice(0, MAX_INPUT_CHARS)
    .normalize('NFKD')
    .replace(ACCENT_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, (c) => SPECIAL_LETTER_MAP[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(thousands, '$1')
    .replace(AND_SIGNS, ` ${lang.and} `);
}

/**
 * The canonical tokens of a spoken phrase or a name: the comparable form both sides are reduced to before
 * scoring. Total: any input, including non-strings, gives an array (empty when there is nothing to compare).
 */
export function normalizeTokens(lang: MatchLanguage, text: unknown): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const c = compile(lang);
  const raw: string[] = [];
  for (const chunk of foldText(text, lang, c.thousands).split(NOT_WORD)) {
    if (!chunk) continue;
    const parts = c.numberWithSuffix.test(chunk) ? [chunk] : (chunk.match(LETTERS_OR_DIGITS) ?? []);
    // "mix2", "ps5" are a word and a number; "4f9k2l" (as in "DESKTOP-4F9K2L") is one code, not six tokens.
    if (parts.length >= 3) raw.push(chunk);
    else raw.push(...parts);
    if (raw.length >= MAX_TOKENS * 2) break;
  }
  const spelled = joinSingleLetters(joinLetterAndLetter(raw, lang.and)).flatMap(
    (t) => c.spellings.get(t) ?? [t],
  );
  return joinPairs(numberWordsToDigits(spelled, lang.numbers), c.joinedPairs).slice(0, MAX_TOKENS);
}

/**
 * The canonical comparable form of a name or of what the user said: "Mum's Favourites" and "mums favourites",
 * "R&B Classics" and "r. and b. classics", "Best of the 2000s" and "best of the two thousands" each give the
 * same string. Exported for tests and for keys that must not depend on how a name is displayed.
 */
export function normalizeName(lang: MatchLanguage, text: string): string {
  return normalizeTokens(lang, text).join(' ');
}
