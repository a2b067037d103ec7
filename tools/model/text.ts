/**
 * How samples are read: the `{slot}` references in them, and the normal form Alexa compares them in.
 * Shared by the validator, the model rules, the console's resolver and the tests.
 */

/** A `{slot}` reference in a sample (global: use with matchAll or replace). */
export const SLOT_REF = /\{([^{}]*)\}/g;

/** "Play  My {playlist} " → "play my {playlist}": how Alexa compares samples for duplicates. */
export function normalise(sample: string): string {
  return sample.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The sample with every slot blanked: two intents with one shape compete for the same sentences. */
export function shapeOf(sample: string): string {
  return normalise(sample).replace(/\{[^}]*\}/g, '{}');
}

/** The slot names a sample refers to, in order (repeats kept). */
export function slotsIn(sample: string): string[] {
  return [...sample.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}
