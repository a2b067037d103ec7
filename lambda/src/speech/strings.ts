/** The string table's types and lookup, now kept with the language packs (lang/). */
import { packFor } from '../lang';
import type { StringTable } from '../lang';

export type { StringKey, StringTable } from '../lang';
export { SUPPORTED_LOCALES } from '../lang';

export function tableFor(locale: string | undefined): StringTable {
  return packFor(locale).strings;
}
