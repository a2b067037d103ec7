/**
 * The interaction model and the handlers agree: every intent in every locale's model has a handler, every
 * handler's intent is in every model, and every slot type a model uses is built in or defined.
 */
import { REQUEST_HANDLERS } from '../../lambda/src/skill';
import { ROOT } from '../../tools/build';
import { availableLocales, readModel } from '../../tools/model';

const models = availableLocales(ROOT).map((locale) => ({
  locale,
  model: readModel(locale).interactionModel.languageModel,
}));

const handled = new Set(REQUEST_HANDLERS.flatMap((h) => h.intents));

describe.each(models)('$locale interaction model', ({ model }) => {
  const intents = model.intents.map((i) => i.name);

  test('every intent in the model has a handler', () => {
    expect(intents.filter((i) => !handled.has(i))).toEqual([]);
  });

  test("every handler's intent is in the model", () => {
    expect([...handled].filter((i) => !intents.includes(i))).toEqual([]);
  });

  test('every slot type is built in or defined', () => {
    const defined = new Set((model.types ?? []).map((t) => t.name));
    const missing = model.intents.flatMap((i) =>
      (i.slots ?? [])
        .filter((s) => !s.type.startsWith('AMAZON.') && !defined.has(s.type))
        .map((s) => `${i.name}.${s.name}: ${s.type}`),
    );
    expect(missing).toEqual([]);
  });
});

test('the handlers answer launch, session end and skill events by request type', () => {
  const types = new Set(REQUEST_HANDLERS.flatMap((h) => h.requestTypes));
  expect(types).toContain('LaunchRequest');
  expect(types).toContain('SessionEndedRequest');
});
