// A package's entry points, read from its own package.json: every `exports` subpath (but ./package.json)
// and every `bin`, each as the built file it names in dist/ and the TypeScript source it is built from.
// No dependencies, so the build (scripts/build-package.mjs) can use it without loading the workspace tools.

/** `./dist/x/y.js` -> `./src/x/y.ts`; a target outside dist/ (testkit exports its `.ts` sources) is kept. */
export const sourceOf = (file) => file.replace(/^\.\/dist\//, "./src/").replace(/\.js$/, ".ts");

/** The file an `exports` target resolves to for an ES module import (`default`, else `import`). */
function importTarget(target) {
  if (typeof target === "string") return target;
  return target?.default ?? target?.import;
}

/** `[{ subpath, file, source }]` for each `exports` subpath (`subpath` "." for the root) of `manifest`. */
export function exportEntries(manifest) {
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, target]) => {
      const file = importTarget(target);
      if (typeof file !== "string") throw new Error(`${manifest.name}: exports["${subpath}"] names no "default" or "import" file`);
      return { subpath, file, source: sourceOf(file) };
    });
}

/** `[{ name, file, source }]` for each command of `bin` (a string bin is named after the package). */
export function binEntries(manifest) {
  const bin = typeof manifest.bin === "string" ? { [manifest.name.split("/").pop()]: manifest.bin } : (manifest.bin ?? {});
  return Object.entries(bin).map(([name, file]) => ({ name, file, source: sourceOf(file) }));
}
