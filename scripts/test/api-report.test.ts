// The public API reports (packages/<dir>/api-report.api.md): every change to what users import shows up
// in review, because a report that no longer matches the sources fails this test, and so CI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";
import { renderReports, staleReports } from "../lib/api-report.mjs";

// One TypeScript pass over every package; generous for a machine loaded 10×.
const TIMEOUT = 180_000;

describe("API reports", () => {
  it("match the sources of every published package (else: review, then pnpm api:update)", { timeout: TIMEOUT }, () => {
    expect(staleReports().map(({ file }: { file: string }) => file)).toEqual([]);
  });

  it("go stale when an exported function is removed and the report is not updated", { timeout: TIMEOUT }, () => {
    const index = "packages/alpaca/src/index.ts";
    const source = readFileSync(join(repoRoot, index), "utf8");
    const line = 'export { issueClientCredentialsToken } from "./client-credentials.js";\n';
    expect(source).toContain(line);
    const overrides = { [index]: source.replace(line, "") };

    const stale = staleReports({ only: ["@oauth-kit/alpaca"], overrides });
    expect(stale.map(({ name }: { name: string }) => name)).toEqual(["@oauth-kit/alpaca"]);
    const [report] = renderReports({ only: ["@oauth-kit/alpaca"], overrides });
    expect(report.text).not.toContain("export declare function issueClientCredentialsToken(");
    expect(readFileSync(join(repoRoot, report.file), "utf8")).toContain("export declare function issueClientCredentialsToken(");
  });
});
