#!/usr/bin/env node
// pnpm check:new-provider — the acceptance test of `pnpm new-provider` (its own CI step: it takes minutes).
//
// In a temporary copy of the repository (tracked and new files, no node_modules), installed from pnpm's
// store without the network, it scaffolds two providers that between them use every auth mapping (a
// bearer one with a refreshing token source, and one with Basic plus an API key), then runs the checks CI
// runs: lint + generate + build (pnpm main), the drift gate, typecheck, the tests a new package can affect
// (its own and every repo-wide test under scripts/test), package checks and the pack smoke test. Then it
// counts the lines the scaffold leaves to write by hand (marked TODO(new-provider), outside the spec).
// Prints one line per check and `new-provider: N passed, M failed`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";

const PROVIDERS = [
  { name: "acme", args: [] },
  { name: "beta-id", args: ["--auth", "basic,api-key"] },
];
/** The issue's goal: a new provider is its spec plus at most this many hand-written lines. */
const MAX_HAND_WRITTEN_LINES = 40;
/** Every command is bounded; the machine may be loaded 10×, so the bound is generous. */
const STEP_TIMEOUT_MS = 8 * 60_000;
const PNPM = ["npx", ["-y", "pnpm@10.34.9"]];

const copy = mkdtempSync(join(tmpdir(), "oauth-kit-new-provider-"));
const { OAUTH_KIT_ROOT: _root, ...inherited } = process.env;
const env = { ...inherited, CI: "true", TURBO_TELEMETRY_DISABLED: "1" };
// Share the repository's turbo cache (content-addressed, so the unchanged packages are cache hits).
if (existsSync(join(repoRoot, ".turbo", "cache"))) env.TURBO_CACHE_DIR = join(repoRoot, ".turbo", "cache");
let passed = 0;
let failed = 0;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: copy, env, encoding: "utf8", timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}
const pnpm = (...args) => run(PNPM[0], [...PNPM[1], ...args]);

function check(title, action) {
  const started = Date.now();
  let outcome;
  try {
    outcome = action();
  } catch (error) {
    outcome = { ok: false, output: String(error?.stack ?? error) };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.ok) {
    passed++;
    console.log(`new-provider: ✓ ${title} (${seconds} s)${outcome.note ? ` — ${outcome.note}` : ""}`);
  } else {
    failed++;
    console.log(`new-provider: ✗ ${title} (${seconds} s)\n${outcome.output.trim().split("\n").slice(-40).join("\n")}`);
  }
  return outcome.ok;
}

/** The repository as a clone would have it, plus files not committed yet: `git ls-files`, without ignored ones. */
function copyRepository() {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const files = listed.stdout.split("\0").filter((file) => file && existsSync(join(repoRoot, file)) && statSync(join(repoRoot, file)).isFile());
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  return { ok: true, output: "", note: `${files.length} files` };
}

/** Lines left to write by hand: TODO(new-provider) markers in what the scaffold wrote, the spec aside. */
function handWrittenLines(name) {
  const roots = [join(copy, "packages", name), join(copy, "scripts", "smoke", `${name}.ts`), join(copy, ".changeset", `new-provider-${name}.md`)];
  const files = roots.flatMap(function walk(path) {
    if (statSync(path).isFile()) return [path];
    return readdirSync(path).filter((entry) => !["node_modules", "dist", "generated"].includes(entry)).flatMap((entry) => walk(join(path, entry)));
  });
  return files.flatMap((file) => readFileSync(file, "utf8").split("\n")).filter((line) => line.includes("TODO(new-provider)")).length;
}

try {
  console.log(`new-provider: working in ${copy}`);
  const ready =
    check("copy the repository without node_modules", copyRepository) &&
    check("install from the pnpm store (offline)", () => pnpm("install", "--frozen-lockfile", "--offline")) &&
    PROVIDERS.every(({ name, args }) => check(`pnpm new-provider ${[name, ...args].join(" ")}`, () => pnpm("new-provider", name, ...args)));
  if (ready) {
    const newTests = PROVIDERS.map(({ name }) => `packages/${name}/test`);
    check("lint, generate and build (pnpm main)", () => pnpm("run", "main"));
    check("drift gate (pnpm check:generated)", () => pnpm("run", "check:generated"));
    check("typecheck", () => pnpm("run", "typecheck"));
    check(`tests: ${newTests.join(", ")} and scripts/test`, () => pnpm("exec", "vitest", "run", ...newTests, "scripts/test"));
    check("package checks (publint, attw)", () => pnpm("run", "check:packages"));
    check(`pack smoke test of ${PROVIDERS.map(({ name }) => name).join(", ")} (and auth)`, () => pnpm("run", "smoke", ...PROVIDERS.map(({ name }) => name)));
    for (const { name } of PROVIDERS) {
      check(`${name}: at most ${MAX_HAND_WRITTEN_LINES} hand-written lines besides the spec`, () => {
        const lines = handWrittenLines(name);
        return { ok: lines > 0 && lines <= MAX_HAND_WRITTEN_LINES, output: `${lines} lines marked TODO(new-provider)`, note: `${lines} lines` };
      });
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}
console.log(`new-provider: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
