/**
 * `npm run fuzz [-- --runs N] [--seed S] [--strict]`: the fuzz property of test/fuzz/fuzz.test.ts at scale
 * (100,000 generated envelopes by default) against one emulator, printing progress, the count, every distinct
 * failure with its first counterexample and seed, what the error handler absorbed, and known-bug hits.
 * Exits 1 on any failure no known bug explains (with --strict, on known bugs too).
 */
import fc from 'fast-check';
import { fuzzCase, type FuzzCase } from './envelopes';
import { KNOWN_BUGS, triage } from './known-bugs';
import { describeCase, startFuzzRig } from './property';
import { withSpotifyFaults } from './spotify-faults';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const RUNS = Number(arg('runs') ?? 100_000);
const SEED = Number(arg('seed') ?? Date.now() % 2 ** 31);
const STRICT = process.argv.includes('--strict');
const BATCH = 500;

/** Failure messages with their variable parts (numbers, quoted strings) folded, to group alike ones. */
const kind = (failure: string) =>
  failure
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 160);

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS <= 0) throw new Error('--runs must be a positive integer');
  const rig = await startFuzzRig({ sink: () => undefined });
  const secrets = [rig.token, `${rig.token}-revoked`];
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('<token>'), text);
  const failures = new Map<string, { count: number; example: string }>();
  const known = new Map<string, number>();
  const absorbed = new Map<string, { count: number; label: string }>();
  let wellFormed = 0;
  let threw = 0;
  const started = Date.now();
  console.log(`fuzz: ${RUNS} envelopes, seed ${SEED}`);
  try {
    for (let done = 0, batch = 0; done < RUNS; batch++) {
      const n = Math.min(BATCH, RUNS - done);
      // One seed per batch, so any counterexample is reproducible without replaying the whole run.
      const batchSeed = (SEED + batch) | 0;
      const cases: FuzzCase[] = fc.sample(withSpotifyFaults(fuzzCase(rig.token)), {
        numRuns: n,
        seed: batchSeed,
      });
      for (const [index, c] of cases.entries()) {
        const result = await rig.check(c);
        if (c.wellFormed) wellFormed++;
        if (result.threw) threw++;
        const { unknown, known: hits } = triage(result.failures, c);
        for (const id of hits) known.set(id, (known.get(id) ?? 0) + 1);
        for (const f of STRICT ? result.failures : unknown) {
          const k = kind(f);
          const entry = failures.get(k);
          if (entry) entry.count++;
          else
            failures.set(k, {
              count: 1,
              example: redact(
                `${f}\n  case: ${c.label} (batch seed ${batchSeed}, index ${index})\n${describeCase(c)}`,
              ),
            });
        }
        for (const a of result.absorbed) {
          const k = kind(a);
          const entry = absorbed.get(k);
          if (entry) entry.count++;
          else absorbed.set(k, { count: 1, label: c.label });
        }
      }
      done += n;
      if (done % 5000 === 0 || done === RUNS) {
        const s = ((Date.now() - started) / 1000).toFixed(0);
        console.log(`  ${done}/${RUNS} in ${s} s, distinct failures: ${failures.size}`);
      }
    }
  } finally {
    await rig.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${RUNS} envelopes in ${seconds} s (${wellFormed} well-formed, ${RUNS - wellFormed} malformed; ${threw} threw, all malformed)`,
  );
  console.log('\nabsorbed by the error handler (answered "Sorry, something went wrong"):');
  for (const [k, v] of [...absorbed].sort((a, b) => b[1].count - a[1].count))
    console.log(`  ${String(v.count).padStart(6)}  ${k}\n          e.g. ${v.label.slice(0, 140)}`);
  console.log('\nknown bugs hit (test/fuzz/known-bugs.ts):');
  if (KNOWN_BUGS.length === 0) console.log('  (none listed)');
  for (const bug of KNOWN_BUGS) console.log(`  ${String(known.get(bug.id) ?? 0).padStart(6)}  ${bug.id}`);
  if (failures.size === 0) {
    console.log(`\nPASS: ${RUNS} of ${RUNS} envelopes held the property${STRICT ? ' (strict)' : ''}`);
    return;
  }
  console.log(`\nFAIL: ${failures.size} distinct failures`);
  for (const [k, v] of failures) console.log(`\n[${v.count}×] ${k}\n${v.example}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
