#!/usr/bin/env node
// pnpm spec:diff [ref]
//
// Compares every spec of redocly.yaml with the same file at `ref` (default: the last release tag, else
// main), prints the semver impact of each change (scripts/lib/spec-diff.mjs), and fails when a spec
// changed without a pending changeset for its package of at least that bump. CI runs it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadApis, repoRoot } from "./lib/apis.mjs";
import { pendingBumps } from "./lib/changesets.mjs";
import { atLeast, classifySpecChange } from "./lib/spec-diff.mjs";

const git = (...args) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
const tryGit = (...args) => {
  try {
    return git(...args).trim();
  } catch {
    return undefined;
  }
};

/** The last release tag, else main (or origin/main in a clone of another branch). */
function defaultRef() {
  const tag = tryGit("describe", "--tags", "--abbrev=0");
  if (tag) return tag;
  const branch = ["main", "origin/main"].find((ref) => tryGit("rev-parse", "--verify", "--quiet", `${ref}^{commit}`));
  if (!branch) throw new Error("no release tag and no main branch to compare with: pass a ref (pnpm spec:diff <ref>)");
  return branch;
}

const ref = process.argv[2] ?? defaultRef();
if (tryGit("rev-parse", "--verify", "--quiet", `${ref}^{commit}`) === undefined) {
  console.error(`spec:diff: unknown git ref ${ref}`);
  process.exit(2);
}
const bumps = pendingBumps(repoRoot);
let blocked = 0;
console.log(`spec:diff: comparing every spec with ${ref}`);
for (const api of loadApis()) {
  const packageName = JSON.parse(readFileSync(join(repoRoot, api.packageDir, "package.json"), "utf8")).name;
  const previous = tryGit("show", `${ref}:${api.spec}`);
  const { level, changes } = classifySpecChange(previous === undefined ? undefined : parse(previous), parse(readFileSync(join(repoRoot, api.spec), "utf8")));
  if (level === "none") {
    console.log(`spec:diff: ${api.spec}: no change`);
    continue;
  }
  const bump = bumps.get(packageName);
  const ok = bump !== undefined && atLeast(level, bump);
  console.log(`spec:diff: ${api.spec}: ${level} (${changes.length} changes); changeset for ${packageName}: ${bump ?? "none"} ${ok ? "✓" : "✗"}`);
  for (const change of changes.filter((c) => c.level === level).slice(0, 10)) console.log(`  ${change.level}: ${change.description}`);
  if (!ok) {
    blocked++;
    console.error(
      `spec:diff: ${api.spec} has ${level === "major" ? "breaking" : level} changes: add a changeset with "${packageName}": ${level} (pnpm changeset)`,
    );
  }
}
process.exit(blocked ? 1 : 0);
