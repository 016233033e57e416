// Every provider package re-exports the same error family and unwrap(): the very classes of
// @oauth-kit/auth, so `instanceof` works whichever package a caller imports them from.
import { join } from "node:path";
import * as errors from "@oauth-kit/auth/errors";
import { describe, expect, it } from "vitest";
import { loadApis, repoRoot } from "../lib/apis.mjs";

// Every provider of redocly.yaml, so a new one is checked without an edit here.
const providers = await Promise.all(
  loadApis().map(async (api: { name: string; packageDir: string }) => {
    const exports = (await import(join(repoRoot, api.packageDir, "src", "index.ts"))) as Record<string, unknown>;
    return [api.name, exports] as const;
  }),
);
const family = Object.keys(errors).sort();

describe("the error family in every provider package", () => {
  it("is the whole list", () => {
    expect(family).toEqual([
      "AbortError",
      "ApiError",
      "CallbackError",
      "ConfigError",
      "ConnectionError",
      "InvalidResponseError",
      "OAuthError",
      "OAuthKitError",
      "RedirectError",
      "StoreError",
      "TimeoutError",
      "unwrap",
    ]);
  });

  it("finds the providers", () => expect(providers.length).toBeGreaterThan(0));

  it.each(providers)("@oauth-kit/%s exports each of them, identical to auth's", (_name, exports) => {
    for (const name of family) {
      expect(exports[name], name).toBe((errors as Record<string, unknown>)[name]);
    }
  });
});
