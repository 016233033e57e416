import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// One vitest run over every package. Workspace packages resolve to their TypeScript sources, so the
// suite needs no build first and a failing test points at source lines.
export default defineConfig({
  resolve: {
    alias: {
      "@oauth-kit/auth": src("auth"),
      "@oauth-kit/testkit": src("testkit"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "scripts/test/**/*.test.ts"],
    environment: "node",
    testTimeout: 15_000,
    pool: "threads",
  },
});
