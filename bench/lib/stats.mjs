// Statistics and the interleaved runner shared by every bench/*.bench.mjs. Variants run A B C, A B C, ...
// in several rounds, so load that comes and goes on a shared machine hits every variant alike; each
// ratio is taken within one round (variant ÷ baseline, same round) and summarised over the rounds.

/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `{ median, min, max }` of a non-empty list. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Per-round ratios of `samples[variant]` to `samples[baseline]` (both lists of one figure per round, in
 * round order), summarised. For times, a ratio above 1 means the variant is slower.
 */
export function roundRatios(variantSamples, baselineSamples) {
  if (variantSamples.length !== baselineSamples.length || variantSamples.length === 0) {
    throw new Error(`ratio needs one sample per round for both (got ${variantSamples.length} and ${baselineSamples.length})`);
  }
  return summarize(variantSamples.map((value, round) => value / baselineSamples[round]));
}

/**
 * Runs every variant once per round, in turn, for `rounds` rounds (after `warmupRounds` unrecorded
 * ones). `variants` maps a name to an async function returning one figure for that run (e.g. µs per
 * call). Returns `{ [name]: number[] }`, one figure per recorded round.
 */
export async function interleave(variants, { rounds, warmupRounds = 1 }) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    // Each round starts one variant later, so no variant always runs right after the same other one.
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const figure = await variants[name]();
      if (round >= warmupRounds) samples[name].push(figure);
    }
  }
  return samples;
}

/** Average µs per call of `call` over `iterations` sequential calls. */
export async function microsPerCall(call, iterations) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await call();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

/** `1.23× (1.10–1.41×)`: median and the range over rounds. */
export function formatRatio({ median: mid, min, max }) {
  return `${mid.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)}×)`;
}

/** A figure with its unit, to three significant digits. */
export function formatFigure(value, unit) {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}
