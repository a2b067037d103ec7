/**
 * One conversation per intent of the interaction model (and LaunchRequest, SessionEndedRequest), as a table:
 * what the user says, the envelope Alexa sends, the emulator's world, the exact Spotify requests the skill
 * makes (method, path, query, JSON body) and the exact answer. Player commands also check that the
 * emulator's state really changed (or, for Stop and Cancel, really did not). A guard fails, naming the
 * intent, when the model gains an intent without a row here.
 */
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { TEST_USER_ID } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import {
  alignParallel,
  describeSpeech,
  requestName,
  TABLE,
  type Request,
  type World,
} from '../support/intent-rows';
import { playing } from '../support/world';
import { readModel } from '../../tools/model';

describe('a conversation per intent: the Spotify requests made and the answer', () => {
  let alexa: Alexa;
  let world: World;
  beforeEach(async () => {
    const memory = new MemoryPersistenceAdapter();
    alexa = await startAlexa({ deps: { persistence: memory } });
    world = { emulator: alexa.emulator, memory };
    playing(alexa.emulator);
  });
  afterEach(() => alexa.close());

  test.each(TABLE.map((row) => [`${row.intent}: U: ${row.say} / A: ${describeSpeech(row.speech)}`, row]))(
    '%s',
    async (_name, row) => {
      row.arrange?.(world);
      if (row.remembered) world.memory.store.set(TEST_USER_ID, { ...structuredClone(row.remembered) });
      const envelope = row.envelope(alexa.token).build();
      expect(requestName(envelope)).toBe(row.intent);
      if (row.state) expect(row.state.of(world)).toEqual(row.state.from);

      const reply = await alexa.send(envelope);

      if (row.state) expect(row.state.of(world)).toEqual(row.state.to);
      const steps = typeof row.requests === 'function' ? row.requests(world) : row.requests;
      const sent: Request[] = alexa.calls().map(({ method, path: p, query: q, body }) => ({
        method,
        path: p,
        query: q,
        ...(body === undefined ? {} : { body }),
      }));
      expect(alignParallel(sent, steps)).toEqual(steps.flat());
      if (typeof row.speech === 'string') expect(reply.speech).toBe(row.speech);
      else expect(reply.speech).toMatch(row.speech);
      expect(reply.endsSession).toBe('endsSession' in row ? row.endsSession : true);
      if (row.keeps) expect(reply.sessionAttributes).toEqual(row.keeps);
    },
  );
});

test('every intent of the model, and launch and session end, has a row in the table', () => {
  const model = readModel('en-US');
  const expected = [
    ...model.interactionModel.languageModel.intents.map((i) => i.name),
    'LaunchRequest',
    'SessionEndedRequest',
  ];
  const covered = new Set(TABLE.map((row) => row.intent));
  const missing = expected.filter((name) => !covered.has(name));
  expect({ intentsWithoutAConversationTest: missing }).toEqual({ intentsWithoutAConversationTest: [] });
  // And no row for an intent the model does not have (a typo would cover nothing).
  const unknown = [...covered].filter((name) => !expected.includes(name));
  expect({ rowsForUnknownIntents: unknown }).toEqual({ rowsForUnknownIntents: [] });
});
