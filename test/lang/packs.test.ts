/**
 * A language is three things that must come together: the pack (lambda/src/lang), the interaction model
 * (skill-package/interactionModels/custom/<locale>.json) and the manifest's locale. Forgetting one of them
 * fails here, naming it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packFor, SUPPORTED_LOCALES } from '../../lambda/src/lang';
import { en } from '../../lambda/src/lang/en';
import { ROOT } from '../../tools/build';
import { availableLocales } from '../../tools/model';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'skill-package/skill.json'), 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, unknown> } };
};
const published = Object.keys(manifest.manifest.publishingInformation.locales).sort();
const modelled = availableLocales(ROOT);

test('every published locale has an interaction model, and every model is published', () => {
  expect({ models: modelled }).toEqual({ models: published });
});

test('every published locale has a language pack of its own (not a fallback to another language)', () => {
  const withoutPack = published.filter((locale) => !SUPPORTED_LOCALES.includes(locale));
  expect({ localesWithoutAPack: withoutPack }).toEqual({ localesWithoutAPack: [] });
  for (const locale of published) expect(packFor(locale).locale.split('-')[0]).toBe(locale.split('-')[0]);
});

test('a locale without a pack of its language falls back to English, not to nothing', () => {
  expect(packFor('xx-YY')).toBe(en);
  expect(packFor(undefined)).toBe(en);
});
