// What a browser user ships: a README quick start bundled with esbuild (browser, ESM, minified, ES2022,
// split into chunks where it imports lazily) and gzipped at level 9, with a per-input-file breakdown from
// esbuild's metafile. Used by `pnpm size`
// (scripts/size.mjs) and by packages/turnkey/scripts/measure-size.mjs (the @turnkey/http comparison).
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { repoRoot } from "./apis.mjs";
import { sourceEntries } from "./workspace.mjs";

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

/** Where the bundles would go: a path esbuild needs for `splitting`, never written (`write: false`). */
const OUTDIR = join(repoRoot, ".size-bundle");

/**
 * Bundles `contents` with BROWSER_BUNDLE plus `options`, split as a user's bundler splits it (a dynamic
 * `import()` becomes a chunk fetched when called). Returns (bytes; each file gzipped on its own, as a
 * browser fetches it):
 * - `min`, `gzip`: the total, every chunk included (what the budget is enforced on);
 * - `initial: { min, gzip }`: what loads up front, the entry and the chunks it imports statically;
 * - `lazyChunks`: how many chunks load only through `import()`;
 * - `inputs`: the input files by bytes in the output, all chunks summed.
 */
export async function bundleSize(contents, { loader = "ts", resolveDir, ...options } = {}) {
  const result = await build({
    ...BROWSER_BUNDLE,
    stdin: { contents, loader, resolveDir, sourcefile: "quick-start" },
    absWorkingDir: repoRoot,
    splitting: true,
    outdir: OUTDIR,
    ...options,
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const outputs = Object.keys(result.metafile.outputs).filter((path) => path.endsWith(".js"));
  const sizeOf = (paths) => {
    const contentsOf = paths.map((path) => files.get(join(repoRoot, path)));
    return {
      min: contentsOf.reduce((sum, code) => sum + code.byteLength, 0),
      gzip: contentsOf.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).byteLength, 0),
    };
  };
  const entry = outputs.find((path) => result.metafile.outputs[path].entryPoint);
  const initial = staticClosure(result.metafile, entry);
  const bytesOf = new Map();
  for (const path of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs[path].inputs)) {
      bytesOf.set(input, (bytesOf.get(input) ?? 0) + bytesInOutput);
    }
  }
  const inputs = [];
  for (const [path, bytes] of bytesOf) {
    if (bytes > 0) inputs.push({ file: displayPath(path), bytes, gzipAlone: await gzipAlone(path) });
  }
  inputs.sort((a, b) => b.bytes - a.bytes);
  return { ...sizeOf(outputs), initial: sizeOf(initial), lazyChunks: outputs.length - initial.length, inputs };
}

/** The output `entry` and every output it imports statically, directly or not (metafile output paths). */
function staticClosure(metafile, entry) {
  const seen = new Set([entry]);
  for (const path of seen) {
    for (const { path: imported, kind } of metafile.outputs[path].imports) {
      if (kind === "import-statement" && metafile.outputs[imported]) seen.add(imported);
    }
  }
  return [...seen];
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
 * name resolves to its package.json `exports`, its dependencies (auth, openapi-fetch) the way pnpm linked
 * them. Every size figure comes from that bundle. `inputs`, the per-source-file breakdown, comes from a
 * second bundle of the same quick start with every workspace package taken from its `src/` (the dist/ files
 * are whole bundles, so they say nothing per source file); `breakdownMin` is that second bundle's size,
 * printed beside the breakdown so the two are not mistaken for each other.
 */
export async function quickStartSize(packageDir) {
  const { source, dir, againstDist } = quickStartOf(packageDir);
  const built = await bundleSize(source, againstDist);
  const fromSources = await bundleSize(source, { resolveDir: dir, plugins: [workspaceSources()] });
  return { ...built, inputs: fromSources.inputs, breakdownMin: fromSources.min };
}

/**
 * A package's README quick start, and the bundle options that take the package's own name from its built
 * `dist/` (its package.json `exports`) and its dependencies the way pnpm linked them.
 */
function quickStartOf(packageDir) {
  const dir = join(repoRoot, packageDir);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entry = manifest.exports?.["."]?.default ?? manifest.main;
  const source = quickStartSource(readFileSync(join(dir, "README.md"), "utf8"));
  return { source, dir, againstDist: { resolveDir: dir, alias: { [manifest.name]: join(dir, entry) } } };
}

/**
 * What a quick start weighs that @oauth-kit/auth cannot change, the floor under its size:
 * - `provider`: the quick start bundled as quickStartSize() bundles it, but with @oauth-kit/auth left out
 *   (external, so neither auth nor the openapi-fetch it imports is counted): the quick start's own lines,
 *   the provider package's code and its generated metadata;
 * - `openapiFetch`: openapi-fetch's createClient bundled alone (every client is one).
 * Each is a separate file gzipped on its own, so `gzip` (their sum) is a little above what the two weigh
 * inside one bundle. A target below it cannot be met by any auth layer, however small.
 */
export async function quickStartFloor(packageDir) {
  const { source, againstDist } = quickStartOf(packageDir);
  const provider = await bundleSize(source, { ...againstDist, external: ["@oauth-kit/auth", "@oauth-kit/auth/*"] });
  const openapiFetch = await openapiFetchAlone();
  return {
    provider: { min: provider.min, gzip: provider.gzip, inputs: provider.inputs },
    openapiFetch: { min: openapiFetch.min, gzip: openapiFetch.gzip },
    gzip: provider.gzip + openapiFetch.gzip,
  };
}

let openapiFetchBundle;
/** openapi-fetch's createClient bundled alone, as auth's dependency resolves it: the same for every provider. */
function openapiFetchAlone() {
  openapiFetchBundle ??= bundleSize('import createClient from "openapi-fetch";\ncreateClient({ baseUrl: "https://api.example.invalid" });\n', {
    loader: "js",
    resolveDir: join(repoRoot, "packages", "auth"),
  });
  return openapiFetchBundle;
}

/** Resolves each workspace package specifier (`@oauth-kit/auth/errors`, ...) to its TypeScript source. */
function workspaceSources() {
  const sources = new Map(sourceEntries().map(({ specifier, source }) => [specifier, source]));
  return {
    name: "workspace-sources",
    setup(build) {
      build.onResolve({ filter: /^@oauth-kit\// }, ({ path }) => (sources.has(path) ? { path: sources.get(path) } : undefined));
    },
  };
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
