// Every published package runs in browsers: its runtime code uses fetch and WebCrypto only. Bundling it
// for the browser platform fails on any Node built-in (node:crypto, Buffer's module, http, ...).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const manifests = readdirSync(join(root, "packages")).map((dir) => ({
  dir,
  manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
}));
// A package that says why it is Node only (`oauthKit.nodeOnly`, e.g. the Redis store) is not bundled.
const published = manifests.filter(({ manifest }) => !manifest.private && !manifest.oauthKit?.nodeOnly).map(({ dir }) => dir);
const nodeOnly = manifests.filter(({ manifest }) => !manifest.private && manifest.oauthKit?.nodeOnly).map(({ dir }) => dir);

describe("browser bundles", () => {
  it("covers every published package", () => {
    expect(published.sort()).toEqual(["alpaca", "auth", "openapi-com", "predict", "tradovate", "turnkey"]);
    expect(nodeOnly).toEqual(["redis"]);
  });

  it.each(published)("@oauth-kit/%s bundles for the browser with no Node built-in", async (dir) => {
    const result = await build({
      entryPoints: [join(root, "packages", dir, "src", "index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      alias: {
        "@oauth-kit/auth": join(root, "packages", "auth", "src", "index.ts"),
        "@oauth-kit/auth/errors": join(root, "packages", "auth", "src", "public-errors.ts"),
      },
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});
