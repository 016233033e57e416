#!/usr/bin/env node
// pnpm generate [api ...] [--check] [--no-lint]
//
// For every API in redocly.yaml (or the ones named): lint the spec (if any spec fails lint, nothing is
// generated), bundle it, and write packages/<p>/src/generated/schema.ts (openapi-typescript, to the
// api's x-openapi-ts.output) and metadata.ts (scripts/lib/metadata.mjs), in one process
// (scripts/lib/codegen.mjs). Output is deterministic; a file whose content is unchanged is not rewritten.
// --check writes nothing: it regenerates in memory and fails naming every file that differs (the drift gate).
import { loadApis } from "./lib/apis.mjs";
import { describeResult, generate } from "./lib/codegen.mjs";

const args = process.argv.slice(2);
const check = args.includes("--check");
const lint = !args.includes("--no-lint") && !check;
const apis = loadApis(args.filter((a) => !a.startsWith("--")));

const result = await generate(apis, { lint, check });

if (result.lintErrors > 0) {
  console.error(`generate: lint failed; nothing was generated (${result.lintErrors} lint errors, listed above).`);
  process.exit(1);
}
if (check) {
  if (result.changed.length) {
    console.error(
      `check:generated: these files differ from what the specs generate:\n${result.changed.map((f) => `  ${f}`).join("\n")}\n` +
        "Run `pnpm generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`check:generated: ${apis.length} APIs, generated files match their specs.`);
} else {
  console.log(`generate: ${describeResult(result, apis.length)}`);
}
