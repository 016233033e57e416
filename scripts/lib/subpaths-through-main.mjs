// An esbuild plugin: an import of a workspace package's subpath whose every export is the very value its
// main entry exports under the same name (`@oauth-kit/auth/errors`, the error family, is such a subpath)
// is rewritten to name those exports from the main entry. The built code then loads one module of that
// package instead of two: a provider already imports `@oauth-kit/auth`, and each extra module costs
// Node's loader about a millisecond at start-up (issue #11, cold start). Same values, so nothing changes
// for a caller, `instanceof` included. The type declarations keep the subpath.
//
// The subpath is compared from its built dist/ (turbo builds dependencies first), so what is rewritten is
// exactly what users would load. Other subpaths, and packages installed from the registry, are left alone.
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";

const SUBPATH_IMPORT = /^((?:@[\w-][\w.-]*\/)?[\w-][\w.-]*)\/(.+)$/;

export function subpathsThroughMain({ packageDir }) {
  const require = createRequire(join(packageDir, "package.json"));
  // Linked from a folder of the workspace (pnpm's `workspace:` links), not installed from the registry.
  const isWorkspacePackage = (name) => {
    try {
      const dir = realpathSync(join(require.resolve(`${name}/package.json`), ".."));
      return !dir.split(sep).includes("node_modules");
    } catch {
      return false;
    }
  };
  /** The names to import from the main entry instead, or undefined to leave the import as it is. */
  const sameAsMain = async (name, specifier) => {
    const subpath = await import(pathToFileURL(require.resolve(specifier)).href);
    const main = await import(pathToFileURL(require.resolve(name)).href);
    const names = Object.keys(subpath);
    return names.length > 0 && names.every((key) => key in main && main[key] === subpath[key]) ? names : undefined;
  };
  return {
    name: "subpaths-through-main",
    setup(build) {
      build.onResolve({ filter: SUBPATH_IMPORT }, async (args) => {
        const [, name] = SUBPATH_IMPORT.exec(args.path);
        if (!isWorkspacePackage(name)) return undefined;
        const names = await sameAsMain(name, args.path);
        if (names === undefined) return undefined;
        return { path: args.path, namespace: "subpaths-through-main", pluginData: { name, names } };
      });
      build.onLoad({ filter: /.*/, namespace: "subpaths-through-main" }, (args) => {
        const { name, names } = args.pluginData;
        return { contents: `export { ${names.join(", ")} } from ${JSON.stringify(name)};\n`, loader: "js", resolveDir: packageDir };
      });
    },
  };
}
