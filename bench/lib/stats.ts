/** Small statistics for the benchmark: medians and ratios of medians. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Ratio of the subject's median to the reference's median. */
export function medianRatio(subject: readonly number[], reference: readonly number[]): number {
  return median(subject) / median(reference);
}

/**
 * The order of `runs` rounds of measurements of several bundles, rotating who goes first in each round
 * (A B C, B C A, C A B, ...), so that a drift in the machine's speed during the run weighs on all equally.
 */
export function rotations<T>(names: readonly T[], runs: number): T[] {
  const order: T[] = [];
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < names.length; j++) order.push(names[(i + j) % names.length]);
  }
  return order;
}
