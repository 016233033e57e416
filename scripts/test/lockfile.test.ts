// The lockfile serves every platform we support (RELEASE: Linux, macOS and Windows on x64 and arm64):
// a package that ships per-platform binaries as optional dependencies (turbo, esbuild, rolldown, ...) must
// have one locked for each, or `pnpm install --frozen-lockfile` on that platform would go without its
// binary, and an install on Linux would rewrite the lockfile. pnpm-workspace.yaml's supportedArchitectures
// makes pnpm resolve them all; this test keeps it that way.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../lib/apis.mjs";

const PLATFORMS = ["linux", "darwin", "win32"].flatMap((os) => ["x64", "arm64"].map((cpu) => ({ os, cpu })));

const lock = parse(readFileSync(join(repoRoot, "pnpm-lock.yaml"), "utf8")) as {
  packages: Record<string, { os?: string[]; cpu?: string[] }>;
  snapshots: Record<string, { optionalDependencies?: Record<string, string> }>;
};
const workspace = parse(readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8")) as {
  supportedArchitectures?: { os?: string[]; cpu?: string[] };
};

/** Parents whose optional dependencies are binaries for several operating systems. */
function platformFamilies() {
  return Object.entries(lock.snapshots).flatMap(([parent, snapshot]) => {
    const binaries = Object.entries(snapshot.optionalDependencies ?? {})
      .map(([name, version]) => lock.packages[`${name}@${version}`])
      .filter((pkg) => pkg?.os !== undefined && pkg.cpu !== undefined) as { os: string[]; cpu: string[] }[];
    const systems = new Set(binaries.flatMap((pkg) => pkg.os));
    return systems.size >= 2 ? [{ parent, binaries }] : [];
  });
}

describe("pnpm-lock.yaml", () => {
  it("pnpm-workspace.yaml asks pnpm to resolve every supported platform", () => {
    expect(workspace.supportedArchitectures?.os).toEqual(expect.arrayContaining(["linux", "darwin", "win32"]));
    expect(workspace.supportedArchitectures?.cpu).toEqual(expect.arrayContaining(["x64", "arm64"]));
  });

  it("has platform binaries to check (turbo at least)", () => {
    expect(platformFamilies().map(({ parent }) => parent)).toContainEqual(expect.stringMatching(/^turbo@/));
  });

  it.each(platformFamilies())("$parent has a binary locked for every supported os and cpu", ({ binaries }) => {
    const missing = PLATFORMS.filter(({ os, cpu }) => !binaries.some((pkg) => pkg.os.includes(os) && pkg.cpu.includes(cpu)));
    expect(missing).toEqual([]);
  });
});
