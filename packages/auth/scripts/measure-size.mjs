#!/usr/bin/env node
// Measures the min+gzip size of @oauth-kit/auth as a provider quick start ships it: an entry importing
// createProviderClient, basic(), unwrap() and the error classes, bundled from source with esbuild
// (minified, tree-shaken, ESM), with openapi-fetch both external and included, then gzip -9.
// Also reports the whole public API for comparison.
//
//   node packages/auth/scripts/measure-size.mjs          (from the repository root)
//   node scripts/measure-size.mjs --json                  (from packages/auth; machine-readable)

import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

const QUICK_START = `export {
  createProviderClient,
  basic,
  unwrap,
  OAuthKitError,
  ApiError,
  OAuthError,
  InvalidResponseError,
  TimeoutError,
  AbortError,
  ConnectionError,
  RedirectError,
  ConfigError,
} from "./src/index.ts";`;

const EVERYTHING = `export * from "./src/index.ts";`;

async function measure(contents, external) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    external: external ? ["openapi-fetch"] : [],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [];
for (const [entry, contents] of [
  ["quick start (createProviderClient, basic, unwrap, errors)", QUICK_START],
  ["whole public API (incl. OAuth helpers, token source, stamper)", EVERYTHING],
]) {
  for (const external of [true, false]) {
    const { min, gzip } = await measure(contents, external);
    rows.push({ entry, openapiFetch: external ? "external" : "included", min, gzip });
  }
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
  console.log("| entry | openapi-fetch | min | min+gzip |");
  console.log("|---|---|---:|---:|");
  for (const row of rows) console.log(`| ${row.entry} | ${row.openapiFetch} | ${kb(row.min)} | ${kb(row.gzip)} (${row.gzip} B) |`);
}
