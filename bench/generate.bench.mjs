// Codegen: the wall time of `node scripts/generate.mjs` (lint + generate every spec of redocly.yaml) in a
// fresh process, as `pnpm generate` runs it without the package manager in front, interleaved with a bare
// `node -e ""` (what any Node process costs to start and exit on this machine). Two rows: against issue
// #11's acceptance of 4 s (a fixed figure, not a measurement: its "ratio" is the share of the budget used)
// and against the bare process start. The run must leave the generated files as committed: it fails when a
// round changes one, or when any differs from git's HEAD afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadApis, repoRoot } from "../scripts/lib/apis.mjs";
import { compare, report } from "./lib/report.mjs";
import { interleave } from "./lib/stats.mjs";

const ROUNDS = 5;
/** Issue #11: `pnpm generate` for all five specs ≤ 4 s wall on this machine (goal 3 s). */
const ACCEPTANCE_S = 4;
const apis = loadApis();
const generatedFiles = apis.flatMap((api) => [api.schemaOutput, api.metadataOutput]);

/** The generated files' content, hashed, to tell whether a round changed one. */
const fingerprint = () => generatedFiles.map((file) => createHash("sha256").update(readFileSync(join(repoRoot, file))).digest("hex")).join(",");

/** Seconds of wall time for `node ...args` run from the repository root, failing when it fails. */
function wallSeconds(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  return seconds;
}

const before = fingerprint();
const generate = () => {
  const seconds = wallSeconds([join("scripts", "generate.mjs")]);
  if (fingerprint() !== before) throw new Error("scripts/generate.mjs changed a generated file: its output is not what the specs generate");
  return seconds;
};

console.log(`generate (lint + generate ${apis.length} specs, fresh process each): ${ROUNDS} rounds, interleaved with a bare node start`);
const samples = await interleave({ 'node -e ""': async () => wallSeconds(["-e", ""]), "scripts/generate.mjs": async () => generate() }, { rounds: ROUNDS });

const changed = execFileSync("git", ["status", "--porcelain", "--", ...generatedFiles], { cwd: repoRoot, encoding: "utf8" }).trim();
if (changed) throw new Error(`generated files differ from git's HEAD after the run:\n${changed}`);
console.log(`  output unchanged: ${generatedFiles.length} generated files identical before, during and after, and to git's HEAD`);

const acceptance = samples["scripts/generate.mjs"].map(() => ACCEPTANCE_S);
const label = `lint + generate ${apis.length} specs (fresh process)`;
report(compare({ bench: "generate", case: label, samples: { ...samples, "issue #11 acceptance (4 s)": acceptance }, baseline: "issue #11 acceptance (4 s)", unit: "s" })
  .filter((row) => row.variant === "scripts/generate.mjs"));
report(compare({ bench: "generate", case: label, samples, baseline: 'node -e ""', unit: "s" }));
