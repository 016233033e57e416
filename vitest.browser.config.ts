import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// The tests that drive headless Chromium (`*.browser.test.ts`): the library's browser tests and the docs
// site crawl, which builds the site first. Slower than the rest, so `pnpm test:browser` runs them in their
// own step; `pnpm test` leaves them out. Same aliases as vitest.config.ts; only what runs differs.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["packages/*/test/**/*.browser.test.ts", "docs/test/**/*.browser.test.ts", "scripts/test/**/*.browser.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // One file at a time: each starts its own Chromium, and the machine has two cores.
    fileParallelism: false,
  },
});
