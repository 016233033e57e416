// The pending changesets (.changeset/*.md): the highest bump each package will get at the next release.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { LEVELS } from "./spec-diff.mjs";

/** `Map<packageName, "patch" | "minor" | "major">` over every pending changeset. */
export function pendingBumps(root) {
  const dir = join(root, ".changeset");
  const bumps = new Map();
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".md") && name !== "README.md")) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1];
    for (const [name, bump] of Object.entries(parse(frontmatter ?? "") ?? {})) {
      if (!LEVELS.includes(bump)) throw new Error(`.changeset/${file}: ${name} has bump "${bump}" (patch, minor or major)`);
      if (LEVELS.indexOf(bump) > LEVELS.indexOf(bumps.get(name) ?? "none")) bumps.set(name, bump);
    }
  }
  return bumps;
}
