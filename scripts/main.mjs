#!/usr/bin/env node
// pnpm main: the maintainer's whole job in one command. Lints every spec, regenerates every package's
// generated code, builds every package (turbo, cached), and says what it did at each step.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadApis, repoRoot, toolsRoot } from "./lib/apis.mjs";

const bin = (name) => join(toolsRoot, "node_modules", ".bin", name);
const mainStarted = Date.now();

// Quiet by design: the tools this job runs do not send usage telemetry from it, so neither prints its
// telemetry notice (set the variables to 0 in your shell to allow them).
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: process.env.TURBO_TELEMETRY_DISABLED ?? "1", REDOCLY_TELEMETRY: process.env.REDOCLY_TELEMETRY ?? "off" };

/**
 * Redocly CLI prints a 12-line box on Node 20 saying that its *future* releases need Node 22.12. The
 * version pinned here runs on Node 20 and CI tests it there, so the box is replaced by one line that says
 * what it means for this repository.
 */
function withoutRedoclyNodeBox(stderr) {
  const box = /\n? *╔[\s\S]*?Node\.js 20 support is ending[\s\S]*?╚═*╝\n/;
  if (!box.test(stderr)) return stderr;
  return stderr.replace(box, "(Redocly CLI notes that its future releases need Node 22.12+; the pinned version runs on Node 20, which CI tests.)\n");
}

function step(title, command, args, { filterStderr } = {}) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, env, stdio: ["inherit", "inherit", filterStderr ? "pipe" : "inherit"], encoding: "utf8" });
  if (filterStderr) process.stderr.write(filterStderr(result.stderr ?? ""));
  if (result.status !== 0) {
    console.error(`\nmain: "${title}" failed (exit ${result.status ?? result.signal}); stopped.`);
    process.exit(result.status ?? 1);
  }
  console.log(`== ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const apis = loadApis();
step(`lint ${apis.length} specs (${apis.map((a) => a.spec).join(", ")})`, bin("redocly"), ["lint", "--format=stylish"], { filterStderr: withoutRedoclyNodeBox });
step("generate types and metadata", process.execPath, [join(repoRoot, "scripts", "generate.mjs"), "--no-lint"]);
step("build every package (turbo)", bin("turbo"), ["run", "build", "--output-logs=errors-only"]);
console.log(`\nmain: done in ${((Date.now() - mainStarted) / 1000).toFixed(1)} s.`);
console.log(`main: linted ${apis.length} specs, regenerated ${apis.length * 2} files, built every package.`);
