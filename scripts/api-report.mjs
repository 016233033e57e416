#!/usr/bin/env node
// pnpm api:check — fail when a package's public API differs from its committed report (review the change,
//                  then pnpm api:update).
// pnpm api:update [package ...] — rewrite the reports (every published package, or those named).
// See scripts/lib/api-report.mjs for what a report holds and why it is not API Extractor.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { renderReports, staleReports } from "./lib/api-report.mjs";

const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith("--"));
const started = Date.now();
if (args.includes("--update")) {
  const reports = renderReports({ only });
  for (const { file, text } of reports) writeFileSync(join(repoRoot, file), text);
  console.log(`api-report: wrote ${reports.length} reports in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  const stale = staleReports({ only });
  if (stale.length) {
    console.error(
      `api-report: the public API of ${stale.map((r) => r.name).join(", ")} differs from ${stale.map((r) => r.file).join(", ")}.\n` +
        "Review the change (git diff after updating), then run `pnpm api:update` and commit the reports.",
    );
    process.exit(1);
  }
  console.log(`api-report: every report matches the sources (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
