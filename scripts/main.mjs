#!/usr/bin/env node
// pnpm main: the maintainer's whole job in one command. Lints every spec, regenerates every package's
// generated code, builds every package (turbo, cached), and says what it did at each step.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadApis, repoRoot, toolsRoot } from "./lib/apis.mjs";

const bin = (name) => join(toolsRoot, "node_modules", ".bin", name);

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\nmain: "${title}" failed (exit ${result.status ?? result.signal}); stopped.`);
    process.exit(result.status ?? 1);
  }
  console.log(`== ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const apis = loadApis();
step(`lint ${apis.length} specs (${apis.map((a) => a.spec).join(", ")})`, bin("redocly"), ["lint", "--format=stylish"]);
step("generate types and metadata", process.execPath, [join(repoRoot, "scripts", "generate.mjs"), "--no-lint"]);
step("build every package (turbo)", bin("turbo"), ["run", "build", "--output-logs=errors-only"]);
console.log(`\nmain: linted ${apis.length} specs, regenerated ${apis.length * 2} files, built every package.`);
