import type { ScreenWordKey, ScreenWords } from '../lang';

export type { ScreenWordKey, ScreenWords } from '../lang';

/**
 * The screens' words come from the language pack (`pack.screens`, lambda/src/lang); this fills a word's
 * `{name}` placeholders (values are plain text; the datasource escapes them).
 */
export function screenWord(
  words: ScreenWords,
  key: ScreenWordKey,
  values: Record<string, string | number> = {},
): string {
  return words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
