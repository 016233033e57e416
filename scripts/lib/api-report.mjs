// The public API report of every published package: what a user can import, hand-written and generated,
// as TypeScript declarations, one file per package (packages/<dir>/api-report.api.md).
//
// Why not API Extractor: it reads each package's built .d.ts (a build first), needs a config file per
// package, bundles its own TypeScript compiler (a second copy, behind the repo's), and runs once per
// package. This does the same job for our needs — the declarations reachable from each export entry,
// resolved through re-exports, with what comes from another package shown as a re-export line — with the
// repo's TypeScript, from sources, for every package in one compiler pass (a few seconds).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { repoRoot } from "./apis.mjs";
import { publishedPackages, sourceEntries } from "./workspace.mjs";

export const REPORT_FILE = "api-report.api.md";
const SOURCE_TS = /\.(m|c)?tsx?$/;
const isSource = (file) => SOURCE_TS.test(file) && !/\.d\.(m|c)?ts$/.test(file);
const declarationOf = (file) => file.replace(/\.(m|c)?tsx?$/, ".d.ts");

function compilerOptions(entries) {
  const base = ts.readConfigFile(join(repoRoot, "tsconfig.base.json"), ts.sys.readFile).config;
  const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, repoRoot);
  return {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    removeComments: true,
    stripInternal: true,
    noEmitOnError: false,
    rootDir: repoRoot,
    types: [],
    // Workspace packages resolve to their sources, as in vitest.config.ts: no build needed.
    paths: Object.fromEntries(entries.map(({ specifier, source }) => [specifier, [source]])),
  };
}

/**
 * Declarations of every source file, in memory, then a second program over those declarations alone:
 * its checker resolves each export to the declaration a user sees (inferred return types written out).
 */
function declarationProgram(overrides, packages) {
  const entries = sourceEntries();
  const options = compilerOptions(entries);
  const readSource = (file) => overrides[relative(repoRoot, file)] ?? ts.sys.readFile(file);
  const sourceHost = ts.createCompilerHost(options);
  sourceHost.readFile = readSource;
  sourceHost.fileExists = (file) => relative(repoRoot, file) in overrides || ts.sys.fileExists(file);
  // Only the packages reported on are roots; what they import from other packages comes along.
  const rootFiles = entries
    .filter(({ specifier }) => packages.some((pkg) => specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)))
    .map(({ source }) => source);
  const program = ts.createProgram(rootFiles, options, sourceHost);
  const emitted = new Map();
  const result = program.emit(undefined, (file, text) => emitted.set(file, text), undefined, true);
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, sourceHost));

  // In the second program, workspace sources are replaced by their declarations; the rest is on disk.
  const inWorkspace = (file) => file.startsWith(join(repoRoot, "packages")) && !file.includes("node_modules");
  const declOptions = { ...options, paths: Object.fromEntries(entries.map(({ specifier, source }) => [specifier, [declarationOf(source)]])) };
  const host = ts.createCompilerHost(declOptions);
  host.fileExists = (file) => (inWorkspace(file) ? emitted.has(file) : ts.sys.fileExists(file));
  host.readFile = (file) => (inWorkspace(file) ? emitted.get(file) : ts.sys.readFile(file));
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (file, language) =>
    inWorkspace(file) ? (emitted.has(file) ? ts.createSourceFile(file, emitted.get(file), language, true) : undefined) : getSourceFile(file, language);
  return { program: ts.createProgram(rootFiles.map(declarationOf), declOptions, host), entries };
}

/** `openapi-fetch` for a declaration in its node_modules, `@oauth-kit/auth` for one in packages/auth. */
function moduleOf(file, entries) {
  const path = file.replaceAll("\\", "/");
  const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (dependency) return dependency[1];
  const dir = /\/packages\/([^/]+)\//.exec(path)?.[1];
  const main = entries.find(({ source }) => source.replaceAll("\\", "/").endsWith(`/packages/${dir}/src/index.ts`));
  return main?.specifier ?? `packages/${dir}`;
}

function printDeclaration(declaration, printer) {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile()).trim();
}

function reportOf(pkg, program, entries) {
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const ownDir = join(repoRoot, "packages", pkg.dir);
  const sections = entries
    .filter(({ specifier }) => specifier === pkg.name || specifier.startsWith(`${pkg.name}/`))
    .map(({ specifier, source }) => {
      const file = program.getSourceFile(declarationOf(source));
      const module = file && checker.getSymbolAtLocation(file);
      if (!module) throw new Error(`${specifier}: no declarations for ${relative(repoRoot, source)}`);
      const lines = checker
        .getExportsOfModule(module)
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((exported) => {
          const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
          const declarations = target.declarations ?? [];
          const from = declarations[0]?.getSourceFile().fileName;
          if (from === undefined || !from.startsWith(ownDir) || from.includes("node_modules")) {
            return [`export { ${target.name === exported.name ? exported.name : `${target.name} as ${exported.name}`} } from "${from ? moduleOf(from, entries) : "?"}";`];
          }
          const renamed = target.name === exported.name ? "" : `// exported as ${exported.name}\n`;
          return declarations.map((declaration) => `${renamed}${printDeclaration(declaration, printer)}`);
        });
      return `## ${specifier}\n\n\`\`\`ts\n${lines.join("\n\n")}\n\`\`\`\n`;
    });
  return `# API report: ${pkg.name}\n\n<!-- Written by \`pnpm api:update\` (scripts/api-report.mjs); CI fails when it differs from the sources. -->\n\n${sections.join("\n")}`;
}

/**
 * The report of every published package (or those named), as `{ name, dir, file, text }`.
 * `overrides` replaces source files' text by repo-relative path (for tests).
 */
export function renderReports({ only = [], overrides = {} } = {}) {
  const packages = publishedPackages().filter((pkg) => only.length === 0 || only.includes(pkg.name) || only.includes(pkg.dir));
  const { program, entries } = declarationProgram(overrides, packages);
  return packages.map((pkg) => ({ name: pkg.name, dir: pkg.dir, file: join("packages", pkg.dir, REPORT_FILE), text: reportOf(pkg, program, entries) }));
}

/** Reports that differ from the committed files: `[{ name, file }]`. */
export function staleReports(options) {
  return renderReports(options).filter(({ file, text }) => {
    try {
      return readFileSync(join(repoRoot, file), "utf8") !== text;
    } catch {
      return true;
    }
  });
}
