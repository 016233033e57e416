// The exported helpers of every published package, read from the packages' own exports with the
// TypeScript compiler API (not a hand-kept list), so a new export shows up in the browser-safety table
// and its completeness test by itself. A helper is an exported function or class; the error classes are
// left out (they are documented with the error family and need no secret).
import { join, sep } from "node:path";
import ts from "typescript";
import { publishedPackages, repoRoot } from "./workspace.mjs";

/**
 * `[{ package, name, kind: "function" | "class", origin }]`, one per helper a package exports; `origin` is
 * the package that declares it (a provider re-exporting `generateState` has origin `@oauth-kit/auth`).
 */
export function exportedHelpers(packages = publishedPackages()) {
  const program = createProgram(packages);
  const checker = program.getTypeChecker();
  const helpers = [];
  for (const pkg of packages) {
    const source = program.getSourceFile(pkg.entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${pkg.name}: cannot read the exports of ${pkg.entry}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const kind = helperKind(checker, symbol);
      if (!kind) continue;
      helpers.push({ package: pkg.name, name: exported.name, kind, origin: originOf(symbol, packages) });
    }
  }
  return helpers.sort((a, b) => a.package.localeCompare(b.package) || a.name.localeCompare(b.name));
}

function createProgram(packages) {
  const base = ts.getParsedCommandLineOfConfigFile(join(repoRoot, "tsconfig.base.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  // Workspace imports resolve to the sources, so no build is needed first.
  const paths = {};
  for (const pkg of packages) for (const [specifier, file] of Object.entries(pkg.exports)) paths[specifier] = [file];
  return ts.createProgram({
    rootNames: packages.map((pkg) => pkg.entry),
    options: { ...base.options, paths, noEmit: true, declaration: false, declarationMap: false, sourceMap: false },
  });
}

function helperKind(checker, symbol) {
  if (symbol.flags & ts.SymbolFlags.Function) return "function";
  if (symbol.flags & ts.SymbolFlags.Class) return extendsError(checker, symbol) ? undefined : "class";
  return undefined;
}

function extendsError(checker, classSymbol) {
  const queue = [checker.getDeclaredTypeOfSymbol(classSymbol)];
  while (queue.length) {
    const type = queue.pop();
    if (type.symbol?.name === "Error") return true;
    if (type.isClassOrInterface()) queue.push(...(checker.getBaseTypes(type) ?? []));
  }
  return false;
}

function originOf(symbol, packages) {
  const file = symbol.declarations?.[0]?.getSourceFile().fileName;
  const pkg = file && packages.find((candidate) => file.startsWith(candidate.root + sep) || file.startsWith(`${candidate.root}/`));
  if (!pkg) throw new Error(`${symbol.name} is declared outside the published packages (${file})`);
  return pkg.name;
}
