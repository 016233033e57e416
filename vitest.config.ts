import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string, file = "index.ts") => fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));

// One vitest run over every package. Workspace packages resolve to their TypeScript sources, so the
// suite needs no build first and a failing test points at source lines.
export default defineConfig({
  resolve: {
    // Exact matches: a bare "@oauth-kit/auth" key would also rewrite the "@oauth-kit/auth/errors" subpath.
    alias: [
      { find: /^@oauth-kit\/auth$/, replacement: src("auth") },
      { find: /^@oauth-kit\/auth\/errors$/, replacement: src("auth", "public-errors.ts") },
      { find: /^@oauth-kit\/testkit$/, replacement: src("testkit") },
    ],
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "scripts/test/**/*.test.ts", "docs/test/**/*.test.ts"],
    // The Chromium tests run on their own: `pnpm test:browser` (vitest.browser.config.ts).
    exclude: ["**/node_modules/**", "**/*.browser.test.ts"],
    environment: "node",
    testTimeout: 15_000,
    // Fails a test file whose promise rejection was handled too late (a PromiseRejectionHandledWarning).
    setupFiles: ["packages/testkit/src/no-late-rejections.ts"],
    pool: "threads",
  },
});
