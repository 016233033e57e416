// How a bench file hands its results to `pnpm bench` (bench/run.mjs): it prints them, and appends them
// as JSON lines to the file named by BENCH_RESULTS (set by the harness), which the harness collects for
// its summary and for the README table. A bench file run alone (`node bench/x.bench.mjs`) just prints.
import { appendFileSync } from "node:fs";
import { formatFigure, formatRatio, roundRatios, summarize } from "./stats.mjs";

/**
 * Compares each variant with `baseline` and reports one row per variant:
 * `{ bench, case, variant, baseline, ratio: {median,min,max}, value: {median,min,max}, unit, lowerIsBetter }`.
 * `samples` is interleave()'s result.
 */
export function compare({ bench, case: name, samples, baseline, unit, lowerIsBetter = true }) {
  const rows = [];
  for (const variant of Object.keys(samples)) {
    if (variant === baseline) continue;
    rows.push({
      bench,
      case: name,
      variant,
      baseline,
      unit,
      lowerIsBetter,
      ratio: roundRatios(samples[variant], samples[baseline]),
      value: summarize(samples[variant]),
      baselineValue: summarize(samples[baseline]),
    });
  }
  return rows;
}

/** Prints rows and hands them to the harness. */
export function report(rows) {
  for (const row of rows) {
    const better = row.lowerIsBetter ? "lower is better" : "higher is better";
    console.log(
      `  ${row.case}: ${row.variant} ${formatFigure(row.value.median, row.unit)} vs ${row.baseline} ` +
        `${formatFigure(row.baselineValue.median, row.unit)} → ${formatRatio(row.ratio)} (${better})`,
    );
  }
  if (process.env.BENCH_RESULTS) {
    appendFileSync(process.env.BENCH_RESULTS, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  }
}
