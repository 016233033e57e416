// Lint and generate in one process: each spec is read and parsed once (one resolver shared by lint and
// bundle), linted with @redocly/openapi-core's Node API (the same engine and rules as `redocly lint`), and
// its bundled document goes straight to openapi-typescript and the metadata builder. Spawning the redocly
// CLI and re-reading the specs cost more than the work itself. openapi-typescript runs in a worker thread
// (scripts/lib/types-worker.mjs) while this thread lints; nothing is written unless every spec passes lint.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { BaseResolver, bundle, formatProblems, getTotals, lintDocument, loadConfig } from "@redocly/openapi-core";
import { repoRoot } from "./apis.mjs";
import { buildMetadata } from "./metadata.mjs";

/** The types worker: `render(document)` resolves to openapi-typescript's output for it. */
function startTypesWorker() {
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  const pending = new Map();
  let nextId = 0;
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", ({ id, text, error }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiter?.reject(new Error(`openapi-typescript failed: ${error}`));
    else waiter?.resolve(text);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the openapi-typescript worker exited (${code})`)));
  return {
    render(document) {
      const id = nextId++;
      const text = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ id, document });
      return text;
    },
    stop: () => worker.terminate(),
  };
}

function header(api) {
  return [
    `// Generated from ${api.spec} by \`pnpm generate\` (scripts/generate.mjs). Do not edit by hand:`,
    `// change the spec or the generator, then run \`pnpm generate\`.`,
    "",
  ].join("\n");
}

/** Reads and parses the spec once; the returned document serves lint and both bundles. */
async function loadSpec(api, resolver) {
  const specPath = join(repoRoot, api.spec);
  if (!existsSync(specPath)) throw new Error(`${api.spec} does not exist (redocly.yaml api "${api.name}")`);
  const document = await resolver.resolveDocument(null, specPath, true);
  if (document instanceof Error) throw new Error(`${api.spec}: ${document.message}`);
  return document;
}

/** Lints one spec with its api's rules; prints its problems as `redocly lint --format=stylish` does. */
async function lintSpec(api, document, config, resolver) {
  const problems = await lintDocument({ document, config: config.forAlias(api.name), externalRefResolver: resolver });
  const totals = getTotals(problems);
  if (totals.errors + totals.warnings > 0) {
    formatProblems(problems, { format: "stylish", totals, command: "lint", cwd: repoRoot });
  }
  return totals;
}

/** Bundles the spec (on a copy: lint must see the document as written) and hands it to the types worker. */
async function startRender(api, document, config, resolver, types) {
  const copy = { ...document, parsed: structuredClone(document.parsed) };
  const { bundle: bundled, problems } = await bundle({ doc: copy, config, externalRefResolver: resolver, dereference: false });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) return { error: new Error(`${api.spec}: bundling failed: ${errors.map((p) => p.message).join("; ")}`) };
  const schema = types.render(bundled.parsed);
  schema.catch(() => {}); // awaited in finishRender; a lint failure may leave it unread
  return { schema };
}

/** The two generated files of one api, as `[path relative to the repo root, content]`. */
async function finishRender(api, document, config, resolver, started) {
  if (started.error) throw started.error;
  const schema = `${header(api)}\n${await started.schema}`;

  const copy = { ...document, parsed: structuredClone(document.parsed) };
  const { bundle: dereferenced } = await bundle({ doc: copy, config, externalRefResolver: resolver, dereference: true });
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

/**
 * Lints (unless `lint` is false) and generates every api. Writes only files whose content changed, or
 * with `check`, writes nothing and reports the files that differ. A spec that fails lint stops the
 * whole run before anything is written. Returns what happened, for the caller to print.
 *
 * @returns {Promise<{ linted: string[], lintErrors: number, lintWarnings: number,
 *   changed: string[], unchanged: string[] }>} `changed` lists files written (or, with `check`, drifted).
 */
export async function generate(apis, { lint = true, check = false } = {}) {
  const types = startTypesWorker();
  try {
    return await lintAndGenerate(apis, { lint, check, types });
  } finally {
    await types.stop();
  }
}

async function lintAndGenerate(apis, { lint, check, types }) {
  const config = await loadConfig({ configPath: join(repoRoot, "redocly.yaml") });
  const resolver = new BaseResolver(config.resolve);
  const documents = [];
  for (const api of apis) documents.push(await loadSpec(api, resolver));
  // The types are generated on the worker while this thread lints.
  const started = [];
  for (const [i, api] of apis.entries()) started.push(await startRender(api, documents[i], config, resolver, types));

  const result = { linted: [], lintErrors: 0, lintWarnings: 0, changed: [], unchanged: [] };
  if (lint) {
    for (const [i, api] of apis.entries()) {
      const totals = await lintSpec(api, documents[i], config, resolver);
      result.linted.push(api.name);
      result.lintErrors += totals.errors;
      result.lintWarnings += totals.warnings;
    }
    if (result.lintErrors > 0) return result;
  }

  const outputs = [];
  for (const [i, api] of apis.entries()) outputs.push(...(await finishRender(api, documents[i], config, resolver, started[i])));
  for (const [file, content] of outputs) {
    const target = join(repoRoot, file);
    const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (current === content) {
      result.unchanged.push(file);
      continue;
    }
    result.changed.push(file);
    if (!check) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return result;
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** One honest line: "5 specs linted, 0 files changed" or the names of the files written. */
export function describeResult(result, apiCount) {
  const linted = result.linted.length ? `${count(result.linted.length, "spec")} linted` : `${count(apiCount, "spec")} generated without lint`;
  const warnings = result.lintWarnings ? ` (${count(result.lintWarnings, "lint warning")})` : "";
  const names = result.changed.length ? `: ${result.changed.join(", ")}` : "";
  return `${linted}${warnings}, ${count(result.changed.length, "file")} changed${names}`;
}
