// pnpm new-provider refuses what it cannot scaffold, before writing anything. (That what it writes passes
// every check is proven by `pnpm check:new-provider`, its own CI step: it takes minutes.)
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "oauth-kit-new-provider-args-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
cpSync(join(root, "redocly.yaml"), join(copy, "redocly.yaml"));
mkdirSync(join(copy, "packages", "alpaca"), { recursive: true });
cpSync(join(root, "packages", "alpaca", "package.json"), join(copy, "packages", "alpaca", "package.json"));
mkdirSync(join(copy, "specs"));
writeFileSync(join(copy, "specs", "taken.yaml"), "openapi: 3.1.0\n");

const newProvider = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, "scripts", "new-provider.mjs"), ...args], { encoding: "utf8", env: { ...process.env, OAUTH_KIT_ROOT: copy } });
const snapshot = () => JSON.stringify([readdirSync(copy, { recursive: true }).sort(), readFileSync(join(copy, "redocly.yaml"), "utf8")]);

describe("pnpm new-provider", { timeout: 60_000 }, () => {
  it.each([
    [["Acme"], "lower-case letters, digits and dashes"],
    [["acme", "--auth", "oauth2"], "usage: pnpm new-provider <name>"],
    [[], "usage: pnpm new-provider <name>"],
    [["taken"], "already exists: specs/taken.yaml"],
  ])("refuses %j without writing anything", (args, message) => {
    const before = snapshot();
    const result = newProvider(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(snapshot()).toBe(before);
  });
});
