/**
 * Bugs the fuzzer found and that are not fixed yet, written down narrowly so the property stays a tripwire
 * for everything else. Each entry matches one failure message (and, where it can, the input that explains
 * it); each has a `test.failing` reproduction in fuzz.test.ts, so when the bug is fixed that test fails
 * ("passed unexpectedly") and the entry must be deleted here.
 */
import type { FuzzCase } from './envelopes';

export interface KnownBug {
  id: string;
  /** What is wrong and where the fix belongs. */
  what: string;
  matches(failure: string, c: FuzzCase): boolean;
}

/**
 * Empty: every bug the fuzzer found so far is fixed (docs/robustness.md, "Found and fixed"), and its
 * reproduction is a plain test. A new entry needs a `test.failing` reproduction in fuzz.test.ts.
 */
export const KNOWN_BUGS: KnownBug[] = [];

/** The failures no known bug explains, and the ids of the known bugs that were hit. */
export function triage(failures: readonly string[], c: FuzzCase): { unknown: string[]; known: string[] } {
  const unknown: string[] = [];
  const known: string[] = [];
  for (const f of failures) {
    const bug = KNOWN_BUGS.find((b) => b.matches(f, c));
    if (bug) known.push(bug.id);
    else unknown.push(f);
  }
  return { unknown, known };
}
