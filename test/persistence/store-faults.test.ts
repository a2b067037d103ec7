/**
 * The store under faults: DynamoDB (dynalite on 127.0.0.1) behind a fault proxy that answers 500 to every
 * GetItem, or to every UpdateItem, or delays every call by 3 s, or never answers. The same conversation runs
 * under each, with the production client settings (STORE_CLIENT_DEFAULTS) and the default 6 s budget:
 *
 *   (the user has a default device, a last device and a muted volume remembered; the kitchen plays at 70)
 *   U: mute                                     A: Muted. ...            (Spotify: volume 0)
 *   U: unmute                                   A: Volume back to N percent.   (Spotify: volume N)
 *   U: move the music to the living room tv     A: Moving playback to Living Room TV.
 *   U: use the kitchen speaker by default       A: Okay. ... / I couldn't save ...
 *   (nothing active)  U: resume                 A: ... on <device> / which device?
 *   (another user disables the skill)
 *
 * Asserted for every request: an answer with speech within 6.5 s, and that it says what Spotify did. After
 * the conversation, with the faults gone: no setting the user had is erased.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { fromAttribute } from '../../lambda/src/persistence/dynamodb';
import { aLaunch, TEST_DEVICE_ID, TEST_SKILL_ID, TEST_USER_ID } from '../support/envelopes';
import { ECHO_DEFAULT_PREFIX } from '../../lambda/src/user/memory';
import { dynamoOperation, startFaultProxy, type ProxyRule } from '../support/fault-proxy';
import { startAlexa, type Reply } from '../support/harness';
import { activeDevice, demo, nothingActive, playing } from '../support/world';
import { startDynalite, type LocalDynamo } from './dynalite';

let dynamo: LocalDynamo;
const figures: string[] = [];
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
  // SHOW_FIGURES=1: the slowest answer under each fault, for docs/robustness.md.
  if (process.env.SHOW_FIGURES) process.stderr.write(`${figures.sort().join('\n')}\n`);
});

const SEEDED = {
  defaultDevice: { id: 'dev-bedroom', name: 'Bedroom Echo' },
  lastDevice: { id: 'dev-laptop', name: "Sam's MacBook Pro" },
  mutedVolume: 35,
};

const DYNAMO_500 = {
  status: 500,
  body: '{"__type":"com.amazon.coral.service#InternalFailure","message":"injected"}',
  contentType: 'application/x-amz-json-1.0',
};

const FAULTS: Array<[string, ProxyRule | undefined]> = [
  ['no fault (baseline)', undefined],
  ['500 on every GetItem', { match: (r) => dynamoOperation(r) === 'GetItem', before: DYNAMO_500 }],
  ['500 on every UpdateItem', { match: (r) => dynamoOperation(r) === 'UpdateItem', before: DYNAMO_500 }],
  ['3 s delay on every call', { match: () => true, before: { delayMs: 3000 } }],
  ['no answer to any call', { match: () => true, before: { hang: true } }],
];

function disabledEvent(userId: string): RequestEnvelope {
  return {
    version: '1.0',
    context: { System: { application: { applicationId: TEST_SKILL_ID }, user: { userId } } },
    request: {
      type: 'AlexaSkillEvent.SkillDisabled',
      requestId: 'amzn1.echo-api.request.disabled-under-fault',
      timestamp: new Date().toISOString(),
      body: { userInformation: { persistenceStatus: 'PERSISTED' } },
    },
  } as unknown as RequestEnvelope;
}

test.concurrent.each(FAULTS)(
  'DynamoDB with %s: every answer within 6.5 s says what Spotify did, nothing is erased',
  async (name, rule) => {
    const table = `faults-${name.replace(/[^a-z0-9]+/gi, '-')}`;
    await dynamo.createTable(table);
    const proxy = await startFaultProxy(dynamo.endpoint);
    const store = new DynamoDbPersistenceAdapter({
      tableName: table,
      clientConfig: {
        endpoint: proxy.url,
        region: 'local-test',
        credentials: { accessKeyId: 'dummy', secretAccessKey: 'dummy' },
      },
    });
    await store.updateAttributes(aLaunch().build(), SEEDED);
    const alexa = await startAlexa({ deps: { persistence: store } });
    const user = demo(alexa.emulator);
    if (rule) proxy.add(rule);
    let slowest = 0;
    const timed = async (say: () => Promise<Reply>): Promise<Reply> => {
      const started = performance.now();
      const reply = await say();
      slowest = Math.max(slowest, performance.now() - started);
      expect(performance.now() - started).toBeLessThan(6500);
      expect(reply.speech).not.toBe('');
      expect(reply.speech).not.toMatch(/something went wrong/i);
      return reply;
    };
    try {
      playing(alexa.emulator);
      activeDevice(alexa.emulator)!.volume_percent = 70;

      const mute = await timed(() => alexa.say('MuteIntent'));
      expect(mute.speech).toMatch(/^Muted/);
      expect(activeDevice(alexa.emulator)!.volume_percent).toBe(0);

      const unmute = await timed(() => alexa.say('UnmuteIntent'));
      const level = Number(/^Volume back to (\d+) percent\.$/.exec(unmute.speech)?.[1]);
      expect(activeDevice(alexa.emulator)!.volume_percent).toBe(level);

      const transfer = await timed(() => alexa.say('TransferPlaybackIntent', { device: 'living room tv' }));
      expect(transfer.speech).toBe('Moving playback to Living Room TV.');
      expect(user.player.deviceId).toBe('dev-tv');

      const setDefault = await timed(() =>
        alexa.say('SetDefaultDeviceIntent', { device: 'kitchen speaker' }),
      );
      const saved = setDefault.speech.startsWith('Okay.');
      if (!saved) expect(setDefault.speech).toMatch(/^I couldn't save Kitchen speaker as your default/);

      nothingActive(alexa.emulator);
      const resume = await timed(() => alexa.say('AMAZON.ResumeIntent'));
      const on = /^Resuming on (.+)\.$/.exec(resume.speech)?.[1];
      if (on) {
        expect(user.devices.find((d) => d.id === user.player.deviceId)?.name).toBe(on);
        expect(user.player.isPlaying).toBe(true);
      } else {
        expect(user.player.isPlaying).toBe(false);
      }

      const started = performance.now();
      const disabled = await alexa.send(disabledEvent('amzn1.ask.account.SOMEONE-ELSE'));
      const disableMs = performance.now() - started;
      expect(disableMs).toBeLessThan(6500);
      expect(disabled.envelope.version).toBe('1.0');

      if (rule) expect(proxy.hits).toBeGreaterThanOrEqual(3);
      figures.push(
        `| ${name} | ${Math.round(slowest)} ms | ${Math.round(disableMs)} ms | unmute to ${level}; default ${saved ? 'saved' : 'not saved'}; resume ${on ? `on ${on}` : 'asks which device'} |`,
      );
      // With the faults gone (and a late write landed), every setting is still there.
      proxy.clear();
      await new Promise((resolve) =>
        setTimeout(resolve, rule?.before && 'delayMs' in rule.before ? 3500 : 0),
      );
      const item = await dynamo.rawItem(table, TEST_USER_ID);
      const stored = fromAttribute(item!.attributes) as Record<string, unknown>;
      // The default is this Echo's and the user-wide one, written in one update: both or neither.
      const echoDefault = ECHO_DEFAULT_PREFIX + TEST_DEVICE_ID;
      expect(Object.keys(stored).sort()).toEqual(
        ['defaultDevice', ...(saved ? [echoDefault] : []), 'lastDevice', 'mutedVolume'].sort(),
      );
      expect(stored.defaultDevice).toEqual(
        saved ? { id: 'dev-kitchen', name: 'Kitchen speaker' } : SEEDED.defaultDevice,
      );
      if (saved) expect(stored[echoDefault]).toEqual(stored.defaultDevice);
      if (!rule) {
        // The baseline really remembered and used what it remembered.
        expect(level).toBe(70);
        expect(saved).toBe(true);
        expect(on).toBe('Kitchen speaker');
        expect(stored.mutedVolume).toBe(70);
      }
      if (name === '500 on every GetItem') expect(level).toBe(50); // nothing remembered: the default level
    } finally {
      await alexa.close();
      await proxy.close();
    }
  },
  60_000,
);
