// Installs the published packages exactly as a user gets them: `pnpm pack` of every public package under
// packages/ (pack rewrites workspace: ranges and applies `files`), then `npm install` of the tarballs into a
// consumer folder outside the workspace (no workspace links, no hoisting from the repo). Shared by the pack
// smoke test (scripts/pack-smoke.mjs), the README checker and the examples checker, so all three test the
// same thing a user installs. Needs `pnpm build` first.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./apis.mjs";

/** Runs a command, returning its stdout; a failure throws with the command's stderr on the error. */
export const run = (command, args, cwd, env = process.env) =>
  execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Every public package under packages/: `{ dir, manifest }`, from the workspace, never a hand-kept list. */
export function publishedPackages() {
  return readdirSync(join(repoRoot, "packages"))
    .filter((dir) => existsSync(join(repoRoot, "packages", dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
}

/** The TypeScript and @types/node a consumer type-checks with (the versions the repo itself uses). */
export const consumerToolchain = ["typescript@~5.9.3", "@types/node@^20"];

/**
 * Packs every public package and installs the tarballs (plus `extra` npm specs) into a fresh consumer
 * folder. Returns `{ work, tarballs, consumer, packages, cleanup }`; call `cleanup()` when done.
 * `log` receives one line per phase.
 */
export function packAndInstall({ extra = consumerToolchain, prefix = "oauth-kit-packed-", log = () => {} } = {}) {
  const packages = publishedPackages();
  const work = mkdtempSync(join(tmpdir(), prefix));
  const tarballs = join(work, "tarballs");
  const consumer = join(work, "consumer");
  mkdirSync(tarballs);
  mkdirSync(consumer);
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    for (const { dir, manifest } of packages) {
      if (!existsSync(join(repoRoot, "packages", dir, "dist", "index.js"))) throw new Error(`${manifest.name} is not built: run pnpm build`);
      run("pnpm", ["pack", "--pack-destination", tarballs], join(repoRoot, "packages", dir));
    }
    const files = readdirSync(tarballs).map((file) => join(tarballs, file));
    // What every published tarball must carry besides its code: the licence the package.json names.
    for (const file of files) {
      const listed = run("tar", ["-tzf", file], work).split("\n");
      for (const required of ["package/package.json", "package/README.md", "package/LICENSE"]) {
        if (!listed.includes(required)) throw new Error(`${file} does not contain ${required.slice("package/".length)}`);
      }
    }
    log(`packed ${files.length} packages into ${tarballs}, each with its README and LICENSE`);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "oauth-kit-consumer", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files, ...extra], consumer);
    for (const { manifest } of packages) {
      if (!existsSync(join(consumer, "node_modules", ...manifest.name.split("/"), "package.json"))) throw new Error(`${manifest.name} did not install`);
    }
    log(`installed the tarballs with npm in ${consumer}`);
    return { work, tarballs, consumer, packages, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
