/**
 * U: (disables Connect Remote in the Alexa app)
 * Alexa -> skill: AlexaSkillEvent.SkillDisabled for that user
 * The user's stored memory is gone, other users keep theirs, Spotify is never called.
 */
import type { UserStore } from '../../lambda/src/persistence/store';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { aLaunch, TEST_SKILL_ID, TEST_USER_ID } from '../support/envelopes';
import { startAlexa, type Alexa } from '../support/harness';
import { capturedLogs, registerSecret } from '../support/log-capture';
import { startDynalite, type LocalDynamo } from './dynalite';

/** A skill event as Alexa sends it: no session, no account-linking token in System.user. */
function aSkillEvent(type: string, userId: string, body: Record<string, unknown>): RequestEnvelope {
  const application = { applicationId: TEST_SKILL_ID };
  return {
    version: '1.0',
    context: {
      System: {
        application,
        user: { userId },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'alexa-api-token-not-used',
      },
    },
    request: {
      type,
      requestId: `amzn1.echo-api.request.${Math.random().toString(16).slice(2)}`,
      timestamp: new Date().toISOString(),
      eventCreationTime: new Date().toISOString(),
      eventPublishingTime: new Date().toISOString(),
      body,
    },
  } as unknown as RequestEnvelope;
}

const disabled = (userId: string) =>
  aSkillEvent('AlexaSkillEvent.SkillDisabled', userId, {
    userInformation: { persistenceStatus: 'NOT_PERSISTED' },
  });

const OTHER_USER = 'amzn1.ask.account.OTHER';
const remembered = { defaultDevice: { id: 'dev-tv', name: 'Living Room TV' }, mutedVolume: 40 };

let emulator: Emulator;
let dynamo: LocalDynamo;

beforeAll(async () => {
  emulator = await startEmulator();
  dynamo = await startDynalite();
  await dynamo.createTable('connect-remote-events');
});
afterAll(async () => {
  await dynamo.close();
  await emulator.close();
});

const stores: Array<[string, () => UserStore]> = [
  ['in memory', () => new MemoryPersistenceAdapter()],
  [
    'in DynamoDB',
    () => new DynamoDbPersistenceAdapter({ tableName: 'connect-remote-events', client: dynamo.client }),
  ],
];

describe.each(stores)('SkillDisabled with the store %s', (_name, make) => {
  let alexa: Alexa;
  let store: UserStore;

  beforeEach(async () => {
    store = make();
    alexa = await startAlexa({ emulator, deps: { persistence: store } });
    await store.saveAttributes(aLaunch().build(), remembered);
    await store.saveAttributes(aLaunch().user(OTHER_USER).build(), { mutedVolume: 12 });
  });
  afterEach(async () => {
    await store.deleteAttributes!(aLaunch().user(OTHER_USER).build());
    await alexa.close();
  });

  test("the user's data is deleted, no one else's; no speech; Spotify untouched", async () => {
    expect(await store.getAttributes(aLaunch().build())).toEqual(remembered);

    const reply = await alexa.send(disabled(TEST_USER_ID));

    expect(reply.envelope.response.outputSpeech).toBeUndefined();
    expect(reply.card).toBeUndefined();
    expect(await store.getAttributes(aLaunch().build())).toEqual({});
    expect(await store.getAttributes(aLaunch().user(OTHER_USER).build())).toEqual({ mutedVolume: 12 });
    expect(alexa.calls()).toEqual([]);
  });

  test('a second SkillDisabled for the same user (Alexa may redeliver) is harmless', async () => {
    await alexa.send(disabled(TEST_USER_ID));
    const again = await alexa.send(disabled(TEST_USER_ID));
    expect(again.envelope.response.outputSpeech).toBeUndefined();
    expect(await store.getAttributes(aLaunch().build())).toEqual({});
  });
});

test('DynamoDB: the item itself is gone from the table, not just emptied', async () => {
  const store = new DynamoDbPersistenceAdapter({ tableName: 'connect-remote-events', client: dynamo.client });
  const alexa = await startAlexa({ emulator, deps: { persistence: store } });
  await store.saveAttributes(aLaunch().build(), remembered);
  expect(await dynamo.rawItem('connect-remote-events', TEST_USER_ID)).toBeDefined();
  await alexa.send(disabled(TEST_USER_ID));
  expect(await dynamo.rawItem('connect-remote-events', TEST_USER_ID)).toBeUndefined();
  await alexa.close();
});

test('SkillAccountLinked is logged without its access token and needs no answer', async () => {
  const alexa = await startAlexa({ emulator, deps: { persistence: new MemoryPersistenceAdapter() } });
  const token = 'event-access-token-0123456789';
  registerSecret(token);
  const before = capturedLogs().length;
  const reply = await alexa.send(
    aSkillEvent('AlexaSkillEvent.SkillAccountLinked', TEST_USER_ID, { accessToken: token }),
  );
  expect(reply.envelope.response.outputSpeech).toBeUndefined();
  const lines = capturedLogs().slice(before);
  expect(lines.some((l) => l.includes('"skill.account_linked"'))).toBe(true);
  expect(lines.join('\n')).not.toContain(token);
  expect(alexa.calls()).toEqual([]);
  await alexa.close();
});
