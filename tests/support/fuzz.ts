/**
 * One budget for every fuzz test (issue #9, "Fuzzing"): `npm test` runs a few cases, `npm run fuzz` many
 * (the script's name is how a test knows), and FUZZ_CASES sets the count for any run. FUZZ_SEED sets the
 * first seed (1 by default), so every run is the same run until one of them is changed; a failure names
 * the seed that replays it.
 *
 * What a "case" is belongs to each file: tests/integration/bundle-fuzz.test.ts counts mutated bundles,
 * tests/integration/contract-fuzz.test.ts inputs per call and property.
 */
export const inFuzzRun = process.env.npm_lifecycle_event === 'fuzz';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not ${JSON.stringify(raw)}`);
  return value;
}

/** The number of cases: FUZZ_CASES, else `inFuzzRun` in `npm run fuzz`, else `inTest`. */
export function fuzzCases(inTest: number, inFuzz: number): number {
  return positiveInteger('FUZZ_CASES', inFuzzRun ? inFuzz : inTest);
}

/** The first seed: FUZZ_SEED, else 1. */
export const fuzzSeed = positiveInteger('FUZZ_SEED', 1);
