// packages/<name>/package.json and tsconfigs: the same shape as every other provider package.

export function packageJson(n, versions) {
  const manifest = {
    name: n.packageName,
    version: "0.0.0",
    description: `Typed client for ${n.pascal}'s OAuth endpoints. TODO(new-provider): what it covers.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    // pnpm size: the README quick start's browser bundle, min+gzip; every provider declares one.
    sizeBudget: versions.sizeBudget,
    engines: versions.engines,
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "README.md", "LICENSE"],
    repository: { type: "git", url: "git+https://github.com/oauth-kit/oauth-kit.git", directory: `packages/${n.name}` },
    homepage: `https://github.com/oauth-kit/oauth-kit/tree/main/packages/${n.name}#readme`,
    bugs: { url: "https://github.com/oauth-kit/oauth-kit/issues" },
    publishConfig: { access: "public", provenance: true },
    keywords: [n.name, "oauth", "openapi", "openapi-fetch"],
    scripts: {
      build: "node ../../scripts/build-package.mjs",
      typecheck: "tsc -p tsconfig.json --noEmit",
      "check:package": "publint --strict && attw --pack . --profile esm-only",
    },
    dependencies: { "@oauth-kit/auth": "workspace:^", "openapi-fetch": versions.openapiFetch },
    devDependencies: { "@oauth-kit/testkit": "workspace:*" },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const tsconfigBuild = `${JSON.stringify(
  {
    extends: "../../tsconfig.base.json",
    compilerOptions: { rootDir: "src", outDir: "dist", noEmit: false, sourceMap: false, declarationMap: false },
    include: ["src"],
  },
  null,
  2,
)}\n`;

export const tsconfig = `${JSON.stringify(
  { extends: "../../tsconfig.base.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["src", "test"] },
  null,
  2,
)}\n`;

export function changeset(n) {
  return `---
"${n.packageName}": minor
---

New package: a typed client for ${n.pascal}'s OAuth endpoints. TODO(new-provider): one line for the changelog.
`;
}
