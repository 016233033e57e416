import { existsSync, readdirSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { sourceEntries } from "./scripts/lib/workspace.mjs";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

// An example with its own package.json is a project a user copies: its node:test tests run against the
// packed packages in `pnpm check:examples`. The others (the browser demo) are tested here.
const vitestExamples = (existsSync("examples") ? readdirSync("examples") : [])
  .filter((dir) => existsSync(`examples/${dir}/test`) && !existsSync(`examples/${dir}/package.json`))
  .map((dir) => `examples/${dir}/test/**/*.test.ts`);

// One vitest run over every package. Workspace packages resolve to their TypeScript sources, so the
// suite needs no build first and a failing test points at source lines. The aliases are read from each
// package's `exports` map (scripts/lib/workspace.mjs), so a new package needs no entry here.
export default defineConfig({
  resolve: {
    // Exact matches: a bare "@oauth-kit/auth" key would also rewrite the "@oauth-kit/auth/errors" subpath.
    alias: (sourceEntries() as { specifier: string; source: string }[]).map(({ specifier, source }) => ({
      find: new RegExp(`^${escape(specifier)}$`),
      replacement: source,
    })),
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "scripts/test/**/*.test.ts", ...vitestExamples, "docs/test/**/*.test.ts"],
    // The Chromium tests run on their own: `pnpm test:browser` (vitest.browser.config.ts).
    exclude: ["**/node_modules/**", "**/*.browser.test.ts"],
    environment: "node",
    // A hang guard, not a speed bound: property tests that take 1–3 s on an idle machine must still pass
    // on a loaded two-core one (10× slower), so the limit sits well above that.
    testTimeout: 60_000,
    // Fails a test file whose promise rejection was handled too late (a PromiseRejectionHandledWarning).
    setupFiles: ["packages/testkit/src/no-late-rejections.ts"],
    pool: "threads",
  },
});
