// scripts/build-package.mjs, every published package's build, on a small package written here: one bundle
// per `exports` and `bin` entry, the main entry one file that other exports import from (one class identity
// across entries, no shared chunks), a dynamic import left as its own lazily loaded chunk, the tsconfig's
// target, declarations in the source layout, a clean dist/, dependencies left external, an undeclared bare
// import refused, an export that takes from the main entry what it does not export refused, and a
// dependent package importing a subpath that only re-exports the main entry through the main entry.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../build-package.mjs", import.meta.url));
const fixtures = mkdtempSync(join(tmpdir(), "oauth-kit-build-package-"));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

const manifest = {
  name: "@fixture/split",
  version: "0.0.0",
  type: "module",
  sideEffects: false,
  exports: {
    ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
    "./errors": { types: "./dist/errors-entry.d.ts", default: "./dist/errors-entry.js" },
    "./package.json": "./package.json",
  },
  bin: { fixture: "./dist/cli.js" },
  dependencies: { "declared-dep": "^1.0.0" },
};
const tsconfig = {
  compilerOptions: {
    // Below the repo's ES2022 on purpose: the bundle must follow the package's tsconfig.
    target: "ES2019",
    lib: ["ES2022"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    declaration: true,
    rootDir: "src",
    outDir: "dist",
    types: [],
  },
  include: ["src"],
};
const sources: Record<string, string> = {
  "errors.ts": 'export class FixtureError extends Error {\n  readonly marker = "fixture-error-class";\n}\n',
  "errors-entry.ts": 'export { FixtureError } from "./errors.js";\n',
  "index.ts": [
    'import { FixtureError } from "./errors.js";',
    'export { FixtureError } from "./errors.js";',
    'export function fail(reason?: string): never { throw new FixtureError(reason ?? "no reason"); }',
    'export const loadLazy = () => import("./lazy.js");',
    "",
  ].join("\n"),
  "lazy.ts": "export const lazyValue = 42;\n",
  "cli.ts": ['#!/usr/bin/env node', 'import { answer } from "declared-dep";', 'import { fail } from "./index.js";', "if (answer !== 42) fail();", ""].join("\n"),
  "declared-dep.d.ts": 'declare module "declared-dep" { export const answer: number; }\n',
};

/** Writes the fixture package into a new folder, with `extra` source files, and runs the build there. */
function buildFixture(name: string, extra: Record<string, string> = {}) {
  const dir = join(fixtures, name);
  for (const [file, text] of Object.entries({ ...sources, ...extra })) {
    mkdirSync(dirname(join(dir, "src", file)), { recursive: true });
    writeFileSync(join(dir, "src", file), text);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  writeFileSync(join(dir, "tsconfig.build.json"), JSON.stringify(tsconfig));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "dist", "stale.js"), "export const stale = true;\n");
  const run = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { dir, status: run.status, output: `${run.stdout}${run.stderr}` };
}

const jsFiles = (dir: string) =>
  (readdirSync(join(dir, "dist"), { recursive: true }) as string[]).filter((file) => file.endsWith(".js")).map((file) => join(dir, "dist", file));

describe("scripts/build-package.mjs", { timeout: 120_000 }, () => {
  let built: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    built = buildFixture("ok");
  });

  it("builds every exports and bin entry, with declarations in the source layout, into a clean dist/", () => {
    expect(built.status, built.output).toBe(0);
    for (const file of ["index.js", "errors-entry.js", "cli.js", "index.d.ts", "errors.d.ts", "errors-entry.d.ts", "lazy.d.ts", "index.js.map"]) {
      expect(existsSync(join(built.dir, "dist", file)), file).toBe(true);
    }
    expect(existsSync(join(built.dir, "dist", "stale.js"))).toBe(false);
    expect(readFileSync(join(built.dir, "dist", "cli.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it("defines a class shared by two exports once, in the main entry, so instanceof holds across them", async () => {
    // The command bundles its own copy: a program of its own, it shares no objects with an importer.
    const definitions = jsFiles(built.dir).filter((file) => !file.endsWith("cli.js") && readFileSync(file, "utf8").includes("fixture-error-class"));
    expect(definitions).toEqual([join(built.dir, "dist", "index.js")]);
    expect(readFileSync(join(built.dir, "dist", "errors-entry.js"), "utf8")).toMatch(/import \{ FixtureError \} from "\.\/index\.js"/);
    const root = await import(pathToFileURL(join(built.dir, "dist", "index.js")).href);
    const errors = await import(pathToFileURL(join(built.dir, "dist", "errors-entry.js")).href);
    expect(root.FixtureError).toBe(errors.FixtureError);
    expect(() => root.fail("boom")).toThrow(errors.FixtureError);
  });

  it("keeps a dynamic import a chunk of its own, loaded only when called", async () => {
    const files = jsFiles(built.dir).map((file) => ({ file, text: readFileSync(file, "utf8") }));
    const lazy = files.map(({ text }) => /import\("\.\/(?:chunks\/)?(lazy-[A-Z0-9]+\.js)"\)/.exec(text)?.[1]).find(Boolean);
    expect(lazy, "a dynamic import() of a lazy-*.js chunk").toBeDefined();
    expect(readFileSync(join(built.dir, "dist", "chunks", lazy!), "utf8")).toContain("42");
    const staticImports = files.filter(({ text }) => new RegExp(`(from|import)\\s*"[^"]*${lazy!.replace(".", "\\.")}"`).test(text));
    expect(staticImports.map(({ file }) => file)).toEqual([]);
    expect(files.filter(({ text }) => text.includes("lazyValue = 42")).map(({ file }) => file)).toEqual([join(built.dir, "dist", "chunks", lazy!)]);
    const root = await import(pathToFileURL(join(built.dir, "dist", "index.js")).href);
    expect((await root.loadLazy()).lazyValue).toBe(42);
  });

  it("compiles to the tsconfig's target and leaves dependencies external", () => {
    const code = jsFiles(built.dir).map((file) => readFileSync(file, "utf8")).join("\n");
    expect(code).toContain('"no reason"');
    expect(code).not.toContain("??");
    const cli = readFileSync(join(built.dir, "dist", "cli.js"), "utf8");
    expect(cli).toMatch(/from "declared-dep"/);
  });

  it("gives another export nothing to load but the main entry (no chunks shared between exports)", () => {
    const entry = readFileSync(join(built.dir, "dist", "errors-entry.js"), "utf8");
    expect([...entry.matchAll(/from\s*"([^"]+)"/g)].map((match) => match[1])).toEqual(["./index.js"]);
  });

  it("refuses an export that takes from the main entry what the main entry does not export", () => {
    const hidden = buildFixture("hidden", {
      "errors.ts": 'export class FixtureError extends Error {\n  readonly marker = "fixture-error-class";\n}\nexport const internal = 1;\n',
      "errors-entry.ts": 'export { FixtureError, internal } from "./errors.js";\n',
    });
    expect(hidden.status).toBe(1);
    expect(hidden.output).toContain("dist/errors-entry.js does not load");
    expect(hidden.output).toMatch(/does not provide an export named 'internal'/);
  });

  it("builds a dependent's import of a subpath that only re-exports the main entry from the main entry", async () => {
    const dir = join(fixtures, "dependent");
    mkdirSync(join(dir, "src"), { recursive: true });
    mkdirSync(join(dir, "node_modules", "@fixture"), { recursive: true });
    // Linked from its folder, as pnpm links a workspace package.
    symlinkSync(built.dir, join(dir, "node_modules", "@fixture", "split"), "dir");
    writeFileSync(join(dir, "src", "index.ts"), 'export * from "@fixture/split/errors";\nexport { fail } from "@fixture/split";\n');
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "@fixture/dependent", version: "0.0.0", type: "module", exports: { ".": "./dist/index.js" }, dependencies: { "@fixture/split": "0.0.0" } }));
    writeFileSync(join(dir, "tsconfig.build.json"), JSON.stringify(tsconfig));
    const run = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    const code = readFileSync(join(dir, "dist", "index.js"), "utf8");
    expect(code).not.toContain(`from "@fixture/split/errors"`);
    expect(code).toMatch(/import \{ FixtureError \} from "@fixture\/split"/);
    const dependent = await import(pathToFileURL(join(dir, "dist", "index.js")).href);
    const errors = await import(pathToFileURL(join(built.dir, "dist", "errors-entry.js")).href);
    expect(dependent.FixtureError).toBe(errors.FixtureError);
  });

  it("refuses a bare import that is not a dependency", () => {
    const undeclared = buildFixture("undeclared", { "lazy.ts": 'export { answer as lazyValue } from "undeclared-dep";\n' });
    expect(undeclared.status).toBe(1);
    expect(undeclared.output).toContain("src imports undeclared-dep, not in its dependencies or peerDependencies");
  });
});
