/**
 * The three persistence adapters keep each Alexa user's attributes apart, return copies, and delete them.
 * DynamoDB runs for real (dynalite on 127.0.0.1); the file adapter writes a real file.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { persistenceFromEnv } from '../../lambda/src/persistence';
import { aLaunch } from '../support/envelopes';
import { startDynalite, type LocalDynamo } from './dynalite';

const alice = aLaunch().user('amzn1.ask.account.ALICE').build();
const bob = aLaunch().user('amzn1.ask.account.BOB').build();
const memory = {
  defaultDevice: { id: 'dev-1', name: 'Living Room TV' },
  mutedVolume: 35,
  flags: [true, false, null],
  nested: { empty: {}, list: [], text: 'Beyoncé & "Jay-Z" <live>' },
};

let dynamo: LocalDynamo;
let dir: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.createTable('connect-remote-test');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persistence-'));
});
afterAll(async () => {
  await dynamo.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const adapters: Array<[string, () => PersistenceAdapter]> = [
  ['memory', () => new MemoryPersistenceAdapter()],
  ['file', () => new FilePersistenceAdapter(path.join(dir, `${Math.random().toString(36).slice(2)}.json`))],
  [
    'dynamodb',
    () => new DynamoDbPersistenceAdapter({ tableName: 'connect-remote-test', client: dynamo.client }),
  ],
];

describe.each(adapters)('%s adapter', (_name, make) => {
  test('a user nobody stored has no attributes', async () => {
    expect(await make().getAttributes(aLaunch().user('amzn1.ask.account.NOBODY').build())).toEqual({});
  });

  test('saves, reads back exactly, keeps users apart, and deletes one user only', async () => {
    const store = make();
    await store.saveAttributes(alice, memory);
    await store.saveAttributes(bob, { mutedVolume: 10 });
    expect(await store.getAttributes(alice)).toEqual(memory);
    expect(await store.getAttributes(bob)).toEqual({ mutedVolume: 10 });

    await store.saveAttributes(alice, { mutedVolume: 20 });
    expect(await store.getAttributes(alice)).toEqual({ mutedVolume: 20 });

    await store.deleteAttributes!(alice);
    expect(await store.getAttributes(alice)).toEqual({});
    expect(await store.getAttributes(bob)).toEqual({ mutedVolume: 10 });
    await store.deleteAttributes!(bob);
  });

  test('what a caller changes after saving or reading does not change the store', async () => {
    const store = make();
    const attributes = { defaultDevice: { id: 'a', name: 'Kitchen' } };
    await store.saveAttributes(alice, attributes);
    attributes.defaultDevice.name = 'changed';
    const read = (await store.getAttributes(alice)) as typeof attributes;
    read.defaultDevice.id = 'changed too';
    expect(await store.getAttributes(alice)).toEqual({ defaultDevice: { id: 'a', name: 'Kitchen' } });
    await store.deleteAttributes!(alice);
  });
});

describe('DynamoDB item layout', () => {
  test('one item per user: { id: <userId>, attributes: <map> }, as ask-sdk-dynamodb-persistence-adapter', async () => {
    const store = new DynamoDbPersistenceAdapter({ tableName: 'connect-remote-test', client: dynamo.client });
    await store.saveAttributes(alice, { mutedVolume: 35, defaultDevice: { id: 'd', name: 'TV' } });
    expect(await dynamo.rawItem('connect-remote-test', 'amzn1.ask.account.ALICE')).toEqual({
      id: { S: 'amzn1.ask.account.ALICE' },
      attributes: {
        M: { mutedVolume: { N: '35' }, defaultDevice: { M: { id: { S: 'd' }, name: { S: 'TV' } } } },
      },
    });
    await store.deleteAttributes(alice);
    expect(await dynamo.rawItem('connect-remote-test', 'amzn1.ask.account.ALICE')).toBeUndefined();
  });

  test('a missing table is an error the caller sees, not an empty memory', async () => {
    const store = new DynamoDbPersistenceAdapter({ tableName: 'no-such-table', client: dynamo.client });
    await expect(store.getAttributes(alice)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('FilePersistenceAdapter', () => {
  test('writes atomically: concurrent saves leave valid JSON with every user, and no temp files', async () => {
    const file = path.join(dir, 'nested', 'state.json');
    const store = new FilePersistenceAdapter(file);
    const users = Array.from({ length: 20 }, (_, i) => aLaunch().user(`amzn1.ask.account.U${i}`).build());
    await Promise.all(users.map((u, i) => store.saveAttributes(u, { mutedVolume: i })));
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(onDisk)).toHaveLength(20);
    expect(onDisk['amzn1.ask.account.U7']).toEqual({ mutedVolume: 7 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
    // A second adapter on the same file (the next process) sees the same data.
    expect(await new FilePersistenceAdapter(file).getAttributes(users[3])).toEqual({ mutedVolume: 3 });
  });

  test('a corrupt file is an error, not silently replaced', async () => {
    const file = path.join(dir, 'corrupt.json');
    fs.writeFileSync(file, '{"half":');
    await expect(new FilePersistenceAdapter(file).getAttributes(alice)).rejects.toThrow(SyntaxError);
    await expect(new FilePersistenceAdapter(file).saveAttributes(alice, {})).rejects.toThrow(SyntaxError);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"half":');
  });
});

describe('persistenceFromEnv', () => {
  test('in memory by default, a file with PERSISTENCE_FILE, DynamoDB with PERSISTENCE_TABLE', () => {
    expect(persistenceFromEnv({})).toBeInstanceOf(MemoryPersistenceAdapter);
    const file = persistenceFromEnv({ PERSISTENCE_FILE: path.join(dir, 'x.json') });
    expect(file).toBeInstanceOf(FilePersistenceAdapter);
    const table = persistenceFromEnv({ PERSISTENCE_TABLE: 'connect-remote', PERSISTENCE_FILE: 'ignored' });
    expect(table).toBeInstanceOf(DynamoDbPersistenceAdapter);
  });

  test('PERSISTENCE_TABLE reaches a real table through the environment AWS SDK configuration', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: 'local-test',
      AWS_ACCESS_KEY_ID: 'dummy',
      AWS_SECRET_ACCESS_KEY: 'dummy',
    });
    try {
      const store = persistenceFromEnv({ PERSISTENCE_TABLE: 'connect-remote-test' });
      await store.saveAttributes(bob, { mutedVolume: 42 });
      expect((await dynamo.rawItem('connect-remote-test', 'amzn1.ask.account.BOB'))?.attributes).toEqual({
        M: { mutedVolume: { N: '42' } },
      });
      await store.deleteAttributes!(bob);
    } finally {
      process.env = saved;
    }
  });
});
