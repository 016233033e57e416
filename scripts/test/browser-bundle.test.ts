// Every published package runs in browsers: its runtime code uses fetch and WebCrypto only. Bundling it
// for the browser platform fails on any Node built-in (node:crypto, Buffer's module, http, ...).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const manifest = (dir: string) => JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
// A package that is Node-only by nature (the mock servers) says so with `"oauthKit": { "platform": "node" }`.
const published = readdirSync(join(root, "packages")).filter((dir) => !manifest(dir).private && manifest(dir).oauthKit?.platform !== "node");
const nodeOnly = readdirSync(join(root, "packages")).filter((dir) => !manifest(dir).private && manifest(dir).oauthKit?.platform === "node");

describe("browser bundles", () => {
  it("covers every published package", () => {
    expect(published.sort()).toEqual(["alpaca", "auth", "openapi-com", "predict", "tradovate", "turnkey"]);
    expect(nodeOnly).toEqual(["mock"]);
  });

  it.each(published)("@oauth-kit/%s bundles for the browser with no Node built-in", async (dir) => {
    const result = await bundleForBrowser(join(root, "packages", dir, "src", "index.ts"));
    expect(result.errors).toEqual([]);
    expect(result.code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});
