// pnpm spec:diff: each kind of spec edit gets the semver class issue #14 defines, and a spec change whose
// changeset bumps its package less than that fails (as it does in CI).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { classifySpecChange } from "../lib/spec-diff.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const baseText = readFileSync(join(root, "scripts/test/fixtures/spec-diff/base.yaml"), "utf8");
type Spec = Record<string, any>;
const base = () => parse(baseText) as Spec;
const schemas = (spec: Spec) => spec.components.schemas;

// One edit per class of change named in the issue.
const EDITS: [string, "major" | "minor" | "patch", (spec: Spec) => void][] = [
  ["an operation removed", "major", (s) => delete s.paths["/v1/items"]],
  ["a response field removed", "major", (s) => delete schemas(s).Item.properties.status],
  ["a type narrowed", "major", (s) => (schemas(s).Item.properties.count.type = "integer")],
  ["a request field became required", "major", (s) => schemas(s).NewItem.required.push("note")],
  ["an enum value removed", "major", (s) => (schemas(s).Item.properties.status.enum = ["active"])],
  ["auth changed (security)", "major", (s) => (s.paths["/v1/items"].post.security = [])],
  ["auth changed (scheme)", "major", (s) => (s.components.securitySchemes.BearerAuth = { type: "apiKey", in: "header", name: "x-api-key" })],
  ["an operation added", "minor", (s) => (s.paths["/v1/items"].get = { ...structuredClone(s.paths["/v1/items/{id}"].get), operationId: "listItems", parameters: [] })],
  ["an optional request field added", "minor", (s) => (schemas(s).NewItem.properties.tag = { type: "string", description: "A tag." })],
  ["an optional response field added", "minor", (s) => (schemas(s).Item.properties.createdAt = { type: "string", description: "When." })],
  ["a description changed", "patch", (s) => (s.paths["/v1/items"].post.description = "Creates an item, now with more words.")],
  ["an example changed", "patch", (s) => (s.paths["/v1/items"].post.requestBody.content["application/json"].example = { name: "Second" })],
];

describe("spec:diff classification", () => {
  it("finds no change in an identical spec", () => {
    expect(classifySpecChange(base(), base())).toEqual({ level: "none", changes: [] });
  });

  it.each(EDITS)("%s is %s", (_name, expected, edit) => {
    const after = base();
    edit(after);
    expect(classifySpecChange(base(), after).level).toBe(expected);
  });

  it("takes the highest class of several changes", () => {
    const after = base();
    EDITS.find(([name]) => name === "a description changed")![2](after);
    EDITS.find(([name]) => name === "an enum value removed")![2](after);
    expect(classifySpecChange(base(), after).level).toBe("major");
  });
});

// Child processes (node, git): a bound that holds on a machine loaded 10×.
describe("spec:diff in CI", { timeout: 60_000 }, () => {
  // A throwaway repository: redocly.yaml naming one API, its spec and its package manifest, committed on main.
  const repo = mkdtempSync(join(tmpdir(), "oauth-kit-spec-diff-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  mkdirSync(join(repo, "specs"));
  mkdirSync(join(repo, "packages", "fixture"), { recursive: true });
  mkdirSync(join(repo, ".changeset"));
  writeFileSync(join(repo, "redocly.yaml"), stringify({ apis: { fixture: { root: "specs/fixture.yaml", "x-openapi-ts": { output: "packages/fixture/src/generated/schema.ts" } } } }));
  writeFileSync(join(repo, "specs", "fixture.yaml"), baseText);
  writeFileSync(join(repo, "packages", "fixture", "package.json"), JSON.stringify({ name: "@oauth-kit/fixture" }));
  cpSync(join(root, ".changeset", "README.md"), join(repo, ".changeset", "README.md"));
  git("init", "-q", "-b", "main");
  git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "base", "--allow-empty");
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "base");

  const specDiff = () =>
    spawnSync(process.execPath, [join(root, "scripts", "spec-diff.mjs")], { cwd: repo, encoding: "utf8", env: { ...process.env, OAUTH_KIT_ROOT: repo } });
  const changeset = (bump: string) => writeFileSync(join(repo, ".changeset", "fixture-change.md"), `---\n"@oauth-kit/fixture": ${bump}\n---\n\nA change.\n`);
  const breakSpec = () => {
    const spec = base();
    delete spec.paths["/v1/items"];
    writeFileSync(join(repo, "specs", "fixture.yaml"), stringify(spec));
  };

  it("passes when no spec changed (compared with main by default)", () => {
    const result = specDiff();
    expect(result.stdout).toContain("comparing every spec with main");
    expect(result.status).toBe(0);
  });

  it("blocks a breaking spec edit that comes with only a patch changeset", () => {
    breakSpec();
    changeset("patch");
    const result = specDiff();
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain('has breaking changes: add a changeset with "@oauth-kit/fixture": major');
  });

  it("blocks it with no changeset at all, and lets it through with a major one", () => {
    breakSpec();
    rmSync(join(repo, ".changeset", "fixture-change.md"), { force: true });
    expect(specDiff().status).toBe(1);
    changeset("major");
    const result = specDiff();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("specs/fixture.yaml: major");
  });
});
