/**
 * The built Lambda bundle, as Lambda loads it: the handler named in ask-resources.json exists, an unlinked
 * launch answers with the LinkAccount card without opening any connection, and a linked launch makes
 * exactly one request, GET /v1/me/player with the bearer token.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBundle, ROOT } from '../tools/build';
import { startEmulator, type Emulator } from '../tools/spotify-emulator';
import { aLaunch } from './support/envelopes';
import { toReply } from './support/harness';
import { registerSecret } from './support/log-capture';

type ResponseEnvelope = import('ask-sdk-model').ResponseEnvelope;
type Handler = (
  event: unknown,
  context?: unknown,
  callback?: (err: unknown, res?: ResponseEnvelope) => void,
) => Promise<ResponseEnvelope> | void;

describe('lambda/dist/index.js', () => {
  let dir: string;
  let bundle: string;
  let emulator: Emulator;
  const savedUrl = process.env.SPOTIFY_API_URL;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    bundle = await buildBundle(undefined, path.join(dir, 'index.js'));
    emulator = await startEmulator();
    process.env.SPOTIFY_API_URL = emulator.apiUrl;
  });
  afterAll(async () => {
    process.env.SPOTIFY_API_URL = savedUrl;
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const load = (): { handler: Handler } => {
    delete require.cache[require.resolve(bundle)];
    return require(bundle);
  };

  test('one file with a source map that exports the handler ask-resources.json names', () => {
    const resources = JSON.parse(fs.readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8'));
    const { handler: entry, runtime } = resources.profiles.default.skillInfrastructure.userConfig;
    expect(runtime).toBe('nodejs22.x');
    expect(entry).toBe('index.handler');
    expect(path.basename(bundle)).toBe(`${entry.split('.')[0]}.js`);
    expect(fs.existsSync(`${bundle}.map`)).toBe(true);
    // No sourceMappingURL: Lambda never reads the map, and it is not uploaded (tools/build.ts LAMBDA_MAP).
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/sourceMappingURL/);
    const exported = entry.split('.').pop();
    expect(typeof (load() as unknown as Record<string, unknown>)[exported]).toBe('function');
    // No runtime node_modules: nothing but node built-ins is required at load time.
    const source = fs.readFileSync(bundle, 'utf8');
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(
      required.filter((r) => !r.startsWith('node:') && !require('node:module').builtinModules.includes(r)),
    ).toEqual([]);
  });

  test('unlinked LaunchRequest: LinkAccount card and no network connection at all', async () => {
    const connect = jest.spyOn(net.Socket.prototype, 'connect');
    try {
      const reply = toReply((await load().handler(aLaunch().build(), {})) as ResponseEnvelope);
      expect(reply.card).toEqual({ type: 'LinkAccount' });
      expect(reply.endsSession).toBe(true);
      expect(connect).not.toHaveBeenCalled();
      expect(emulator.log).toEqual([]);
    } finally {
      connect.mockRestore();
    }
  });

  test('linked LaunchRequest: exactly one request, GET /v1/me/player with the bearer token', async () => {
    const token = emulator.issueToken('demo');
    registerSecret(token);
    const reply = toReply((await load().handler(aLaunch().linked(token).build(), {})) as ResponseEnvelope);
    expect(reply.speech).toMatch(/Nothing is playing/);
    expect(emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me/player']);
    expect(emulator.log[0].authorization).toBe(`Bearer ${token}`);
  });

  test('ask run (ask-sdk-local-debug): handler(event, null, callback) returns undefined, then callback(null, response)', async () => {
    const token = emulator.issueToken('demo');
    registerSecret(token);
    const { handler } = load();
    const from = emulator.log.length;
    let returned: unknown = 'not called';
    const outcome = await new Promise<{ args: unknown[] }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the callback was not called within 10000 ms')),
        10_000,
      );
      // Exactly how ask-sdk-local-debug calls it: context null, not undefined.
      returned = handler(aLaunch().linked(token).build(), null, (...args: unknown[]) => {
        clearTimeout(timer);
        resolve({ args });
      });
    });
    expect(returned).toBeUndefined();
    expect(outcome.args).toHaveLength(2);
    const [err, res] = outcome.args;
    expect(err).toBeNull();
    const reply = toReply(res as ResponseEnvelope);
    expect(reply.speech).toMatch(/Nothing is playing/);
    const requests = emulator.log.slice(from);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me/player']);
    expect(requests[0].authorization).toBe(`Bearer ${token}`);
  });
});
