#!/usr/bin/env node
// Every published package's `build` script: `node ../../scripts/build-package.mjs`, run in the package folder.
//
// JavaScript: one esbuild bundle per entry point read from the package's own package.json (each `exports`
// subpath and each `bin`), ESM, with `splitting` on, so code shared between entries (auth's ".", "./errors"
// and "./file-store") lives in shared chunks under dist/chunks/ and every class has ONE identity whichever
// subpath it is imported from, and a dynamic `import()` stays a chunk of its own, loaded when called.
// Why bundle: Node's ESM loader pays per module (resolve, read, link), and one .js per source file made a
// provider's import ~50 modules, twice what the code itself costs to load (issue #11, cold start).
// Every bare import (dependencies, sibling @oauth-kit packages, `node:` built-ins) stays external: the
// package manager links those, and a bare import that is not a declared dependency fails the build.
// The esbuild target is the tsconfig's `target`; sourcemaps (with their sources) sit next to each file.
//
// Declarations: `tsc` (tsconfig.build.json, declarations only) into the same dist/ layout as before, so the
// `types` paths, the API reports and TypeDoc are unchanged. It also type-checks, as the build always did.
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import ts from "typescript";
import { binEntries, exportEntries } from "./lib/package-entries.mjs";

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

/** `{ "index": "src/index.ts", "file-store/index": ..., "cli": ... }`: esbuild's output name (under dist/) → source. */
function entryPoints() {
  const entries = {};
  for (const { file, source } of [...exportEntries(manifest), ...binEntries(manifest)]) {
    if (!file.startsWith("./dist/") || !file.endsWith(".js")) throw new Error(`${manifest.name}: entry ${file} is not a .js file in dist/`);
    entries[file.slice("./dist/".length, -".js".length)] = join(packageDir, source);
  }
  if (Object.keys(entries).length === 0) throw new Error(`${manifest.name}: package.json has no "exports" or "bin" to build`);
  return entries;
}

/** A bare specifier's package name: `@scope/name/sub` → `@scope/name`, `ajv/dist/2020.js` → `ajv`. */
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Bare imports left in the output that the package does not declare: they would fail for every user. */
function undeclaredImports(metafile) {
  const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }));
  const missing = new Set();
  for (const output of Object.values(metafile.outputs)) {
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

const result = await build({
  absWorkingDir: packageDir,
  entryPoints: entryPoints(),
  outdir: dist,
  bundle: true,
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
});
const missing = undeclaredImports(result.metafile);
if (missing.length) {
  console.error(`${manifest.name}: src imports ${missing.join(", ")}, not in its dependencies or peerDependencies`);
  process.exit(1);
}

const program = ts.createProgram(tsconfig.fileNames, { ...tsconfig.options, emitDeclarationOnly: true, declaration: true, noEmit: false });
const emitted = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length) fail(diagnostics);

const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"));
console.log(`${manifest.name}: ${files.length} JavaScript files (${Object.keys(entryPoints()).length} entries + chunks) and declarations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
