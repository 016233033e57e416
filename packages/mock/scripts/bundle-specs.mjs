#!/usr/bin/env node
// Build step: bundles each spec named in redocly.yaml (the same file lint and codegen read) into
// src/bundled/<api>.ts, and writes src/bundled/index.ts, the table of mock providers. The published
// package carries these, so it never reads the repository at run time. A provider with a behaviour module
// (src/providers/<api>/index.ts) gets it; one without is served from its spec alone (examples, validation).
// src/bundled/ is gitignored: it is rebuilt from the specs by every build and typecheck.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, loadConfig } from "@redocly/openapi-core";
import { loadApis, repoRoot } from "../../../scripts/lib/apis.mjs";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(packageDir, "src", "bundled");
const header = "// Written by packages/mock/scripts/bundle-specs.mjs from redocly.yaml and specs/; do not edit.\n";

const config = await loadConfig({ configPath: join(repoRoot, "redocly.yaml") });
const apis = loadApis();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const api of apis) {
  const { bundle: document, problems } = await bundle({ ref: join(repoRoot, api.spec), config, dereference: false });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length) throw new Error(`${api.spec}: ${errors.map((problem) => problem.message).join("; ")}`);
  // A JSON string parsed at load time: smaller and faster to load than an object literal of the same data.
  writeFileSync(
    join(out, `${api.name}.ts`),
    `${header}import type { OpenApiDocument } from "../spec/openapi.js";\n\n` +
      `/** ${api.spec}, bundled (internal $refs kept). */\n` +
      `export const spec: OpenApiDocument = JSON.parse(${JSON.stringify(JSON.stringify(document.parsed))});\n`,
  );
}

const entries = apis.map((api) => {
  const hasBehaviour = existsSync(join(packageDir, "src", "providers", api.name, "index.ts"));
  const behaviour = hasBehaviour ? `async () => (await import("../providers/${api.name}/index.js")).behaviour` : "undefined";
  return `  ${JSON.stringify(api.name)}: {\n    spec: async () => (await import("./${api.name}.js")).spec,\n    behaviour: ${behaviour},\n  },`;
});
writeFileSync(
  join(out, "index.ts"),
  `${header}import type { ProviderEntry } from "../provider.js";\n\n` +
    `/** Every API of redocly.yaml: its bundled spec and, where one exists, its provider behaviour (loaded on demand). */\n` +
    `export const providers = {\n${entries.join("\n")}\n} satisfies Record<string, ProviderEntry>;\n\n` +
    `/** The provider names the mock serves: the \`apis\` of redocly.yaml. */\n` +
    `export type MockProviderName = keyof typeof providers;\n`,
);
console.log(`mock: bundled ${apis.length} specs into ${out}`);
