import { enUS } from './en-US';

/** The key set of every locale's table; a locale file must provide each key. */
export type StringKey = keyof typeof enUS;
export type StringTable = Record<StringKey, string>;

/** One table per locale. Unknown locales fall back by language, then to en-US. */
const TABLES: Record<string, StringTable> = {
  'en-US': enUS,
};

export const SUPPORTED_LOCALES = Object.keys(TABLES);

export function tableFor(locale: string | undefined): StringTable {
  if (locale && TABLES[locale]) return TABLES[locale];
  const language = locale?.split('-')[0];
  const sameLanguage = SUPPORTED_LOCALES.find((l) => l.split('-')[0] === language);
  return TABLES[sameLanguage ?? 'en-US'];
}
