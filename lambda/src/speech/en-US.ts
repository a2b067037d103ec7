/** The English string table, now part of the English language pack (lang/en.ts); kept for its importers. */
export { enStrings as enUS } from '../lang/en';
