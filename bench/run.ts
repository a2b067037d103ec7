/**
 * `npm run bench`: the project's performance promises as ratios against reference skills built and measured
 * in the same run (absolute times on a shared machine drift by 30% between runs; ratios hold). Prints a
 * table (target, measured, PASS/MISS) and writes the raw numbers to bench/results.json. Method, the latest
 * table and what limits a MISS: docs/benchmark.md.
 *
 * Knobs (environment): BENCH_COLD_RUNS (rounds per scenario, default 40), BENCH_WARM_RUNS (processes per
 * bundle, default 3), BENCH_WARMUP (default 3000), BENCH_MEASURED (default 3000).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE_SETTINGS, buildBundleWithMetafile, ROOT, type BuiltBundle } from '../tools/build';
import { ALL_SCOPES, startEmulator, type Emulator } from '../tools/spotify-emulator';
import { aLaunch } from '../test/support/envelopes';
import { bundleBreakdown } from './lib/breakdown';
import { runChild } from './lib/child';
import { probePort } from './lib/probe';
import { knob } from './lib/knob';
import { median, rotations } from './lib/stats';

const BENCH = __dirname;
const COLD_JS = path.join(BENCH, 'cold.js');
const WARM_JS = path.join(BENCH, 'warm.js');
const RESULTS = path.join(BENCH, 'results.json');

const COLD_RUNS = knob('BENCH_COLD_RUNS', 40);
const WARM_RUNS = knob('BENCH_WARM_RUNS', 3);
const WARMUP = knob('BENCH_WARMUP', 3000);
const MEASURED = knob('BENCH_MEASURED', 3000);
const CONNECTION_INVOKES = 100;

/** One Spotify round trip as the time-to-music table simulates it (issue 15). */
const ROUND_TRIP_MS = 150;

/** The targets of issue 7. */
export const TARGETS = {
  bundleBytes: 250_000,
  coldUnlinked: 1.15,
  coldLinked: 1.3,
  warm: 2,
  connections: 1,
} as const;

interface ColdSample {
  bootMs: number;
  loadMs: number;
  invokeMs: number;
  coldMs: number;
  card: string | null;
  spoke: boolean;
  /** Spawn → exit of the whole process, measured by this process. */
  wallMs: number;
}
interface WarmResult {
  warmup: number;
  measured: number;
  meanUs: number;
  medianUs: number;
  p90Us: number;
  failures: number;
}
interface Row {
  target: string;
  measured: string;
  detail: string;
  pass: boolean;
}
interface RoundTripCase {
  intent: string;
  variant?: string;
  say: string;
  build: (token: string) => { build(): unknown; user?(id: string): unknown };
  arrange?: (emulator: Emulator) => void | Promise<void>;
  minimum: number;
  repeat?: boolean;
}
interface RoundTripModule {
  ROUND_TRIPS: RoundTripCase[];
  caseName(c: RoundTripCase): string;
  sequentialSteps(log: ReadonlyArray<{ at: number; ms?: number }>): number;
}
interface RoundTripResult {
  intent: string;
  say: string;
  minimum: number;
  /** Steps as the skill waits for them: each request timed by the client, from send to last byte. */
  achieved: number;
  /** Steps from the emulator's own log (`at` and `ms`, server side), when it has durations. */
  fromLog?: number;
  requests: Array<{ request: string; status: number; atMs: number; ms: number }>;
  spoke: boolean;
  error?: string;
}

type Handler = (event: unknown, context: unknown) => Promise<{ response?: { outputSpeech?: unknown } }>;

/**
 * Time to music (issue 15): each play and write intent, with every Spotify answer 150 ms late, from the
 * request until the emulator has answered the request that starts the music (or makes the write). `limit`
 * is the physical limit in round trips (one per step that truly depends on the previous one), `target` the
 * ratio to one round trip that must hold, first (this user's caches cold) and on a repeat (warm).
 */
interface MusicCase {
  /** A case of ROUND_TRIPS (its utterance, envelope and arrangement), by caseName. */
  of: string;
  /** The request that starts the music or makes the write: "METHOD /v1/path" (query ignored). */
  decisive: string;
  limit: { first: number; repeat: number };
  target: { first: number; repeat: number };
  /**
   * A write the skill refuses to repeat (the same song at the end of the playlist, the same empty playlist
   * just made): the account is reseeded before each timed request, so each one really writes.
   */
  fresh?: boolean;
}

const MUSIC_CASES: MusicCase[] = [
  {
    of: 'PlayPlaylistIntent',
    decisive: 'PUT /v1/me/player/play',
    limit: { first: 2, repeat: 1 },
    target: { first: 2.2, repeat: 1.2 },
  },
  {
    of: 'PlayPlaylistIntent (on a device)',
    decisive: 'PUT /v1/me/player/play',
    limit: { first: 2, repeat: 1 },
    target: { first: 2.2, repeat: 1.2 },
  },
  ...['PlayArtistIntent', 'PlayAlbumIntent', 'PlaySongIntent', 'PlayGenreIntent', 'PlaySearchIntent'].map(
    (of) => ({
      of,
      decisive: 'PUT /v1/me/player/play',
      // Search results are not cached: a repeat searches again.
      limit: { first: 2, repeat: 2 },
      target: { first: 2.2, repeat: 2.2 },
    }),
  ),
  {
    of: 'PlayLikedSongsIntent',
    decisive: 'PUT /v1/me/player/play',
    limit: { first: 2, repeat: 2 },
    target: { first: 2.2, repeat: 2.2 },
  },
  {
    of: 'TransferPlaybackIntent',
    decisive: 'PUT /v1/me/player',
    limit: { first: 2, repeat: 1 },
    target: { first: 2.2, repeat: 1.2 },
  },
  {
    of: 'AddToPlaylistIntent',
    decisive: 'POST /v1/playlists/{id}/items',
    fresh: true,
    // The current song must be read each time, then the write. The duplicate check (spotify/once.ts: the
    // playlist's last entry, so a write whose answer was lost is never doubled when said again) reads first
    // only when this skill sent the same add lately; the warm index lets it read alongside the current song.
    limit: { first: 2, repeat: 2 },
    target: { first: 2.2, repeat: 2.2 },
  },
  {
    of: 'SaveSongIntent',
    decisive: 'PUT /v1/me/library',
    limit: { first: 2, repeat: 2 },
    target: { first: 2.2, repeat: 2.2 },
  },
  {
    of: 'QueueSongIntent',
    decisive: 'POST /v1/me/player/queue',
    limit: { first: 2, repeat: 2 },
    target: { first: 2.2, repeat: 2.2 },
  },
  {
    of: 'CreatePlaylistIntent',
    decisive: 'POST /v1/me/playlists',
    fresh: true,
    // The duplicate check (the five newest playlists: one of that name just made is not made again) must
    // come back before the POST: two dependent steps, like every other write. Issue 15 sets no target for
    // create; the 1.2 this row had assumed no check, so it now has the writes' 2.2 (its limit plus 10 %).
    limit: { first: 2, repeat: 2 },
    target: { first: 2.2, repeat: 2.2 },
  },
];

interface MusicResult {
  intent: string;
  say: string;
  limit: MusicCase['limit'];
  target: MusicCase['target'];
  /** Milliseconds from the request until the decisive request was answered; NaN when it was not made. */
  firstMs: number;
  repeatMs: number;
  first: number;
  repeat: number;
  calls: { first: string[]; repeat: string[] };
  /** Each request of the first and the repeat: start and end, in ms from the handler call. */
  timeline: { first: string[]; repeat: string[] };
  error?: string;
}

/** "PUT /v1/playlists/pl-x/items?a=b" → "PUT /v1/playlists/{id}/items". */
const callShape = (label: string) =>
  label.split('?')[0].replace(/^(POST \/v1\/playlists\/)[^/]+(\/items)$/, '$1{id}$2');

async function buildAll(dir: string) {
  const fixture = (name: string) => path.join(BENCH, 'fixtures', name, 'index.ts');
  const out = (name: string) => path.join(dir, name, 'index.js');
  const { plugins: _unused, ...plain } = BUNDLE_SETTINGS;
  return {
    subject: await buildBundleWithMetafile(undefined, out('subject')),
    referenceA: await buildBundleWithMetafile(fixture('hello'), out('hello')),
    referenceB: await buildBundleWithMetafile(fixture('hello-http'), out('hello-http')),
    // Diagnostic (c): (b) with its GET through axios, to split the skill's cost into axios's and its own.
    referenceC: await buildBundleWithMetafile(fixture('hello-axios'), out('hello-axios')),
    // Calibration: the same skill with axios imported at start-up and no module replacements or patches.
    plainAxios: await buildBundleWithMetafile(fixture('plain-axios'), out('plain-axios'), plain),
  } satisfies Record<string, BuiltBundle>;
}

function childEnv(emulator: Emulator): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SPOTIFY_API_URL: emulator.apiUrl };
  // Nothing of tsx or of this process's options may leak into the measured processes.
  for (const name of ['NODE_OPTIONS', 'LOG_LEVEL', 'SKILL_ID', 'PERSISTENCE_TABLE', 'PERSISTENCE_FILE']) {
    delete env[name];
  }
  return env;
}

/** Cold starts of several bundles with one envelope: one untimed start each, then `runs` rotated rounds. */
async function coldStarts<K extends string>(
  bundles: Record<K, string>,
  envelope: string,
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<Record<K, ColdSample[]>> {
  const names = Object.keys(bundles) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as ColdSample[]])) as Record<K, ColdSample[]>;
  for (const name of names) await runChild(COLD_JS, [bundles[name], envelope], env);
  for (const name of rotations(names, runs)) {
    const { result, wallMs } = await runChild<Omit<ColdSample, 'wallMs'>>(
      COLD_JS,
      [bundles[name], envelope],
      env,
    );
    samples[name].push({ ...result, wallMs });
  }
  return samples;
}

const medianOf = (rows: ColdSample[], key: 'wallMs' | 'coldMs') => median(rows.map((r) => r[key]));

/**
 * A whole-process cold start, estimated robustly: the median boot over every process of the scenario plus
 * this bundle's median of (exit − boot). `bootMs` (process start until the runner is about to require the
 * bundle) is node's own start-up, the same code for every bundle, yet it is bimodal here (about 62 or 90 ms,
 * by how the 2 cores are shared): with 40 rounds, one bundle's plain median can land 8 ms off another's by
 * chance alone, which moved the unlinked ratio by ±0.1 between runs. Pooling the part no bundle influences
 * removes that noise and keeps everything a bundle does (loading, first invoke, exit) in the figure.
 */
function wholeProcessMs(rows: ColdSample[], pooledBootMs: number): number {
  return pooledBootMs + median(rows.map((r) => r.wallMs - r.bootMs));
}

/** The state for cold and warm runs: something plays on the kitchen speaker, so GET /me/player is a 200. */
function arrangePlaying(emulator: Emulator): void {
  const demo = emulator.state.users.get('demo');
  if (!demo) throw new Error('the emulator has no demo user');
  for (const d of demo.devices) d.is_active = d.id === demo.devices[0]?.id;
  demo.player = {
    ...demo.player,
    deviceId: demo.devices[0]?.id ?? null,
    trackId: [...emulator.state.tracks.keys()][0] ?? null,
    isPlaying: true,
    progressMs: 60_000,
  };
}

async function loadRoundTrips(): Promise<RoundTripModule | string> {
  try {
    const mod = (await import('../test/support/round-trips')) as Partial<RoundTripModule>;
    if (
      !Array.isArray(mod.ROUND_TRIPS) ||
      typeof mod.sequentialSteps !== 'function' ||
      typeof mod.caseName !== 'function'
    ) {
      return 'test/support/round-trips.ts exports no ROUND_TRIPS, sequentialSteps or caseName';
    }
    return mod as RoundTripModule;
  } catch (error) {
    return `test/support/round-trips.ts did not load: ${(error as Error).message}`;
  }
}

/**
 * Each intent once, against a fresh emulator, through the real bundle loaded in this process (so the probe
 * sees its requests from send to last byte). Steps are counted by the same `sequentialSteps` the
 * conversation tests use, fed with those precise time ranges.
 */
async function measureRoundTrips(bundle: string, mod: RoundTripModule): Promise<RoundTripResult[]> {
  const results: RoundTripResult[] = [];
  const savedUrl = process.env.SPOTIFY_API_URL;
  const savedLog = console.log;
  try {
    for (const c of mod.ROUND_TRIPS) {
      const result: RoundTripResult = {
        intent: mod.caseName(c),
        say: c.say,
        minimum: c.minimum,
        achieved: 0,
        requests: [],
        spoke: false,
      };
      const emulator = await startEmulator();
      const probe = probePort(Number(new URL(emulator.url).port));
      try {
        await c.arrange?.(emulator);
        const token = emulator.issueToken('demo', ALL_SCOPES);
        process.env.SPOTIFY_API_URL = emulator.apiUrl;
        delete require.cache[require.resolve(bundle)];
        const { handler } = require(bundle) as { handler: Handler };
        console.log = () => undefined; // the bundle's JSON log lines would drown the table
        if (c.repeat) {
          // Measured on the second of two identical requests: the first fills the warm caches.
          await handler(c.build(token).build(), {});
          probe.reset();
          emulator.log.length = 0;
        }
        const reply = await handler(c.build(token).build(), {}).finally(() => (console.log = savedLog));
        const t0 = probe.exchanges[0]?.at ?? 0;
        result.achieved = mod.sequentialSteps(probe.exchanges);
        const log = emulator.log as ReadonlyArray<{ at: number; ms?: number }>;
        if (log.every((r) => typeof r.ms === 'number')) result.fromLog = mod.sequentialSteps(log);
        result.requests = probe.exchanges.map((x, i) => ({
          request: x.label,
          status: emulator.log[i]?.status ?? 0,
          atMs: Number((x.at - t0).toFixed(3)),
          ms: Number(x.ms.toFixed(3)),
        }));
        result.spoke = Boolean(reply?.response?.outputSpeech);
        if (probe.exchanges.length !== emulator.log.length) {
          result.error = `probe saw ${probe.exchanges.length} requests, the emulator logged ${emulator.log.length}`;
        }
      } catch (error) {
        result.error = (error as Error).message;
      } finally {
        probe.close();
        await emulator.close();
      }
      results.push(result);
    }
  } finally {
    process.env.SPOTIFY_API_URL = savedUrl;
    console.log = savedLog;
  }
  return results;
}

/**
 * Time to music: per case, a fresh emulator whose every answer is 150 ms late, and the real bundle freshly
 * loaded in this process. The same request from another Alexa user warms the container first (code
 * compiled, axios loaded, a connection open: a container's own cold start is what the cold-start rows
 * measure), so "first" is this user's first request with cold caches; "repeat" is the same request again.
 * Timed from the handler call until the probe saw the decisive request's answer end.
 */
async function measureTimeToMusic(bundle: string, mod: RoundTripModule): Promise<MusicResult[]> {
  const results: MusicResult[] = [];
  const savedUrl = process.env.SPOTIFY_API_URL;
  const savedLog = console.log;
  try {
    for (const m of MUSIC_CASES) {
      const c = mod.ROUND_TRIPS.find((r) => mod.caseName(r) === m.of && !r.repeat);
      const result: MusicResult = {
        intent: m.of,
        say: c?.say ?? '',
        limit: m.limit,
        target: m.target,
        firstMs: NaN,
        repeatMs: NaN,
        first: NaN,
        repeat: NaN,
        calls: { first: [], repeat: [] },
        timeline: { first: [], repeat: [] },
      };
      if (!c) {
        result.error = `no case ${m.of} in ROUND_TRIPS`;
        results.push(result);
        continue;
      }
      const emulator = await startEmulator();
      const probe = probePort(Number(new URL(emulator.url).port));
      try {
        await c.arrange?.(emulator);
        const token = emulator.issueToken('demo', ALL_SCOPES);
        process.env.SPOTIFY_API_URL = emulator.apiUrl;
        delete require.cache[require.resolve(bundle)];
        const { handler } = require(bundle) as { handler: Handler };
        console.log = () => undefined;
        // Another Alexa user says the same thing first: the container's code is warm (the cold-start rows
        // measure a cold one), and the caches of the user measured are still empty.
        const someoneElse = c.build(token).user?.('amzn1.ask.account.BENCH-WARMS-THE-CONTAINER');
        await handler((someoneElse as { build(): unknown } | undefined)?.build() ?? aLaunch().build(), {});
        await c.arrange?.(emulator);
        emulator.faults.add({ path: '*', times: Infinity, delayMs: ROUND_TRIP_MS });
        const timed = async (): Promise<{ ms: number; calls: string[]; timeline: string[] }> => {
          if (m.fresh) {
            emulator.reset(); // same seeded ids, no faults: arrange and delay again
            await c.arrange?.(emulator);
            emulator.faults.add({ path: '*', times: Infinity, delayMs: ROUND_TRIP_MS });
          }
          probe.reset();
          const t0 = performance.now();
          await handler(c.build(token).build(), {});
          const decisive = probe.exchanges.filter((x) => callShape(x.label) === m.decisive).at(-1);
          return {
            ms: decisive ? decisive.at + decisive.ms - t0 : NaN,
            calls: probe.exchanges.map((x) => x.label.split('?')[0]),
            timeline: probe.exchanges.map(
              (x) => `${x.label} ${(x.at - t0).toFixed(1)}–${(x.at + x.ms - t0).toFixed(1)}`,
            ),
          };
        };
        const first = await timed();
        const repeat = await timed();
        Object.assign(result, {
          firstMs: first.ms,
          repeatMs: repeat.ms,
          first: first.ms / ROUND_TRIP_MS,
          repeat: repeat.ms / ROUND_TRIP_MS,
          calls: { first: first.calls, repeat: repeat.calls },
          timeline: { first: first.timeline, repeat: repeat.timeline },
        });
        if (Number.isNaN(first.ms) || Number.isNaN(repeat.ms)) result.error = `no ${m.decisive} was made`;
      } catch (error) {
        result.error = (error as Error).message;
      } finally {
        console.log = savedLog;
        probe.close();
        await emulator.close();
      }
      results.push(result);
    }
  } finally {
    process.env.SPOTIFY_API_URL = savedUrl;
    console.log = savedLog;
  }
  return results;
}

const musicPass = (r: MusicResult) => !r.error && r.first <= r.target.first && r.repeat <= r.target.repeat;

/** The time-to-music table as markdown, for README.md and docs/benchmark.md. */
function musicMarkdown(results: MusicResult[]): string {
  const f = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(2));
  return [
    '| intent | for example | first | limit | target | repeat | limit | target | result |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --- |',
    ...results.map(
      (r) =>
        `| ${r.intent} | ${r.say} | ${f(r.first)} | ${r.limit.first} | ≤ ${r.target.first} | ` +
        `${f(r.repeat)} | ${r.limit.repeat} | ≤ ${r.target.repeat} | ${musicPass(r) ? 'PASS' : 'MISS'} |`,
    ),
  ].join('\n');
}

function printTable(rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r.target.length), 6);
  const w1 = Math.max(...rows.map((r) => r.measured.length), 8);
  console.log(`\n${'target'.padEnd(w0)}  ${'measured'.padEnd(w1)}  result  detail`);
  console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ------  ------`);
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(w0)}  ${r.measured.padEnd(w1)}  ${r.pass ? 'PASS' : 'MISS'}    ${r.detail}`,
    );
  }
}

const x = (v: number) => `${v.toFixed(2)}×`;
const msText = (v: number) => `${v.toFixed(1)} ms`;

async function main(): Promise<void> {
  const began = Date.now();
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(`npm run bench: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  let emulator: Emulator | undefined;
  let probe: ReturnType<typeof probePort> | undefined;
  try {
    // 1. Bundles.
    const b = await buildAll(dir);
    console.log(
      `bundles: skill ${b.subject.bytes} B, (a) ${b.referenceA.bytes} B, (b) ${b.referenceB.bytes} B, ` +
        `(c) ${b.referenceC.bytes} B, ` +
        `skill with axios loaded plainly ${b.plainAxios.bytes} B`,
    );

    emulator = await startEmulator();
    probe = probePort(Number(new URL(emulator.url).port));
    arrangePlaying(emulator);
    const token = emulator.issueToken('demo', ALL_SCOPES, 24 * 3600);
    const unlinked = path.join(dir, 'unlinked.json');
    const linked = path.join(dir, 'linked.json');
    fs.writeFileSync(unlinked, JSON.stringify(aLaunch().build()));
    fs.writeFileSync(linked, JSON.stringify(aLaunch().linked(token).build()));
    const env = childEnv(emulator);

    // 2. Cold starts, as whole fresh processes.
    console.log(
      `cold starts: ${COLD_RUNS} rotated rounds per scenario (reference, skill, axios loaded plainly; linked also (c)) ...`,
    );
    const coldUnlinked = await coldStarts(
      { reference: b.referenceA.outfile, subject: b.subject.outfile, plainAxios: b.plainAxios.outfile },
      unlinked,
      env,
      COLD_RUNS,
    );
    const coldLinked = await coldStarts(
      {
        reference: b.referenceB.outfile,
        subject: b.subject.outfile,
        plainAxios: b.plainAxios.outfile,
        axiosReference: b.referenceC.outfile,
      },
      linked,
      env,
      COLD_RUNS,
    );
    const sane = {
      unlinkedAnsweredWithLinkCard: coldUnlinked.subject.every((r) => r.card === 'LinkAccount'),
      linkedSpokeWithoutLinkCard: coldLinked.subject.every((r) => r.spoke && r.card !== 'LinkAccount'),
    };

    // 3. Warm loops, one process each, alternating.
    console.log(
      `warm loops: ${WARM_RUNS} processes per bundle, ${WARMUP} warm-up + ${MEASURED} measured invokes ...`,
    );
    const warmBundles = {
      reference: b.referenceB.outfile,
      subject: b.subject.outfile,
      axiosReference: b.referenceC.outfile,
    };
    type WarmSide = keyof typeof warmBundles;
    const warm: Record<WarmSide, WarmResult[]> = { reference: [], subject: [], axiosReference: [] };
    const warmConnections: Record<WarmSide, number[]> = { reference: [], subject: [], axiosReference: [] };
    for (const side of rotations(Object.keys(warmBundles) as WarmSide[], WARM_RUNS)) {
      probe.reset();
      const args = [warmBundles[side], linked, String(WARMUP), String(MEASURED)];
      const { result } = await runChild<WarmResult>(WARM_JS, args, env);
      warm[side].push(result);
      warmConnections[side].push(probe.connections);
    }

    // 4. Connections: 100 warm invocations of one fresh container.
    const connections = { reference: { opened: 0, requests: 0 }, subject: { opened: 0, requests: 0 } };
    for (const side of ['reference', 'subject'] as const) {
      const bundle = side === 'reference' ? b.referenceB.outfile : b.subject.outfile;
      probe.reset();
      const before = emulator.log.length;
      await runChild<WarmResult>(WARM_JS, [bundle, linked, '0', String(CONNECTION_INVOKES)], env);
      connections[side] = { opened: probe.connections, requests: emulator.log.length - before };
    }

    // 5. Sequential Spotify round trips per intent.
    console.log('round trips: each intent once against a fresh emulator ...');
    const roundTripModule = await loadRoundTrips();
    const roundTrips =
      typeof roundTripModule === 'string' ? [] : await measureRoundTrips(b.subject.outfile, roundTripModule);

    // 6. Time to music, every Spotify answer 150 ms late.
    console.log(`time to music: each play and write intent, every Spotify call ${ROUND_TRIP_MS} ms late ...`);
    const music =
      typeof roundTripModule === 'string' ? [] : await measureTimeToMusic(b.subject.outfile, roundTripModule);

    // The table. Cold-start targets are judged on whole processes (spawn → exit), as the issue measured
    // its bracketed figures; the in-process figure (require + first invoke) is shown beside it.
    const cold = (samples: Record<'reference' | 'subject' | 'plainAxios', ColdSample[]>) => {
      const boot = median(Object.values<ColdSample[]>(samples).flatMap((rows) => rows.map((r) => r.bootMs)));
      const ms = {
        referenceWall: wholeProcessMs(samples.reference, boot),
        subjectWall: wholeProcessMs(samples.subject, boot),
        plainAxiosWall: wholeProcessMs(samples.plainAxios, boot),
        reference: medianOf(samples.reference, 'coldMs'),
        subject: medianOf(samples.subject, 'coldMs'),
        plainAxios: medianOf(samples.plainAxios, 'coldMs'),
      };
      return {
        wall: ms.subjectWall / ms.referenceWall,
        /** The plain ratio of whole-process medians, for comparison (noisier: see wholeProcessMs). */
        rawWall: medianOf(samples.subject, 'wallMs') / medianOf(samples.reference, 'wallMs'),
        bootMs: boot,
        inProcess: ms.subject / ms.reference,
        plainWall: ms.plainAxiosWall / ms.referenceWall,
        plainInProcess: ms.plainAxios / ms.reference,
        ms,
      };
    };
    const warmMean = (side: WarmSide) => median(warm[side].map((r) => r.meanUs));
    const ratios0 = { coldUnlinked: cold(coldUnlinked), coldLinked: cold(coldLinked) };
    const ratios = {
      ...ratios0,
      /** (c) against (b): what axios alone adds to a linked cold start. */
      coldLinkedAxiosOnly: {
        wall:
          wholeProcessMs(coldLinked.axiosReference, ratios0.coldLinked.bootMs) /
          wholeProcessMs(coldLinked.reference, ratios0.coldLinked.bootMs),
        inProcess: medianOf(coldLinked.axiosReference, 'coldMs') / medianOf(coldLinked.reference, 'coldMs'),
      },
      warm: warmMean('subject') / warmMean('reference'),
      warmPerInvokeMedian:
        median(warm.subject.map((r) => r.medianUs)) / median(warm.reference.map((r) => r.medianUs)),
      /** (c) against (b): axios's share of a warm request; the skill against (c): the skill's own share. */
      warmAxiosOnly: warmMean('axiosReference') / warmMean('reference'),
      warmSkillOverAxios: warmMean('subject') / warmMean('axiosReference'),
    };
    const coldRow = (label: string, r: ReturnType<typeof cold>, target: number, sound: boolean): Row => ({
      target: `${label} ≤ ${target}×`,
      measured: x(r.wall),
      detail:
        `whole process ${msText(r.ms.subjectWall)} vs ${msText(r.ms.referenceWall)} ` +
        `(plain medians ${x(r.rawWall)}); ` +
        `in-process ${x(r.inProcess)} (${msText(r.ms.subject)} vs ${msText(r.ms.reference)}); ` +
        `axios loaded plainly ${x(r.plainWall)}`,
      pass: r.wall <= target && sound,
    });
    const rows: Row[] = [
      {
        target: `bundle ≤ ${TARGETS.bundleBytes / 1000} KB minified`,
        measured: `${(b.subject.bytes / 1000).toFixed(1)} KB`,
        detail: `(a) ${(b.referenceA.bytes / 1000).toFixed(1)} KB; axios loaded plainly ${(b.plainAxios.bytes / 1000).toFixed(1)} KB`,
        pass: b.subject.bytes <= TARGETS.bundleBytes,
      },
      coldRow(
        'cold start, unlinked launch, vs (a)',
        ratios.coldUnlinked,
        TARGETS.coldUnlinked,
        sane.unlinkedAnsweredWithLinkCard,
      ),
      (() => {
        const row = coldRow(
          'cold start, linked launch + 1 GET, vs (b)',
          ratios.coldLinked,
          TARGETS.coldLinked,
          sane.linkedSpokeWithoutLinkCard,
        );
        const c = ratios.coldLinkedAxiosOnly;
        return { ...row, detail: `${row.detail}; (c) ${x(c.wall)} (in-process ${x(c.inProcess)})` };
      })(),
      {
        target: `warm, 1 GET per request, vs (b) ≤ ${TARGETS.warm}×`,
        measured: x(ratios.warm),
        detail:
          `mean ${(warmMean('subject') / 1000).toFixed(3)} ms vs ${(warmMean('reference') / 1000).toFixed(3)} ms ` +
          `per request; per-invoke median ${x(ratios.warmPerInvokeMedian)}; (c) axios alone ` +
          `${x(ratios.warmAxiosOnly)} (b), skill ${x(ratios.warmSkillOverAxios)} (c)`,
        pass:
          ratios.warm <= TARGETS.warm &&
          Object.values(warm).every((runs) => runs.every((r) => r.failures === 0)),
      },
      {
        target: `TCP connections, ${CONNECTION_INVOKES} warm invocations = ${TARGETS.connections}`,
        measured: `${connections.subject.opened}`,
        detail: `${connections.subject.requests} requests; reference (b) ${connections.reference.opened}; warm loops ${warmConnections.subject.join(', ')}`,
        pass:
          connections.subject.opened === TARGETS.connections &&
          connections.subject.requests === CONNECTION_INVOKES,
      },
      ...roundTrips.map((r) => ({
        target: `round trips, ${r.intent} = ${r.minimum}`,
        measured: `${r.achieved}`,
        detail:
          r.error ??
          `"${r.say}": ${r.requests.map((q) => `${q.request.split('?')[0]} ${q.status}`).join(', ') || 'no request'}` +
            (r.fromLog !== undefined && r.fromLog !== r.achieved
              ? ` (server-side log without added latency: ${r.fromLog})`
              : ''),
        pass: !r.error && r.achieved === r.minimum && r.spoke,
      })),
      ...music.map((r) => ({
        target: `time to music, ${r.intent}: first ≤ ${r.target.first}, repeat ≤ ${r.target.repeat}`,
        measured: `${r.first.toFixed(2)} / ${r.repeat.toFixed(2)}`,
        detail:
          r.error ??
          `"${r.say}": ${r.firstMs.toFixed(0)} / ${r.repeatMs.toFixed(0)} ms (${ROUND_TRIP_MS} ms per round trip; ` +
            `limit ${r.limit.first} / ${r.limit.repeat}); repeat: ${r.calls.repeat.join(', ')}`,
        pass: musicPass(r),
      })),
    ];
    printTable(rows);
    if (typeof roundTripModule === 'string') console.log(`\nround trips not measured: ${roundTripModule}`);
    console.log(
      `\ntime to music, as a ratio to one ${ROUND_TRIP_MS} ms round trip (first: this user's caches cold; ` +
        `repeat: warm):\n\n${musicMarkdown(music)}`,
    );
    const misses = rows.filter((r) => !r.pass).length;
    console.log(`\n${rows.length - misses} PASS, ${misses} MISS`);

    const results = {
      date: new Date().toISOString(),
      machine,
      settings: { coldRuns: COLD_RUNS, warmRuns: WARM_RUNS, warmup: WARMUP, measured: MEASURED },
      targets: TARGETS,
      table: rows,
      ratios,
      bundles: {
        subject: { bytes: b.subject.bytes, breakdown: bundleBreakdown(b.subject.metafile) },
        plainAxios: { bytes: b.plainAxios.bytes, breakdown: bundleBreakdown(b.plainAxios.metafile) },
        referenceA: { bytes: b.referenceA.bytes },
        referenceB: { bytes: b.referenceB.bytes },
      },
      cold: { unlinked: coldUnlinked, linked: coldLinked, sane },
      warm: { ...warm, connections: warmConnections },
      connections,
      roundTrips,
      timeToMusic: { roundTripMs: ROUND_TRIP_MS, results: music },
      seconds: Math.round((Date.now() - began) / 1000),
    };
    fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
    console.log(`${path.relative(ROOT, RESULTS)} written; ${results.seconds} s in all`);
  } finally {
    probe?.close();
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
