import { en } from './en';
import type { LanguagePack } from './types';

export type {
  LanguagePack,
  PluralKeys,
  ScreenWordKey,
  ScreenWords,
  StringKey,
  StringTable,
  Understanding,
} from './types';

/** The packs shipped in the bundle, by locale. A new language is one file and one line here. */
const PACKS: Readonly<Record<string, LanguagePack>> = {
  'en-US': en,
};

export const SUPPORTED_LOCALES = Object.keys(PACKS);

/** Packs by locale, for `packFor`: the shipped ones, or those plus packs a caller adds (tests, a pseudo-locale). */
export type PackRegistry = Readonly<Record<string, LanguagePack>>;

/** The pack for a locale: the exact locale, else one of the same language, else English. */
export function packFor(locale: string | undefined, packs: PackRegistry = PACKS): LanguagePack {
  if (locale && Object.hasOwn(packs, locale)) return packs[locale];
  const language = locale?.split('-')[0];
  const sameLanguage = Object.keys(packs).find((l) => l.split('-')[0] === language);
  return sameLanguage ? packs[sameLanguage] : en;
}

/** The shipped packs plus `extra` (which wins for a locale both have). */
export function withPacks(extra: PackRegistry): PackRegistry {
  return { ...PACKS, ...extra };
}
