import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Every import specifier of the workspace packages (`@oauth-kit/auth`, `@oauth-kit/auth/errors`, ...)
 * mapped to its TypeScript source, read from each package's `exports` (which point at dist/), so that
 * bundles are made from the sources without a build.
 */
export function workspaceSourceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const dir of readdirSync(packagesDir)) {
    let manifest: { name?: string; exports?: Record<string, { types?: string } | string> };
    try {
      manifest = JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const types = typeof target === "object" ? target.types : undefined;
      if (!manifest.name || !types?.startsWith("./dist/")) continue;
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      aliases[specifier] = join(packagesDir, dir, types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts"));
    }
  }
  return aliases;
}

/**
 * An ES module bundle of `entry` for the browser platform (fetch and WebCrypto only: a Node built-in
 * fails the build), as a browser would load it. Returns the code.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
    alias: workspaceSourceAliases(),
  });
  return result.outputFiles[0]!.text;
}
