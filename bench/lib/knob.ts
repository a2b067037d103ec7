/** A bench setting from the environment (`BENCH_COLD_RUNS=10 npm run bench`): a positive integer, else `fallback`. */
export const knob = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
