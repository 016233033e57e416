// Every published package runs in browsers: its runtime code uses fetch and WebCrypto only. Bundling it
// for the browser platform fails on any Node built-in (node:crypto, Buffer's module, http, ...).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { loadApis } from "../lib/apis.mjs";
import { publishedPackages, sourceEntries } from "../lib/workspace.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const published = publishedPackages().map((pkg: { dir: string }) => pkg.dir);
// Workspace packages resolve to their sources, as in vitest.config.ts.
const alias = Object.fromEntries(sourceEntries().map(({ specifier, source }: { specifier: string; source: string }) => [specifier, source]));

describe("browser bundles", () => {
  it("covers every provider of redocly.yaml and the auth package", () => {
    const expected = [...loadApis().map((api: { packageDir: string }) => api.packageDir.replace(/^packages\//, "")), "auth"];
    expect(published).toEqual(expect.arrayContaining(expected));
  });

  it.each(published)("@oauth-kit/%s bundles for the browser with no Node built-in", async (dir) => {
    const result = await build({
      entryPoints: [join(root, "packages", dir, "src", "index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      alias,
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});
