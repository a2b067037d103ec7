/**
 * `npx tsx bench/adapters.ts`: the request core's hand-written axios adapter (lambda/src/spotify/transport.ts)
 * against axios's own `http` and `fetch` adapters, in ONE interleaved run (issue 15 asks whether the
 * hand-written one still earns its place). Each variant is the real skill bundle with only the `adapter`
 * line of lambda/src/spotify/core.ts swapped at bundle time (an esbuild plugin; the source is untouched),
 * and axios's own adapters bundled for the variants that use them (the Lambda bundle leaves them out);
 * all are measured against reference (b) of `npm run bench` in rotated rounds, so machine load weighs on
 * all alike. Prints linked cold start (whole process and in-process), warm mean per request, and bundle size.
 *
 * Knobs: BENCH_COLD_RUNS (default 30), BENCH_WARM_RUNS (default 3), BENCH_WARMUP / BENCH_MEASURED (2000).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';
import { BUNDLE_SETTINGS, bundleSettings, buildBundleWithMetafile } from '../tools/build';
import { ALL_SCOPES, startEmulator } from '../tools/spotify-emulator';
import { aLaunch } from '../test/support/envelopes';
import { runChild } from './lib/child';
import { knob } from './lib/knob';
import { median, rotations } from './lib/stats';

const COLD_RUNS = knob('BENCH_COLD_RUNS', 30);
const WARM_RUNS = knob('BENCH_WARM_RUNS', 3);
const WARMUP = knob('BENCH_WARMUP', 2000);
const MEASURED = knob('BENCH_MEASURED', 2000);

/** The line of core.ts that picks the adapter, and what each variant puts there instead. */
const ADAPTER_LINE = /adapter: createTransport\(axios, \{ agent: \{ keepAlive: true, maxSockets: 8 \} \}\),/;
const KEEP_ALIVE =
  "httpAgent: new (require('node:http').Agent)({ keepAlive: true, maxSockets: 8 }), " +
  "httpsAgent: new (require('node:https').Agent)({ keepAlive: true, maxSockets: 8 }),";
const VARIANTS = {
  handWritten: null,
  http: `adapter: 'http', ${KEEP_ALIVE}`,
  fetch: "adapter: 'fetch',",
} as const;
type Variant = keyof typeof VARIANTS;

function swapAdapter(replacement: string): Plugin {
  return {
    name: 'swap-adapter',
    setup(b) {
      b.onLoad({ filter: /lambda[\\/]src[\\/]spotify[\\/]core\.ts$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!ADAPTER_LINE.test(source))
          throw new Error('bench/adapters.ts: the adapter line of core.ts changed');
        return { contents: source.replace(ADAPTER_LINE, replacement), loader: 'ts' };
      });
    },
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adapters-'));
  const emulator = await startEmulator();
  try {
    const bundles = {} as Record<Variant | 'reference', { outfile: string; bytes: number }>;
    // The Lambda bundle leaves axios's own adapters out; the variants that use one get them back.
    const withAdapters = bundleSettings({ axiosAdapters: true });
    for (const [name, line] of Object.entries(VARIANTS) as Array<[Variant, string | null]>) {
      const settings = line
        ? { ...withAdapters, plugins: [swapAdapter(line), ...(withAdapters.plugins ?? [])] }
        : BUNDLE_SETTINGS;
      bundles[name] = await buildBundleWithMetafile(undefined, path.join(dir, name, 'index.js'), settings);
    }
    bundles.reference = await buildBundleWithMetafile(
      path.join(__dirname, 'fixtures', 'hello-http', 'index.ts'),
      path.join(dir, 'reference', 'index.js'),
    );
    const demo = emulator.state.users.get('demo')!;
    for (const d of demo.devices) d.is_active = d.id === demo.devices[0]?.id;
    demo.player = {
      ...demo.player,
      deviceId: demo.devices[0]?.id ?? null,
      trackId: [...emulator.state.tracks.keys()][0] ?? null,
      isPlaying: true,
      progressMs: 60_000,
    };
    const linked = path.join(dir, 'linked.json');
    fs.writeFileSync(
      linked,
      JSON.stringify(aLaunch().linked(emulator.issueToken('demo', ALL_SCOPES)).build()),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, SPOTIFY_API_URL: emulator.apiUrl };
    for (const name of ['NODE_OPTIONS', 'LOG_LEVEL', 'SKILL_ID', 'PERSISTENCE_TABLE', 'PERSISTENCE_FILE']) {
      delete env[name];
    }
    const names = Object.keys(bundles) as Array<Variant | 'reference'>;
    const cold = Object.fromEntries(
      names.map((n) => [n, { wall: [] as number[], inProcess: [] as number[] }]),
    );
    const warm = Object.fromEntries(names.map((n) => [n, [] as number[]]));
    const cold_js = path.join(__dirname, 'cold.js');
    const warm_js = path.join(__dirname, 'warm.js');
    for (const n of names) await runChild(cold_js, [bundles[n].outfile, linked], env);
    for (const n of rotations(names, COLD_RUNS)) {
      const { result, wallMs } = await runChild<{ coldMs: number; spoke: boolean }>(
        cold_js,
        [bundles[n].outfile, linked],
        env,
      );
      if (!result.spoke) throw new Error(`${n}: the launch did not speak`);
      cold[n].wall.push(wallMs);
      cold[n].inProcess.push(result.coldMs);
    }
    for (const n of rotations(names, WARM_RUNS)) {
      const args = [bundles[n].outfile, linked, String(WARMUP), String(MEASURED)];
      const { result } = await runChild<{ meanUs: number; failures: number }>(warm_js, args, env);
      if (result.failures) throw new Error(`${n}: ${result.failures} warm invokes failed`);
      warm[n].push(result.meanUs);
    }
    const ref = {
      wall: median(cold.reference.wall),
      inProcess: median(cold.reference.inProcess),
      warm: median(warm.reference),
    };
    console.log(
      `adapters, ${new Date().toISOString()}, node ${process.version}, load ${os.loadavg()[0].toFixed(2)}; ` +
        `${COLD_RUNS} cold rounds, ${WARM_RUNS}×${MEASURED} warm invokes; ratios to reference (b)\n`,
    );
    console.log('| adapter | bundle | cold linked, whole process | in-process | warm mean per request |');
    console.log('| --- | --: | --: | --: | --: |');
    for (const n of names.filter((x) => x !== 'reference')) {
      const w = median(cold[n].wall);
      const i = median(cold[n].inProcess);
      const m = median(warm[n]);
      console.log(
        `| ${n} | ${(bundles[n].bytes / 1000).toFixed(1)} KB | ${(w / ref.wall).toFixed(2)}× (${w.toFixed(1)} ms) | ` +
          `${(i / ref.inProcess).toFixed(2)}× (${i.toFixed(1)} ms) | ${(m / ref.warm).toFixed(2)}× (${m.toFixed(0)} µs) |`,
      );
    }
    console.log(
      `| reference (b) | ${(bundles.reference.bytes / 1000).toFixed(1)} KB | ${ref.wall.toFixed(1)} ms | ` +
        `${ref.inProcess.toFixed(1)} ms | ${ref.warm.toFixed(0)} µs |`,
    );
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
