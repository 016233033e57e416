// The browser-safety table cannot forget a helper: every function or class a published package exports
// (read from the exports with the TypeScript compiler API) must be classified in docs/browser-safety.yaml,
// and every entry there must still be exported.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { browserSafety, loadClassification } from "../lib/browser-safety.mjs";
import { exportedHelpers } from "../lib/exported-helpers.mjs";
import { publishedPackages } from "../lib/workspace.mjs";

const packages = publishedPackages();
const helpers = exportedHelpers(packages);

describe("browser-safety classification (docs/browser-safety.yaml)", () => {
  it("reads the helpers of every published package from its exports", () => {
    expect(new Set(helpers.map((helper) => helper.package))).toEqual(new Set(packages.map((pkg) => pkg.name)));
    // Spot checks of what the compiler API must find: a function, a class, a re-export and its origin.
    expect(helpers).toContainEqual({ package: "@oauth-kit/auth", name: "createPkce", kind: "function", origin: "@oauth-kit/auth" });
    expect(helpers).toContainEqual({ package: "@oauth-kit/alpaca", name: "MemoryPendingStore", kind: "class", origin: "@oauth-kit/auth" });
    // Error classes are documented with the error family, not classified.
    expect(helpers.some((helper) => helper.name === "ApiError" || helper.name === "TradovateError")).toBe(false);
  });

  it("classifies every exported helper, names none that is not exported, and explains each", () => {
    const { unclassified, stale, invalid } = browserSafety(helpers, loadClassification());
    expect({ unclassified, stale, invalid }).toEqual({ unclassified: [], stale: [], invalid: [] });
  });

  it("reports a helper missing from the classification, and an entry for one that is not exported", () => {
    const dir = mkdtempSync(join(tmpdir(), "browser-safety-"));
    try {
      const file = join(dir, "classification.yaml");
      writeFileSync(
        file,
        [
          '"@oauth-kit/auth":',
          "  createPkce: { runs: browser, why: PKCE. }",
          "  removedHelper: { runs: server, why: gone. }",
          "  generateState: { runs: anywhere, why: '' }",
        ].join("\n"),
      );
      const auth = helpers.filter((helper) => helper.origin === "@oauth-kit/auth" && helper.package === "@oauth-kit/auth");
      const result = browserSafety(auth, loadClassification(file));
      expect(result.unclassified).toContain("@oauth-kit/auth createTokenSource");
      expect(result.unclassified).not.toContain("@oauth-kit/auth createPkce");
      expect(result.stale).toEqual(["@oauth-kit/auth removedHelper"]);
      expect(result.invalid).toEqual(["@oauth-kit/auth generateState"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
