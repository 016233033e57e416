#!/usr/bin/env node
// pnpm smoke: proves each published package works from its tarball alone. Packs every public package
// (pnpm pack rewrites workspace: ranges), installs the tarballs with npm into a folder outside the
// workspace (no workspace links), type-checks a small consumer per package (scripts/smoke/<dir>.ts) with
// TypeScript's NodeNext resolution, and runs it against a server on 127.0.0.1. Needs `pnpm build` first.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const packages = readdirSync(join(repoRoot, "packages"))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => !manifest.private);

const work = mkdtempSync(join(tmpdir(), "oauth-kit-smoke-"));
const tarballs = join(work, "tarballs");
const consumer = join(work, "consumer");
mkdirSync(tarballs);
mkdirSync(join(consumer, "src"), { recursive: true });
let passed = 0;
let failed = 0;

try {
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(repoRoot, "packages", dir, "dist", "index.js"))) throw new Error(`${manifest.name} is not built: run pnpm build`);
    run("pnpm", ["pack", "--pack-destination", tarballs], join(repoRoot, "packages", dir));
  }
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  console.log(`smoke: packed ${files.length} packages into ${tarballs}`);

  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "oauth-kit-smoke-consumer", private: true, type: "module" }));
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, outDir: "out", rootDir: "src", types: ["node"], skipLibCheck: false },
      include: ["src"],
    }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files, "typescript@~5.9.3", "@types/node@^20"], consumer);
  for (const { manifest } of packages) {
    const installed = join(consumer, "node_modules", ...manifest.name.split("/"));
    if (!existsSync(join(installed, "package.json"))) throw new Error(`${manifest.name} did not install`);
  }
  console.log(`smoke: installed the tarballs with npm in ${consumer}`);

  // Each package also installs alone: its own tarball plus those of the workspace packages it depends on,
  // nothing else from the workspace (a package that only worked next to its siblings would fail here).
  const tarballOf = (name) => files.find((file) => file.includes(`${name.replace("@", "").replace("/", "-")}-`));
  for (const { dir, manifest } of packages) {
    const siblings = Object.keys(manifest.dependencies ?? {}).filter((name) => packages.some((p) => p.manifest.name === name));
    const alone = join(work, `alone-${dir}`);
    mkdirSync(alone);
    writeFileSync(join(alone, "package.json"), JSON.stringify({ name: `alone-${dir}`, private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarballOf(manifest.name), ...siblings.map(tarballOf)], alone);
    run(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(manifest.name)})`], alone);
  }
  console.log("smoke: every package installs alone (with only its workspace dependencies) and imports");

  for (const { dir } of packages) {
    const source = join(repoRoot, "scripts", "smoke", `${dir}.ts`);
    if (!existsSync(source)) throw new Error(`no consumer for ${dir}: add scripts/smoke/${dir}.ts`);
    cpSync(source, join(consumer, "src", `${dir}.ts`));
  }
  run(join(consumer, "node_modules", ".bin", "tsc"), ["-p", "."], consumer);
  console.log("smoke: consumers type-check against the installed packages");

  for (const { dir, manifest } of packages) {
    try {
      const output = run(process.execPath, [join(consumer, "out", `${dir}.js`)], consumer).trim();
      if (!output.endsWith("ok")) throw new Error(`unexpected output: ${output}`);
      console.log(`smoke: ✓ ${manifest.name}: ${output}`);
      passed++;
    } catch (error) {
      console.error(`smoke: ✗ ${manifest.name}: ${error.stderr || error.message}`);
      failed++;
    }
  }
} catch (error) {
  console.error(`smoke: ${error.stderr || error.stdout || error.message}`);
  failed = Math.max(1, packages.length - passed);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
