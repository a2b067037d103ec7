/** The string table's types, now defined with the language packs (lang/); kept for their importers. */
export type { StringKey, StringTable } from '../lang';
