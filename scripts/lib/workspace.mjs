// The workspace packages, read from packages/*/package.json: the one list of what is published.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadApis, repoRoot } from "./apis.mjs";
import { exportEntries } from "./package-entries.mjs";

/**
 * Every workspace package as `{ dir, name, manifest, private, provider }`, sorted by folder name.
 * `provider` is the redocly.yaml API whose package this is (undefined for auth, testkit, ...).
 */
export function loadPackages(root = repoRoot) {
  const providers = new Map(loadApis().map((api) => [api.packageDir, api]));
  return readdirSync(join(root, "packages"))
    .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
    .sort()
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
      return { dir, name: manifest.name, manifest, private: manifest.private === true, provider: providers.get(`packages/${dir}`) };
    });
}

/** The packages that are published to npm. */
export const publishedPackages = (root = repoRoot) => loadPackages(root).filter((pkg) => !pkg.private);

/**
 * Each export subpath of a workspace package mapped to its TypeScript source, for tools that run on
 * sources (vitest, esbuild): `./dist/x.js` -> `src/x.ts`; a package that exports `.ts` files directly
 * (testkit) is taken as is. Returns `[{ specifier, source }]`.
 */
export function sourceEntries(root = repoRoot) {
  return loadPackages(root).flatMap(({ dir, name, manifest }) =>
    exportEntries(manifest).map(({ subpath, source }) => ({
      specifier: subpath === "." ? name : `${name}/${subpath.slice(2)}`,
      source: join(root, "packages", dir, source),
    })),
  );
}
