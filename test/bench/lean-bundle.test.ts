/**
 * tools/build.ts makes axios cheap without dropping it: bundled from its ES module sources without its own
 * adapters (the request core brings one), unused dependencies replaced, eager start-up probes of axios
 * patched out, and axios compiled on its first require. These tests drive the built bundle
 * over real HTTP against the emulator, in fresh `node` processes where start-up behaviour matters.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runChild } from '../../bench/lib/child';
import {
  AXIOS_PATCHES,
  BUNDLE_SETTINGS,
  bundleSettings,
  buildBundleWithMetafile,
  patchAxios,
  ROOT,
  type BuiltBundle,
} from '../../tools/build';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { aLaunch } from '../support/envelopes';
import { registerSecret } from '../support/log-capture';
import { createTestPki } from '../serve/pki';

const AXIOS = path.join(ROOT, 'node_modules/axios');

/** What a fresh node process reports after loading `bundle` and invoking it once with `envelope`. */
interface ColdReport {
  reply: { card?: { type: string }; outputSpeech?: { ssml: string } };
  loaded: string[];
}
const REPORT = `
const [bundle, envelope] = process.argv.slice(2);
const { handler } = require(bundle);
handler(JSON.parse(envelope), {}).then((reply) => {
  const loaded = process.moduleLoadList.filter((m) => /^NativeModule (https?|http2|crypto|zlib|vm|internal\\/deps\\/undici\\/undici)$/.test(m));
  require('node:fs').writeSync(3, JSON.stringify({ reply: reply.response, loaded }) + '\\n');
  process.exit(0);
});
`;

describe('the lean bundle', () => {
  let dir: string;
  let emulator: Emulator;
  let skill: BuiltBundle;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lean-'));
    skill = await buildBundleWithMetafile(undefined, path.join(dir, 'skill', 'index.js'));
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function cold(bundle: string, envelope: unknown): Promise<ColdReport> {
    const script = path.join(dir, 'report.js');
    fs.writeFileSync(script, REPORT);
    // bench/lib/child.ts spawns asynchronously, so the emulator in this process keeps answering.
    const env = { ...process.env, NODE_OPTIONS: '', SPOTIFY_API_URL: emulator.apiUrl };
    const { result } = await runChild<ColdReport>(script, [bundle, JSON.stringify(envelope)], env);
    return result;
  }

  test('every axios patch still matches its file of the installed axios exactly once', () => {
    for (const patch of AXIOS_PATCHES) {
      const source = fs.readFileSync(path.join(AXIOS, patch.file), 'utf8');
      const { contents, warnings } = patchAxios(patch.file, source);
      expect(warnings).toEqual([]);
      expect(source).toMatch(patch.find);
      expect(contents).not.toMatch(patch.find);
    }
  });

  test('a patch that no longer matches leaves axios as it is and says so', () => {
    const { contents, warnings } = patchAxios('lib/utils.js', 'export {};');
    expect(contents).toBe('export {};');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toMatch(/matched 0 times in lib\/utils\.js/);
  });

  test('the skill bundle carries none of the replaced packages, and axios only as a deferred string', () => {
    const { metafile, outfile } = skill;
    const inputs = Object.keys(metafile.inputs);
    for (const gone of [
      'form-data',
      'mime-db',
      'mime-types',
      'follow-redirects',
      'https-proxy-agent',
      'debug',
      'ask-sdk-model',
    ]) {
      expect(inputs.filter((i) => i.includes(`node_modules/${gone}/`))).toEqual([]);
    }
    expect(inputs).toContain('deferred:axios');
    expect(inputs.filter((i) => i.includes('node_modules/axios/'))).toEqual([]);
    // axios is in the file, as the string that is compiled on first require.
    expect(fs.readFileSync(outfile, 'utf8')).toContain('sourceURL=bundled:axios');
  });

  test('U: open connect remote (unlinked), fresh process / A: LinkAccount card; no HTTP client loaded', async () => {
    const report = await cold(skill.outfile, aLaunch().build());
    expect(report.reply.card).toEqual({ type: 'LinkAccount' });
    expect(report.loaded).toEqual([]);
  });

  test('U: open connect remote (linked), fresh process / A: speech from one real GET through axios; no fetch, no http2, no TLS, no crypto', async () => {
    const token = emulator.issueToken('demo');
    registerSecret(token);
    const before = emulator.log.length;
    const report = await cold(skill.outfile, aLaunch().linked(token).build());
    expect(report.reply.outputSpeech?.ssml).toBeTruthy();
    expect(report.reply.card).toBeUndefined();
    const calls = emulator.log.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['GET /v1/me/player 204']);
    expect(calls[0].authorization).toBe(`Bearer ${token}`);
    // TLS is loaded by the first https request (the real Spotify), not for a plain-HTTP emulator; crypto only
    // for a multipart boundary; zlib only if Spotify ever compresses an answer (axios's own http adapter,
    // which read zlib.constants at load, is not in the bundle).
    expect(report.loaded).toEqual(['NativeModule http']);
  });

  describe('ask-sdk-core without ask-sdk-model', () => {
    const SKILL = (withApiClient: boolean) => `
      const { SkillBuilders, DefaultApiClient } = require('ask-sdk-core');
      const builder = SkillBuilders.custom().addRequestHandlers({
        canHandle: () => true,
        handle: (input) => input.responseBuilder.speak('Hello.').getResponse(),
      });
      ${withApiClient ? 'builder.withApiClient(new DefaultApiClient());' : ''}
      const skill = builder.create();
      exports.handler = (event) => skill.invoke(event);
    `;
    async function invoke(withApiClient: boolean): Promise<unknown> {
      const outfile = path.join(dir, `sdk-${withApiClient}`, 'index.js');
      await build({
        ...BUNDLE_SETTINGS,
        stdin: { contents: SKILL(withApiClient), resolveDir: ROOT },
        outfile,
      });
      const { handler } = require(outfile) as { handler: (e: unknown) => Promise<unknown> };
      return handler(aLaunch().build());
    }

    test('a skill without an api client (this one) answers as before', async () => {
      await expect(invoke(false)).resolves.toMatchObject({
        response: { outputSpeech: { ssml: '<speak>Hello.</speak>' } },
      });
    });

    test('a skill that adds an api client fails loudly, naming the build setting to change', async () => {
      await expect(invoke(true)).rejects.toThrow(
        /ask-sdk-model service clients are not bundled.*tools\/build\.ts/,
      );
    });

    test('the skill itself configures no api client', () => {
      const sources = fs
        .readdirSync(path.join(ROOT, 'lambda/src'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => fs.readFileSync(path.join(ROOT, 'lambda/src', f), 'utf8'));
      expect(sources.filter((s) => /withApiClient|DefaultApiClient|serviceClientFactory/.test(s))).toEqual(
        [],
      );
    });
  });

  type Axios = typeof import('axios').default;

  describe('axios built with the project settings: without its own adapters', () => {
    let axios: Axios;
    beforeAll(async () => {
      const outfile = path.join(dir, 'axios-lean', 'index.js');
      await build({
        ...BUNDLE_SETTINGS,
        stdin: { contents: "module.exports = require('axios').default;", resolveDir: ROOT },
        outfile,
      });
      axios = require(outfile) as Axios;
    });

    test.each([
      ['its http adapter', 'http'],
      ['its fetch adapter', 'fetch'],
      ['its default adapters', undefined],
    ])(
      'a request through %s fails loudly, naming the build, before any connection',
      async (_label, adapter) => {
        const before = emulator.log.length;
        await expect(axios.get(`${emulator.apiUrl}/me/player`, { adapter, maxRedirects: 0 })).rejects.toThrow(
          /axios's (http|fetch) adapter is not bundled: the request core passes its own.*tools\/build\.ts/,
        );
        expect(emulator.log.length).toBe(before);
      },
    );

    test('a request through an adapter of one’s own still runs axios’s pipeline', async () => {
      const res = await axios.get('http://example.invalid/x', {
        params: { q: 'a b' },
        adapter: async (config) => ({
          data: `${config.method} ${config.params?.q}`,
          status: 200,
          statusText: 'OK',
          headers: {},
          config,
        }),
      });
      expect(res.data).toBe('get a b');
    });
  });

  describe('axios with its own adapters, as bench/adapters.ts builds it to compare them', () => {
    let axios: Axios;
    let token: string;
    beforeAll(async () => {
      const outfile = path.join(dir, 'axios-only', 'index.js');
      await build({
        ...bundleSettings({ axiosAdapters: true }),
        stdin: { contents: "module.exports = require('axios').default;", resolveDir: ROOT },
        outfile,
      });
      axios = require(outfile) as Axios;
      token = emulator.issueToken('demo');
      registerSecret(token);
    });
    const auth = () => ({ Authorization: `Bearer ${token}` });

    test('a GET works through the http adapter with redirects off', async () => {
      const res = await axios.get(`${emulator.apiUrl}/me/player`, {
        adapter: 'http',
        maxRedirects: 0,
        headers: auth(),
        validateStatus: () => true,
      });
      expect(res.status).toBe(204);
      expect(emulator.log.at(-1)?.authorization).toBe(`Bearer ${token}`);
    });

    test('following redirects fails loudly instead of silently not following', async () => {
      const before = emulator.log.length;
      await expect(
        axios.get(`${emulator.apiUrl}/me/player`, { adapter: 'http', maxRedirects: 5, headers: auth() }),
      ).rejects.toThrow(/follow-redirects is not bundled/);
      expect(emulator.log.length).toBe(before);
    });

    test('an HTTPS proxy fails loudly before any connection', async () => {
      await expect(
        axios.get('https://127.0.0.1:9/v1/me/player', {
          adapter: 'http',
          maxRedirects: 0,
          proxy: { protocol: 'http', host: '127.0.0.1', port: 9 },
        }),
      ).rejects.toThrow(/https-proxy-agent is not bundled/);
    });

    test('https is still there when axios asks for it: the stand-in loads TLS on first use', async () => {
      const pki = createTestPki();
      const server = https.createServer({ cert: pki.server.cert, key: pki.server.key }, (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"secure":true}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const res = await axios.get(`https://127.0.0.1:${port}/v1/me/player`, {
          adapter: 'http',
          maxRedirects: 0,
          httpsAgent: new https.Agent({ ca: pki.server.ca }),
        });
        expect(res.data).toEqual({ secure: true });
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    test('http2 is still there when asked for: the stand-in loads the real module', async () => {
      // The emulator speaks HTTP/1.1 only, so an HTTP/2 session fails, but in node:http2 itself.
      const error = await axios
        .get(`${emulator.apiUrl}/me/player`, {
          adapter: 'http',
          httpVersion: 2,
          maxRedirects: 0,
          headers: auth(),
        })
        .catch((e: { code?: string }) => e);
      expect(String((error as { code?: string }).code)).toMatch(/^ERR_HTTP2_/);
    });

    test('multipart still works, through Node’s own FormData', async () => {
      const form = new FormData();
      form.append('uri', 'spotify:track:t-stronger');
      const res = await axios.post(`${emulator.apiUrl}/me/player/queue`, form, {
        adapter: 'http',
        maxRedirects: 0,
        headers: auth(),
        validateStatus: () => true,
      });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(String(emulator.log.at(-1)?.body)).toContain('name="uri"');
    });
  });
});
