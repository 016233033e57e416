#!/usr/bin/env node
// pnpm bench [--write-readme] [name-filter ...]
//
// Runs every bench/*.bench.mjs it finds (discovered, not listed: a new file joins by being there), each
// in its own Node process, one after another so they do not compete for the two cores. Bench files print
// their own figures; those that report through bench/lib/report.mjs also hand rows back (JSON lines in
// BENCH_RESULTS), which this prints as one summary and, with --write-readme, writes to the "Performance"
// section of the root README with the date and the machine. Nothing here asserts a duration.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchFiles, benchDir } from "./lib/discover.mjs";
import { machine, performanceSection, replaceSection } from "./lib/readme-table.mjs";
import { formatFigure, formatRatio } from "./lib/stats.mjs";

const args = process.argv.slice(2);
const writeReadme = args.includes("--write-readme");
const filters = args.filter((a) => !a.startsWith("--"));
const files = benchFiles().filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));
if (files.length === 0) throw new Error(`no bench/*.bench.mjs matches ${filters.join(", ")}`);

const scratch = mkdtempSync(join(tmpdir(), "oauth-kit-bench-"));
const results = join(scratch, "results.jsonl");
writeFileSync(results, "");
const failed = [];
const started = Date.now();
try {
  for (const file of files) {
    console.log(`\n== ${file}`);
    const fileStarted = Date.now();
    const run = spawnSync(process.execPath, [join(benchDir, file)], { stdio: "inherit", env: { ...process.env, BENCH_RESULTS: results } });
    const seconds = ((Date.now() - fileStarted) / 1000).toFixed(1);
    if (run.status === 0) console.log(`== ${file}: done in ${seconds} s`);
    else {
      failed.push(file);
      console.error(`== ${file}: FAILED (exit ${run.status ?? run.signal}) after ${seconds} s`);
    }
  }
  const rows = readFileSync(results, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));

  console.log(`\n== summary (${files.length} bench files, ${((Date.now() - started) / 1000).toFixed(0)} s; ratios: median (min–max) over rounds)`);
  for (const row of rows) {
    console.log(`${row.bench.padEnd(11)} ${`${row.case}: ${row.variant}`.padEnd(58)} ${formatRatio(row.ratio).padEnd(22)} ` +
      `${formatFigure(row.value.median, row.unit)} vs ${row.baseline} ${formatFigure(row.baselineValue.median, row.unit)}`);
  }
  if (writeReadme) {
    if (failed.length) throw new Error(`not writing the README: ${failed.join(", ")} failed`);
    const readme = join(benchDir, "..", "README.md");
    const section = performanceSection(rows, { date: new Date().toISOString().slice(0, 10), machine: machine(), files });
    writeFileSync(readme, replaceSection(readFileSync(readme, "utf8"), section));
    console.log("\nbench: wrote the Performance section of README.md");
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed.length) {
  console.error(`bench: ${failed.length} of ${files.length} bench files failed: ${failed.join(", ")}`);
  process.exit(1);
}
