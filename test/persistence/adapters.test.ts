/**
 * The three persistence adapters keep each Alexa user's attributes apart, return copies, and delete them.
 * DynamoDB runs for real (dynalite on 127.0.0.1); the file adapter writes a real file.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { persistenceFromEnv } from '../../lambda/src/persistence';
import { StoreTimeoutError, type UserStore } from '../../lambda/src/persistence/store';
import { createLogger } from '../../lambda/src/util/logger';
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

const adapters: Array<[string, () => UserStore]> = [
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

  test('an update sets and removes only its own attributes; the first one creates the user', async () => {
    const store = make();
    const carol = aLaunch()
      .user(`amzn1.ask.account.CAROL${Math.random().toString(36).slice(2)}`)
      .build();
    await store.updateAttributes(carol, { lastDevice: { id: 'd1', name: 'TV' } });
    expect(await store.getAttributes(carol)).toEqual({ lastDevice: { id: 'd1', name: 'TV' } });
    await store.updateAttributes(carol, { defaultDevice: { id: 'd2', name: 'Kitchen' }, mutedVolume: 35 });
    await store.updateAttributes(carol, { lastDevice: { id: 'd3', name: 'Phone' }, mutedVolume: undefined });
    expect(await store.getAttributes(carol)).toEqual({
      defaultDevice: { id: 'd2', name: 'Kitchen' },
      lastDevice: { id: 'd3', name: 'Phone' },
    });
    // Removing from a user with nothing stored is no error and stores nothing.
    const dave = aLaunch()
      .user(`amzn1.ask.account.DAVE${Math.random().toString(36).slice(2)}`)
      .build();
    await store.updateAttributes(dave, { mutedVolume: undefined });
    expect(await store.getAttributes(dave)).toEqual({});
    await store.deleteAttributes(carol);
  });

  test('concurrent updates of different attributes of one user all land', async () => {
    const store = make();
    const erin = aLaunch()
      .user(`amzn1.ask.account.ERIN${Math.random().toString(36).slice(2)}`)
      .build();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.updateAttributes(erin, { [`k${i}`]: i })));
    expect(Object.keys(await store.getAttributes(erin))).toHaveLength(10);
    await store.deleteAttributes(erin);
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

  test('a corrupt file is logged, read as empty, kept aside and rewritten on the next write', async () => {
    const file = path.join(dir, 'corrupt', 'state.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"half":');
    const lines: string[] = [];
    const logger = createLogger({ sink: (line) => lines.push(line) });
    const store = new FilePersistenceAdapter(file, { logger });
    expect(await store.getAttributes(alice)).toEqual({});
    expect(lines.map((l) => JSON.parse(l).event)).toContain('store.file.corrupt');
    await store.updateAttributes(alice, { mutedVolume: 30 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      'amzn1.ask.account.ALICE': { mutedVolume: 30 },
    });
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0]), 'utf8')).toBe('{"half":');
  });

  test('several processes updating one file lose nothing (4 processes x 25 users, and one shared user)', async () => {
    const file = path.join(dir, 'shared', 'state.json');
    const script = path.join(__dirname, 'file-writer.ts');
    const runs = [0, 1, 2, 3].map(
      (n) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script, file, String(n), '25'], {
            stdio: 'ignore',
          });
          child.on('exit', (code) => resolve(code));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(onDisk)).toHaveLength(4 * 25 + 1);
    expect(onDisk['amzn1.ask.account.P2U24']).toEqual({ mutedVolume: 24 });
    // Each process set its own attribute of the shared user: all four are there.
    expect(Object.keys(onDisk['amzn1.ask.account.SHARED']).sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
  }, 60_000);

  test('a lock held by a live writer makes a write give up when its time is up, and touches nothing', async () => {
    const file = path.join(dir, 'locked', 'state.json');
    const store = new FilePersistenceAdapter(file);
    await store.updateAttributes(alice, { mutedVolume: 10 });
    fs.writeFileSync(`${file}.lock`, '999999');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      store.updateAttributes(alice, { mutedVolume: 99 }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(await store.getAttributes(alice)).toEqual({ mutedVolume: 10 });
    // A lock left by a process that died long ago is taken over.
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    await store.updateAttributes(alice, { mutedVolume: 99 });
    expect(await store.getAttributes(alice)).toEqual({ mutedVolume: 99 });
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
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
