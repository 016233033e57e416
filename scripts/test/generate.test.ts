// pnpm generate follows a spec change, and the drift gate (pnpm check:generated) fails when it was skipped.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "oauth-kit-generate-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

// A copy of what generation reads and writes, so the test never touches the real tree.
cpSync(join(root, "redocly.yaml"), join(copy, "redocly.yaml"));
cpSync(join(root, "specs"), join(copy, "specs"), { recursive: true });
cpSync(join(root, "packages", "alpaca", "src", "generated"), join(copy, "packages", "alpaca", "src", "generated"), { recursive: true });

function generate(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, "scripts", "generate.mjs"), "alpaca", ...args], {
    encoding: "utf8",
    env: { ...process.env, OAUTH_KIT_ROOT: copy },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const schemaFile = join(copy, "packages", "alpaca", "src", "generated", "schema.ts");

// Each run starts Node and loads the TypeScript compiler (~2 s of CPU): on a machine loaded 10x a run can
// take 20 s or more. These bounds only catch a hung generator; no test here depends on its speed.
const GENERATOR_RUNS_TIMEOUT = 300_000;

describe("pnpm generate and the drift gate", () => {
  it("regenerates byte-identical files from an unchanged spec, and says that nothing changed", { timeout: GENERATOR_RUNS_TIMEOUT }, () => {
    const before = readFileSync(schemaFile, "utf8");
    const { status, output } = generate("--check");
    expect(output).toContain("generated files match");
    expect(status).toBe(0);
    const unchanged = generate();
    expect(unchanged.status).toBe(0);
    expect(unchanged.output).toContain("generate: 1 spec linted, 0 files changed");
    expect(readFileSync(schemaFile, "utf8")).toBe(before);
  });

  it("fails the drift gate after a spec change until generate runs, and the types follow the change", { timeout: GENERATOR_RUNS_TIMEOUT }, () => {
    const spec = join(copy, "specs", "alpaca.yaml");
    const text = readFileSync(spec, "utf8");
    expect(text).toContain("live_trading_approved:");
    // Rename a response field of OAuthClient.
    writeFileSync(spec, text.replaceAll("live_trading_approved", "live_trading_enabled"));

    const drift = generate("--check");
    expect(drift.status).toBe(1);
    expect(drift.output).toContain("packages/alpaca/src/generated/schema.ts");
    expect(drift.output).toContain("Run `pnpm generate`");

    const regenerated = generate();
    expect(regenerated.status).toBe(0);
    // Only the types depend on a response field's name: the metadata is unchanged and not named.
    expect(regenerated.output).toContain("generate: 1 spec linted, 1 file changed: packages/alpaca/src/generated/schema.ts\n");
    const schema = readFileSync(schemaFile, "utf8");
    expect(schema).toMatch(/live_trading_enabled\??: boolean/);
    expect(schema).not.toContain("live_trading_approved");
    expect(generate("--check").status).toBe(0);
  });

  it("refuses to generate from a spec that fails lint, and prints the lint problem", { timeout: GENERATOR_RUNS_TIMEOUT }, () => {
    const spec = join(copy, "specs", "alpaca.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("operationId: getOAuthClient", "operationId: get_oauth_client"));
    const before = readFileSync(schemaFile, "utf8");
    const { status, output } = generate();
    expect(status).toBe(1);
    expect(output).toContain("lint failed; nothing was generated");
    expect(output).toMatch(/error\s+rule\/operation-id-camel-case/);
    expect(readFileSync(schemaFile, "utf8")).toBe(before);
  });
});
