/** Fuzzing budget: small and seeded in `npm test`, large in `npm run fuzz` (CNC_FUZZ_RUNS). */
export const FUZZ = {
  seed: Number(process.env.CNC_FUZZ_SEED ?? 7311),
  numRuns: Number(process.env.CNC_FUZZ_RUNS ?? 300),
};
