// The TypeScript API reference: one TypeDoc run over every published package's entry point, from the
// sources (workspace imports resolve to src/, so no build is needed first). One run, one program: the
// packages share @oauth-kit/auth, so a re-exported `unwrap` links to its one page instead of being
// documented six times.
import { dirname, join, relative, sep } from "node:path";
import { Application, Converter, PageEvent, ReflectionKind } from "typedoc";
import { repoRoot } from "./workspace.mjs";

/** Writes the reference into `outDir`; returns `{ [packageName]: url of its module page, relative to outDir }`. */
export async function buildApiReference(packages, outDir, { repositoryUrl }) {
  const paths = {};
  for (const pkg of packages) for (const [specifier, file] of Object.entries(pkg.exports)) paths[specifier] = [file];
  const app = await Application.bootstrap({
    name: "oauth-kit",
    entryPoints: packages.map((pkg) => pkg.entry),
    entryPointStrategy: "resolve",
    tsconfig: join(repoRoot, "docs", "tsconfig.json"),
    compilerOptions: { paths },
    readme: "none",
    skipErrorChecking: true, // `pnpm typecheck` owns type errors; the docs only need the declarations
    excludePrivate: true,
    excludeInternal: true,
    disableGit: true,
    basePath: repoRoot,
    sourceLinkTemplate: repositoryUrl ? `${repositoryUrl}/blob/main/{path}#L{line}` : undefined,
    // openapi-typescript writes these tags into the generated schema's comments.
    blockTags: [
      "@description", "@default", "@example", "@param", "@returns", "@throws", "@see", "@deprecated",
      "@constant", "@remarks", "@typeParam", "@module", "@packageDocumentation",
    ],
    logLevel: "Warn",
    validation: { notExported: false, invalidLink: true, rewrittenLink: true },
  });
  // Name each module after its package (TypeDoc names it by its folder under basePath: "packages/alpaca/src").
  // Leave out the generated `paths`, `components` and `operations`: the rendered spec documents each
  // operation readably, while TypeDoc would expand them into pages of megabytes each.
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Interface | ReflectionKind.TypeAlias)) {
      const file = context.project.getSymbolIdFromReflection(reflection)?.fileName ?? "";
      if (/\/src\/generated\/schema\.ts$/.test(file)) context.project.removeReflection(reflection);
    }
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const pkg = packages.find((candidate) => module.name === relative(repoRoot, dirname(candidate.entry)).split(sep).join("/"));
      if (pkg) module.name = pkg.name;
    }
  });
  const urls = {};
  app.renderer.on(PageEvent.END, (event) => {
    if (event.model.kindOf?.(ReflectionKind.Module)) urls[event.model.name] = event.url;
  });
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages");
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors()) throw new Error("TypeDoc reported errors");
  for (const pkg of packages) if (!urls[pkg.name]) throw new Error(`TypeDoc has no module for ${pkg.name}`);
  return urls;
}
