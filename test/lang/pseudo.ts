/**
 * A pseudo-translation of the English pack, for tests only: every string a person hears or sees is wrapped in
 * ⟦…⟧ and every ASCII letter outside a `{placeholder}` is replaced by an accented one, so any English that
 * reaches a response without passing through the pack stands out (it still has plain ASCII letters).
 *
 * What the skill understands stays English: the conversation rows say English words ("the second one",
 * "my workout mix playlist"), and a pseudo-locale tests what is said and shown, not what is understood. Lists
 * are joined in Japanese style ("A、B、またはC"): the pack's connectors must not be English either, and
 * Intl.ListFormat's patterns for `ja` have no ASCII letters.
 */
import { en } from '../../lambda/src/lang/en';
import type { LanguagePack, StringKey, StringTable } from '../../lambda/src/lang';

export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ʠ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ʋ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** "Playing {name}." -> "⟦Þĺáýíñĝ {name}.⟧": placeholders kept, every other letter accented. */
export function pseudoTranslate(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTED[c])))
    .join('');
  return `⟦${accented}⟧`;
}

export function pseudoPack(base: LanguagePack = en): LanguagePack {
  const strings = Object.fromEntries(
    Object.entries(base.strings).map(([key, text]) => [key, pseudoTranslate(text)]),
  ) as Record<StringKey, string> as StringTable;
  const screens = Object.fromEntries(
    Object.entries(base.screens).map(([key, text]) => [key, pseudoTranslate(text)]),
  ) as LanguagePack['screens'];
  return { ...base, locale: PSEUDO_LOCALE, listLocale: 'ja', strings, screens };
}
