// What a browser user ships: a README quick start bundled with esbuild (browser, ESM, minified, ES2022)
// and gzipped at level 9, with a per-input-file breakdown from esbuild's metafile. Used by `pnpm size`
// (scripts/size.mjs) and by packages/turnkey/scripts/measure-size.mjs (the @turnkey/http comparison).
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { repoRoot } from "./apis.mjs";

/** The esbuild settings every size figure uses, so figures measured by different scripts compare. */
export const BROWSER_BUNDLE = {
  bundle: true,
  write: false,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  metafile: true,
  logLevel: "silent",
};

/**
 * The first ```ts block of the README's "## Quick start" section, exactly as written (each package's
 * test/readme.test.ts runs the same block).
 */
export function quickStartSource(readme) {
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? "";
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ```ts block under "## Quick start"');
  return match[1];
}

/** Bundles `contents` with BROWSER_BUNDLE plus `options`: `{ min, gzip, inputs }` (bytes; inputs by size). */
export async function bundleSize(contents, { loader = "ts", resolveDir, ...options } = {}) {
  const result = await build({
    ...BROWSER_BUNDLE,
    stdin: { contents, loader, resolveDir, sourcefile: "quick-start" },
    absWorkingDir: repoRoot,
    ...options,
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = [];
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (bytesInOutput > 0) inputs.push({ file: displayPath(path), bytes: bytesInOutput, gzipAlone: await gzipAlone(path) });
  }
  inputs.sort((a, b) => b.bytes - a.bytes);
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
}

/**
 * One input file minified and gzipped on its own: gzip does not split across files, so this is how
 * the breakdown shows what a file weighs compressed (data such as the generated metadata compresses far
 * better than code). Its whole source, so above its tree-shaken share; undefined for the quick start itself.
 */
async function gzipAlone(path) {
  const file = join(repoRoot, path);
  if (!existsSync(file)) return undefined;
  const loader = /\.[cm]?tsx?$/.test(file) ? "ts" : "js";
  const { code } = await transform(readFileSync(file, "utf8"), { loader, minify: true, format: "esm", target: "es2022" });
  return gzipSync(code, { level: 9 }).byteLength;
}

/**
 * The package's README quick start against its built `dist/` (what users install): the package's own
 * name resolves to its package.json `exports`, its dependencies (auth, openapi-fetch) the way pnpm linked them.
 */
export async function quickStartSize(packageDir) {
  const dir = join(repoRoot, packageDir);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entry = manifest.exports?.["."]?.default ?? manifest.main;
  return bundleSize(quickStartSource(readFileSync(join(dir, "README.md"), "utf8")), {
    resolveDir: dir,
    alias: { [manifest.name]: join(dir, entry) },
  });
}

/** `node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.js` → `openapi-fetch/dist/index.js`. */
function displayPath(path) {
  const inModules = path.split("node_modules/").pop();
  if (inModules !== path) return inModules;
  return relative(repoRoot, join(repoRoot, path)).replace(/^packages\//, "");
}

/** "6 kB" / "5.5 kB" / "6000" → bytes (kB = 1000 bytes, as size-limit counts). */
export function parseBytes(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(kB|B)?\s*$/.exec(String(text));
  if (!match) throw new Error(`not a size: ${JSON.stringify(text)} (write e.g. "6 kB")`);
  return Math.round(Number(match[1]) * (match[2] === "kB" ? 1000 : 1));
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
