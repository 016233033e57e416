import { readFileSync, readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildResult, build } from "esbuild";

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
 * One ES module bundle of `entry` for the browser platform, in memory, the way a user's bundler would make
 * it (esbuild fails on any Node built-in it meets), with the workspace packages taken from their sources.
 */
export async function bundleForBrowser(entry: string): Promise<{ code: string; errors: BuildResult["errors"] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    alias: workspaceSourceAliases(),
  });
  return { code: result.outputFiles[0]?.text ?? "", errors: result.errors };
}

/**
 * Request handling for a test page that loads browser bundles: `GET /` is a page importing each of
 * `modules` (name → entry file) from `/<name>.js` into `window.lib[name]`, then setting `window.ready`
 * (what openInChromium() waits for). Returns a handler that answers those requests and says whether it did,
 * so a test server can serve its own API routes beside them.
 */
export async function browserModulePage(
  modules: Record<string, string>,
): Promise<(req: IncomingMessage, res: ServerResponse) => boolean> {
  const files = new Map<string, [string, string]>();
  const names = Object.keys(modules);
  const imports = names.map((name, i) => `import * as m${i} from "/${name}.js";`).join("\n");
  const lib = names.map((name, i) => `${JSON.stringify(name)}: m${i}`).join(", ");
  files.set("/", [
    `<!doctype html><meta charset="utf-8"><title>test</title><link rel="icon" href="data:,">
<script type="module">
${imports}
window.lib = { ${lib} };
window.ready = true;
</script>`,
    "text/html",
  ]);
  for (const [name, entry] of Object.entries(modules)) {
    const { code, errors } = await bundleForBrowser(entry);
    if (errors.length) throw new Error(`cannot bundle ${entry} for the browser: ${errors.map((error) => error.text).join("; ")}`);
    files.set(`/${name}.js`, [code, "text/javascript"]);
  }
  return (req, res) => {
    const file = req.method === "GET" ? files.get(new URL(req.url ?? "/", "http://x").pathname) : undefined;
    if (!file) return false;
    res.writeHead(200, { "content-type": file[1] });
    res.end(file[0]);
    return true;
  };
}
