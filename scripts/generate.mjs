#!/usr/bin/env node
// pnpm generate [api ...] [--check] [--no-lint]
//
// For every API in redocly.yaml (or the ones named): lint the spec (a spec that fails lint does not
// generate), bundle it, and write packages/<p>/src/generated/schema.ts (openapi-typescript, to the
// api's x-openapi-ts.output) and metadata.ts (scripts/lib/metadata.mjs). Output is deterministic.
// --check writes nothing: it regenerates in memory and fails naming every file that differs (the drift gate).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundle, loadConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import { loadApis, repoRoot, toolsRoot } from "./lib/apis.mjs";
import { buildMetadata } from "./lib/metadata.mjs";

const args = process.argv.slice(2);
const check = args.includes("--check");
const lint = !args.includes("--no-lint") && !check;
const apis = loadApis(args.filter((a) => !a.startsWith("--")));

function header(api) {
  return [
    `// Generated from ${api.spec} by \`pnpm generate\` (scripts/generate.mjs). Do not edit by hand:`,
    `// change the spec or the generator, then run \`pnpm generate\`.`,
    "",
  ].join("\n");
}

async function render(api, config) {
  const specPath = join(repoRoot, api.spec);
  if (!existsSync(specPath)) throw new Error(`${api.spec} does not exist (redocly.yaml api "${api.name}")`);
  const { bundle: bundled, problems } = await bundle({ ref: specPath, config, dereference: false });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new Error(`${api.spec}: bundling failed: ${errors.map((p) => p.message).join("; ")}`);
  const document = bundled.parsed;

  const ast = await openapiTS(structuredClone(document), { alphabetize: false, exportType: false });
  const schema = `${header(api)}\n${astToString(ast)}`;

  const { bundle: dereferenced } = await bundle({ ref: specPath, config, dereference: true });
  const metadata = buildMetadata(dereferenced.parsed, api.spec);
  const metadataTs = [
    header(api),
    'import type { ApiMetadata } from "@oauth-kit/auth";',
    "",
    `export const metadata = ${JSON.stringify(metadata, null, 2)} as const satisfies ApiMetadata;`,
    "",
  ].join("\n");

  return [
    [api.schemaOutput, schema],
    [api.metadataOutput, metadataTs],
  ];
}

if (lint) {
  console.log(`generate: linting ${apis.map((a) => a.name).join(", ")}`);
  const result = spawnSync(join(toolsRoot, "node_modules", ".bin", "redocly"), ["lint", ...apis.map((a) => a.name), "--format=stylish"], {
    cwd: repoRoot,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    console.error("generate: lint failed; nothing was generated.");
    process.exit(1);
  }
}

const config = await loadConfig({ configPath: join(repoRoot, "redocly.yaml") });
const drifted = [];
for (const api of apis) {
  for (const [file, content] of await render(api, config)) {
    const target = join(repoRoot, file);
    const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (check) {
      if (current !== content) drifted.push(file);
      continue;
    }
    if (current === content) {
      console.log(`generate: ${file} unchanged`);
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      console.log(`generate: wrote ${file}`);
    }
  }
}

if (check) {
  if (drifted.length) {
    console.error(
      `check:generated: these files differ from what the specs generate:\n${drifted.map((f) => `  ${f}`).join("\n")}\n` +
        "Run `pnpm generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`check:generated: ${apis.length} APIs, generated files match their specs.`);
}
