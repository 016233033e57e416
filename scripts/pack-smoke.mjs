#!/usr/bin/env node
// pnpm smoke: proves each published package works from its tarball alone. Packs every public package and
// installs the tarballs with npm outside the workspace (scripts/lib/packed-install.mjs), type-checks a small
// consumer per package (scripts/smoke/<dir>.ts) with TypeScript's NodeNext resolution, and runs it against a
// server on 127.0.0.1. Needs `pnpm build` first. `pnpm smoke <package> ...` narrows it to those packages
// and the workspace packages they depend on (check:new-provider smoke-tests only the new ones this way).
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { packAndInstall, publishedPackages, run } from "./lib/packed-install.mjs";

let passed = 0;
let failed = 0;
let installed;

try {
  installed = packAndInstall({ prefix: "oauth-kit-smoke-", only: process.argv.slice(2), log: (line) => console.log(`smoke: ${line}`) });
  const { consumer, packages, work, tarballs } = installed;
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  mkdirSync(join(consumer, "src"));
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, outDir: "out", rootDir: "src", types: ["node"], skipLibCheck: false },
      include: ["src"],
    }),
  );

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
  failed = Math.max(1, publishedPackages().length - passed);
} finally {
  installed?.cleanup();
}
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
