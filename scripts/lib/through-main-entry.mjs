// An esbuild plugin for a package's secondary entries (`exports` subpaths other than "."): an import that
// resolves to a source file the main entry already bundles is imported from the main entry's built file
// instead of being bundled again. So each class has one identity whichever subpath it comes from, and
// loading the package in Node costs one module per entry used, not an entry plus the shared chunks that
// esbuild's `splitting` would make (each module costs Node's loader about as much as the code it holds:
// issue #11, cold start).
//
// The main entry must export every name a secondary entry takes from it; Node refuses to link otherwise,
// and the build checks that by importing each secondary entry (see build-package.mjs).
import { relative, dirname } from "node:path";

/**
 * `mainInputs`: absolute paths of the source files in the main entry's bundle; `mainOutput` and
 * `entryOutput`: absolute paths of the built main entry and of the entry being built.
 */
export function throughMainEntry({ mainInputs, mainOutput, entryOutput }) {
  let target = relative(dirname(entryOutput), mainOutput).replaceAll("\\", "/");
  if (!target.startsWith(".")) target = `./${target}`;
  return {
    name: "through-main-entry",
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === "through-main-entry") return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "through-main-entry" });
        // Anything else resolves as it would without this plugin (esbuild reports a failure itself).
        if (resolved.errors.length > 0 || !mainInputs.has(resolved.path)) return undefined;
        return { path: target, external: true };
      });
    },
  };
}
