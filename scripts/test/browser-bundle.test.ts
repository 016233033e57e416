// Every published package runs in browsers: its runtime code uses fetch and WebCrypto only. Bundling it
// for the browser platform fails on any Node built-in (node:crypto, Buffer's module, http, ...).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { loadApis } from "../lib/apis.mjs";
import { publishedPackages } from "../lib/workspace.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
type Pkg = { dir: string; manifest: { oauthKit?: { platform?: string } } };
// A package that is Node-only by nature (the mock servers) says so with `"oauthKit": { "platform": "node" }`.
const published = (publishedPackages() as Pkg[]).filter((pkg) => pkg.manifest.oauthKit?.platform !== "node").map((pkg) => pkg.dir);

describe("browser bundles", () => {
  it("covers every provider of redocly.yaml and the auth package, none of them Node-only", () => {
    const expected = [...loadApis().map((api: { packageDir: string }) => api.packageDir.replace(/^packages\//, "")), "auth"];
    expect(published).toEqual(expect.arrayContaining(expected));
  });

  it.each(published)("@oauth-kit/%s bundles for the browser with no Node built-in", async (dir) => {
    const result = await bundleForBrowser(join(root, "packages", dir, "src", "index.ts"));
    expect(result.errors).toEqual([]);
    expect(result.code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});
