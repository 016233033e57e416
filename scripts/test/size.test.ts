// pnpm size: the budgets every provider declares, the byte parser, the quick start it bundles, and the
// README Size line it writes. Bundling itself is exercised by `pnpm size` in CI (it needs the built dist/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadApis } from "../lib/apis.mjs";
import { parseBytes, quickStartFloor, quickStartSource } from "../lib/bundle-size.mjs";
import { writeReadmeSizeLine } from "../lib/readme-size-line.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const providers: { packageDir: string }[] = loadApis();

describe("size budgets", () => {
  it.each(providers.map((p) => p.packageDir))("%s declares an enforced budget and a target no looser than the acceptance (6 kB)", (dir) => {
    const budget = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).sizeBudget;
    expect(budget, `${dir}/package.json sizeBudget`).toBeDefined();
    expect(parseBytes(budget.quickStart)).toBeGreaterThan(0);
    expect(parseBytes(budget.target)).toBeLessThanOrEqual(6000);
    if (budget.peerRatio !== undefined) expect(budget.targetPeerRatio).toBeLessThanOrEqual(0.1);
  });

  it.each(providers.map((p) => p.packageDir))("%s README has a quick start to bundle", (dir) => {
    const source = quickStartSource(readFileSync(join(root, dir, "README.md"), "utf8"));
    expect(source).toMatch(/from "@oauth-kit\/[a-z-]+"/);
  });

  it("reads sizes as size-limit does (kB = 1000 bytes) and refuses what it cannot read", () => {
    expect(parseBytes("6 kB")).toBe(6000);
    expect(parseBytes("5.5kB")).toBe(5500);
    expect(parseBytes("812 B")).toBe(812);
    expect(parseBytes(700)).toBe(700);
    expect(() => parseBytes("6 KiB")).toThrow(/not a size/);
    expect(() => parseBytes("")).toThrow(/not a size/);
  });

  it("takes the first ts block of the Quick start section, not an earlier or later one", () => {
    const readme = "# x\n\n```ts\nearlier();\n```\n\n## Quick start\n\n```sh\nnpm i\n```\n\n```ts\nquick();\n```\n\n```ts\nsecond();\n```\n\n## Next\n";
    expect(quickStartSource(readme)).toBe("quick();\n");
    expect(() => quickStartSource("# x\n\n## Usage\n```ts\nx();\n```\n")).toThrow(/Quick start/);
  });

  it("measures the floor under a quick start without @oauth-kit/auth: the provider's own code, plus openapi-fetch alone", async () => {
    // A provider package of one line over @oauth-kit/auth: the floor holds it and the quick start, never auth.
    const dir = mkdtempSync(join(tmpdir(), "oauth-kit-size-floor-"));
    try {
      mkdirSync(join(dir, "dist"));
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "@fixture/provider", type: "module", exports: { ".": { default: "./dist/index.js" } } }));
      writeFileSync(
        join(dir, "dist", "index.js"),
        'import { createProviderClient } from "@oauth-kit/auth";\nexport const createFixtureClient = () => createProviderClient({ metadata: { servers: {} } });\n',
      );
      writeFileSync(join(dir, "README.md"), '# fixture\n\n## Quick start\n\n```ts\nimport { createFixtureClient } from "@fixture/provider";\n\ncreateFixtureClient();\n```\n');
      const floor = await quickStartFloor(relative(root, dir));
      expect(floor.provider.inputs.map((input: { file: string }) => input.file).sort()).toEqual([expect.stringMatching(/dist\/index\.js$/), expect.stringMatching(/quick-start$/)]);
      expect(floor.openapiFetch.gzip).toBeGreaterThan(1000);
      expect(floor.gzip).toBe(floor.provider.gzip + floor.openapiFetch.gzip);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the Size line at the end of the Quick start section, then replaces it in place", () => {
    const readme = "# p\n\n## Quick start\n\n```ts\nx();\n```\n\nRuns in a test.\n\n## Options\n\ntext\n";
    const row = { min: 26_760, gzip: 10_010, limit: 6000, goal: 5000 };
    const first = writeReadmeSizeLine(readme, row, "2026-11-29");
    expect(first).toContain("Runs in a test.\n\n<!-- size:");
    expect(first).toMatch(/\*\*Size:\*\* this quick start bundles to 10\.01 kB min\+gzip .*budget 6\.00 kB, goal 5\.00 kB\)\. Measured by `pnpm size` on 2026-11-29\.\n<!-- \/size -->\n\n## Options/);
    const second = writeReadmeSizeLine(first, { ...row, gzip: 5_900, peer: { name: "sdk", gzip: 59_000, ratio: 0.1, limit: 0.1 } }, "2026-12-01");
    expect(second.match(/\*\*Size:\*\*/g)).toHaveLength(1);
    expect(second).toContain("5.90 kB min+gzip");
    expect(second).toContain("; 0.100× of sdk (59.00 kB; budget 0.1×)");
    expect(second).not.toContain("2026-11-29");
  });
});
