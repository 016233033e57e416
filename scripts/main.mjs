#!/usr/bin/env node
// pnpm main: the maintainer's whole job in one command. Lints every spec, regenerates every package's
// generated code, builds every package (turbo, cached), and says what it did at each step.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadApis, repoRoot, toolsRoot } from "./lib/apis.mjs";
import { describeResult, generate } from "./lib/codegen.mjs";

const bin = (name) => join(toolsRoot, "node_modules", ".bin", name);
const mainStarted = Date.now();
// Quiet by design: turbo sends no usage telemetry from this job, so it prints no telemetry notice (set
// TURBO_TELEMETRY_DISABLED=0 in your shell to allow it). Lint runs in-process through
// @redocly/openapi-core, which prints no Node-version banner.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: process.env.TURBO_TELEMETRY_DISABLED ?? "1" };

/** Runs one step (a function, sync or async; a falsy result or a throw fails it) and times it. */
async function step(title, run) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  let failure;
  try {
    failure = await run();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure) {
    console.error(`\nmain: "${title}" failed (${failure}); stopped.`);
    process.exit(1);
  }
  console.log(`== ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A step that runs a command; returns why it failed, if it did. */
function command(cmd, args) {
  return () => {
    const result = spawnSync(cmd, args, { cwd: repoRoot, env, stdio: "inherit" });
    return result.status === 0 ? undefined : `exit ${result.status ?? result.signal}`;
  };
}

const apis = loadApis();
let generated;
// In this process (scripts/lib/codegen.mjs): each spec is parsed once for lint and generation.
await step(`lint ${apis.length} specs (${apis.map((a) => a.spec).join(", ")}) and generate types and metadata`, async () => {
  generated = await generate(apis);
  if (generated.lintErrors > 0) return `lint failed; nothing was generated (${generated.lintErrors} lint errors, listed above)`;
  console.log(`generate: ${describeResult(generated, apis.length)}`);
});
await step("build every package (turbo)", command(bin("turbo"), ["run", "build", "--output-logs=errors-only"]));
console.log(`\nmain: ${describeResult(generated, apis.length)}; built every package; done in ${((Date.now() - mainStarted) / 1000).toFixed(1)} s.`);
