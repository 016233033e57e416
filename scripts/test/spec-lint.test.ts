// The spec lint catches a broken spec and says where: file and line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const redocly = join(root, "node_modules", ".bin", "redocly");
const work = mkdtempSync(join(tmpdir(), "oauth-kit-lint-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lint(file: string) {
  const result = spawnSync(redocly, ["lint", file, "--config", join(root, "redocly.yaml"), "--format=stylish"], {
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of specs/alpaca.yaml with one line replaced; returns the copy's path and the 1-based line. */
function brokenCopy(name: string, find: RegExp, replace: (line: string) => string) {
  const lines = readFileSync(join(root, "specs", "alpaca.yaml"), "utf8").split("\n");
  const index = lines.findIndex((line) => find.test(line));
  expect(index, `a line matching ${find}`).toBeGreaterThanOrEqual(0);
  lines[index] = replace(lines[index]!);
  const file = join(work, name);
  writeFileSync(file, lines.join("\n"));
  return { file, line: index + 1 };
}

// Each test runs redocly in a child process: a bound that holds on a machine loaded 10×.
describe("spec lint (redocly.yaml rules)", { timeout: 120_000 }, () => {
  it("passes the real specs/alpaca.yaml", () => {
    const { status, output } = lint(join(root, "specs", "alpaca.yaml"));
    expect(output).not.toMatch(/\d+:\d+\s+(error|warning)\s/);
    expect(output).toContain("Your API description is valid");
    expect(status).toBe(0);
  });

  it("fails a snake_case operationId, naming the file and the line", () => {
    const { file, line } = brokenCopy("snake.yaml", /operationId: issueOAuthToken/, (l) => l.replace("issueOAuthToken", "issue_oauth_token"));
    const { status, output } = lint(file);
    expect(status).not.toBe(0);
    expect(output).toContain("snake.yaml");
    expect(output).toMatch(new RegExp(`\\b${line}:\\d+\\s+error\\s+rule/operation-id-camel-case`));
  });

  it("fails an example that does not match its schema, naming the file and the line", () => {
    // live_trading_approved is a boolean; a string example must be rejected.
    const { file, line } = brokenCopy("example.yaml", /live_trading_approved: false/, (l) => l.replace("false", '"no"'));
    const { status, output } = lint(file);
    expect(status).not.toBe(0);
    expect(output).toContain("example.yaml");
    expect(output).toMatch(new RegExp(`\\b${line}:\\d+\\s+error\\s+no-invalid-media-type-examples`));
  });
});
