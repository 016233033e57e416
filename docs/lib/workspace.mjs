// The packages and providers the docs site covers, discovered, never listed by hand: every published
// (non-private) package of the pnpm workspace, and every API of redocly.yaml with the package it generates.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadApis, repoRoot } from "../../scripts/lib/apis.mjs";

export { repoRoot };

/**
 * Every published workspace package: `{ dir, name, description, root, entry, exports, repository }`, where
 * `entry` is its main TypeScript source (the `.` export) and `exports` maps each import specifier of the
 * package (`@oauth-kit/auth/errors`, ...) to the TypeScript source behind it.
 */
export function publishedPackages() {
  const packagesDir = join(repoRoot, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ dir: entry.name, root: join(packagesDir, entry.name) }))
    .map(({ dir, root }) => ({ dir, root, manifest: readManifest(root) }))
    .filter(({ manifest }) => manifest && !manifest.private)
    .map(({ dir, root, manifest }) => {
      const exports = sourceExports(root, manifest);
      return {
        dir,
        root,
        name: manifest.name,
        description: manifest.description ?? "",
        entry: exports[manifest.name],
        exports,
        repository: repositoryWebUrl(manifest),
      };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Every API of redocly.yaml as `{ name, spec, package }`, `package` being the published package it generates. */
export function providers(packages = publishedPackages()) {
  return loadApis().map((api) => {
    const pkg = packages.find((candidate) => join("packages", candidate.dir) === api.packageDir);
    if (!pkg) throw new Error(`redocly.yaml: api "${api.name}" generates ${api.packageDir}, which is not a published package`);
    return { name: api.name, spec: api.spec, package: pkg };
  });
}

function readManifest(root) {
  try {
    return JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
}

// `exports` point at built files (dist/x.d.ts); the docs are built from the sources (src/x.ts), so that
// `pnpm docs` needs no build first.
function sourceExports(root, manifest) {
  const out = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const types = typeof target === "object" ? target.types : undefined;
    if (typeof types !== "string") continue;
    const source = types.replace(/^\.\/dist\//, "./src/").replace(/\.d\.ts$/, ".ts");
    out[subpath === "." ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, "")}`] = join(root, source);
  }
  return out;
}

// git+https://github.com/o/r.git -> https://github.com/o/r (where README links to repository files go).
function repositoryWebUrl(manifest) {
  const url = typeof manifest.repository === "object" ? manifest.repository.url : manifest.repository;
  return typeof url === "string" ? url.replace(/^git\+/, "").replace(/\.git$/, "") : undefined;
}
