/**
 * The repository's own upload documents against Amazon's schema (ask-smapi-model's spec.json): the skill
 * manifest as committed (what `ask deploy` uploads first) and as ask-cli rewrites it once the Lambda exists
 * (what it uploads second), the account-linking request `npm run deploy` fills, and every interaction model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../tools/build';
import { deployerConfigs, manifestAfterDeploy } from '../../tools/validate/ask-cli';
import { apiDomains, RELAXATIONS, schemaProblems, SMAPI_MODEL_VERSION } from '../../tools/validate/smapi';
import { ACCOUNT_LINKING, ASK_RESOURCES, MANIFEST, MODELS_DIR } from '../../tools/validate/validate';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const models = fs.readdirSync(path.join(ROOT, MODELS_DIR)).filter((f) => f.endsWith('.json'));
const [deployer] = deployerConfigs(read(ASK_RESOURCES));

test('the schema is the pinned ask-smapi-model, and it knows the API domains', () => {
  expect(SMAPI_MODEL_VERSION).toBe('1.24.0');
  expect(apiDomains()).toEqual(expect.arrayContaining(['custom', 'music', 'video', 'smartHome']));
  expect(apiDomains()).not.toContain('events');
});

test('the manifest as committed: valid, with no events block (ask-cli writes it)', () => {
  const manifest = read(MANIFEST);
  expect(schemaProblems('manifest', manifest, MANIFEST)).toEqual([]);
  expect(manifest.manifest).not.toHaveProperty('events');
});

test('the manifest as ask-cli rewrites it after creating the Lambda: valid, events reach the Lambda', () => {
  const after = manifestAfterDeploy(read(MANIFEST), deployer.userConfig) as {
    manifest: { apis: Record<string, { endpoint?: { uri: string } }>; events: Record<string, unknown> };
  };
  expect(schemaProblems('manifest', after, MANIFEST)).toEqual([]);
  expect(Object.keys(after.manifest.apis)).toEqual(['custom']);
  expect(after.manifest.apis.custom.endpoint?.uri).toMatch(/^arn:aws:lambda:/);
  expect(after.manifest.events).toEqual({
    endpoint: after.manifest.apis.custom.endpoint,
    subscriptions: [{ eventName: 'SKILL_DISABLED' }, { eventName: 'SKILL_ACCOUNT_LINKED' }],
  });
});

test('the account-linking request, as committed and as npm run deploy fills it', () => {
  const template = read(ACCOUNT_LINKING);
  expect(schemaProblems('accountLinking', template, ACCOUNT_LINKING)).toEqual([]);
  const filled = {
    accountLinkingRequest: { ...template.accountLinkingRequest, clientId: 'abc', clientSecret: 'def' },
  };
  expect(schemaProblems('accountLinking', filled, ACCOUNT_LINKING)).toEqual([]);
});

test.each(models)('interaction model %s', (file) => {
  expect(schemaProblems('interactionModel', read(`${MODELS_DIR}/${file}`), `${MODELS_DIR}/${file}`)).toEqual(
    [],
  );
});

test('the one relaxation is still needed: spec.json requires synonyms, and a model without them would fail', () => {
  const spec = require('ask-smapi-model/spec.json');
  for (const r of RELAXATIONS) expect(spec.definitions[r.definition].required).toContain(r.dropRequired);
  const model = read(`${MODELS_DIR}/${models[0]}`);
  const withoutSynonyms = model.interactionModel.languageModel.types.some(
    (t: { values: Array<{ name: { synonyms?: string[] } }> }) => t.values.some((v) => !v.name.synonyms),
  );
  expect(withoutSynonyms).toBe(true);
});

test('what the schema catches: the events block this project used to commit', () => {
  const manifest = read(MANIFEST);
  manifest.manifest.events = { subscriptions: [{ eventName: 'SKILL_DISABLED' }] };
  expect(schemaProblems('manifest', manifest, MANIFEST)).toEqual([
    expect.objectContaining({
      path: 'manifest.events.endpoint',
      message: expect.stringMatching(/^endpoint is required/),
    }),
  ]);
});
