#!/usr/bin/env node
// Every published package's `build` script: `node ../../scripts/build-package.mjs`, run in the package folder.
//
// JavaScript: one esbuild bundle per entry point read from the package's own package.json, ESM:
// - the main entry (".") alone, so importing the package loads one file (chunks only for a dynamic
//   `import()`, loaded when called);
// - each other `exports` subpath takes whatever the main entry already bundles from the main entry's file
//   (lib/through-main-entry.mjs), so every class has ONE identity whichever subpath it comes from;
// - each `bin` bundles everything it needs (a program of its own);
// - an import of a sibling package's subpath that only re-exports that package's main entry (the error
//   family, `@oauth-kit/auth/errors`) names those exports from the main entry (lib/subpaths-through-main.mjs).
// Why bundle, and why so few files: Node's ESM loader pays per module (resolve, read, link), about a
// millisecond each here, as much as the code costs to compile (issue #11, cold start).
// Every bare import (dependencies, sibling @oauth-kit packages, `node:` built-ins) stays external: the
// package manager links those, and a bare import that is not a declared dependency fails the build.
// The esbuild target is the tsconfig's `target`; sourcemaps (with their sources) sit next to each file.
//
// Declarations: `tsc` (tsconfig.build.json, declarations only) into the same dist/ layout as before, so the
// `types` paths, the API reports and TypeDoc are unchanged. It also type-checks, as the build always did.
import { readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { binEntries, exportEntries } from "./lib/package-entries.mjs";
import { subpathsThroughMain } from "./lib/subpaths-through-main.mjs";
import { throughMainEntry } from "./lib/through-main-entry.mjs";

const packageDir = resolve(process.argv[2] ?? process.cwd());
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const tsconfigPath = join(packageDir, "tsconfig.build.json");
const started = Date.now();

/** tsconfig.build.json as tsc reads it (extends resolved), failing on a broken config. */
function readTsconfig() {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (parsed.errors.length) fail(parsed.errors);
  return parsed;
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => packageDir, getNewLine: () => "\n" };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

/**
 * The entries to build, each as `{ out: "index" | "file-store/index" | "cli", source }` (esbuild's output
 * name under dist/ and the source): `main` is the "." export, `secondary` the other exports, `bins` the
 * commands.
 */
function entryPoints() {
  const toEntry = ({ file, source }) => {
    if (!file.startsWith("./dist/") || !file.endsWith(".js")) throw new Error(`${manifest.name}: entry ${file} is not a .js file in dist/`);
    return { out: file.slice("./dist/".length, -".js".length), source: join(packageDir, source) };
  };
  const exported = exportEntries(manifest);
  const main = exported.find(({ subpath }) => subpath === ".");
  const entries = { main: main && toEntry(main), secondary: exported.filter((entry) => entry !== main).map(toEntry), bins: binEntries(manifest).map(toEntry) };
  if (!entries.main && entries.secondary.length === 0 && entries.bins.length === 0) throw new Error(`${manifest.name}: package.json has no "exports" or "bin" to build`);
  return entries;
}

/** A bare specifier's package name: `@scope/name/sub` → `@scope/name`, `ajv/dist/2020.js` → `ajv`. */
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Bare imports left in the outputs that the package does not declare: they would fail for every user. */
function undeclaredImports(outputs) {
  const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }));
  const missing = new Set();
  for (const output of Object.values(outputs)) {
    for (const { path, external } of output.imports) {
      if (!external || path.startsWith("node:") || path.startsWith(".") || path.startsWith("/")) continue;
      if (!declared.has(packageName(path))) missing.add(path);
    }
  }
  return [...missing];
}

const tsconfig = readTsconfig();
const dist = join(packageDir, "dist");
// A clean dist/: files of an earlier layout (one .js per source) must not linger and be published.
rmSync(dist, { recursive: true, force: true });

const common = {
  absWorkingDir: packageDir,
  outdir: dist,
  bundle: true,
  // Only for a dynamic import(), which stays a chunk of its own, loaded when called.
  splitting: true,
  format: "esm",
  platform: manifest.oauthKit?.platform === "node" ? "node" : "neutral",
  target: ts.ScriptTarget[tsconfig.options.target ?? ts.ScriptTarget.ES2022].toLowerCase(),
  packages: "external",
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  sourcesContent: true,
  metafile: true,
  logLevel: "warning",
  plugins: [subpathsThroughMain({ packageDir })],
};
const entries = entryPoints();
const results = [];
// The main entry alone, so all it loads up front is one file (no chunks shared with other entries).
const main = entries.main && (await build({ ...common, entryPoints: { [entries.main.out]: entries.main.source } }));
if (main) results.push(main);
// Each other export takes what the main entry already holds from the main entry's file.
const mainInputs = new Set(Object.keys(main?.metafile.inputs ?? {}).map((input) => resolve(packageDir, input)));
for (const entry of entries.secondary) {
  const plugins = [...common.plugins];
  if (main) plugins.push(throughMainEntry({ mainInputs, mainOutput: join(dist, `${entries.main.out}.js`), entryOutput: join(dist, `${entry.out}.js`) }));
  results.push(await build({ ...common, entryPoints: { [entry.out]: entry.source }, plugins }));
}
// A command is a program of its own: it bundles what it needs (it shares no objects with an importer).
if (entries.bins.length) results.push(await build({ ...common, entryPoints: Object.fromEntries(entries.bins.map((bin) => [bin.out, bin.source])) }));
const outputs = Object.assign({}, ...results.map((built) => built.metafile.outputs));
// A secondary entry links against names the main entry must export: load each once, so a missing export
// fails the build here rather than a user's import.
for (const entry of main ? entries.secondary : []) {
  const url = pathToFileURL(join(dist, `${entry.out}.js`)).href;
  try {
    execFileSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(url)})`], { stdio: "pipe" });
  } catch (error) {
    console.error(`${manifest.name}: dist/${entry.out}.js does not load: it imports from the main entry what that does not export?\n${error.stderr}`);
    process.exit(1);
  }
}
const missing = undeclaredImports(outputs);
if (missing.length) {
  console.error(`${manifest.name}: src imports ${missing.join(", ")}, not in its dependencies or peerDependencies`);
  process.exit(1);
}

const program = ts.createProgram(tsconfig.fileNames, { ...tsconfig.options, emitDeclarationOnly: true, declaration: true, noEmit: false });
const emitted = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length) fail(diagnostics);

const files = Object.keys(outputs).filter((file) => file.endsWith(".js"));
console.log(`${manifest.name}: ${files.length} JavaScript files (${Object.values(entries).flat().filter(Boolean).length} entries + chunks) and declarations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
