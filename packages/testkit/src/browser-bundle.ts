// Bundles an entry point for the browser the way a user's bundler would, with the workspace packages taken
// from their TypeScript sources (so no build is needed first).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildResult, build } from "esbuild";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** `@oauth-kit/<dir>` → packages/<dir>/src/index.ts for every package, plus the auth errors subpath. */
function workspaceAliases(): Record<string, string> {
  const aliases: Record<string, string> = { "@oauth-kit/auth/errors": join(root, "packages", "auth", "src", "public-errors.ts") };
  for (const dir of readdirSync(join(root, "packages"))) aliases[`@oauth-kit/${dir}`] = join(root, "packages", dir, "src", "index.ts");
  return aliases;
}

/** One ESM bundle for the browser platform, in memory; esbuild fails on any Node built-in it meets. */
export async function bundleForBrowser(entry: string): Promise<{ code: string; errors: BuildResult["errors"] }> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent", alias: workspaceAliases() });
  return { code: result.outputFiles[0]?.text ?? "", errors: result.errors };
}
