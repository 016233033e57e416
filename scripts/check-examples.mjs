#!/usr/bin/env node
// pnpm check:examples: every folder under examples/ is type-checked and its tests run against the packed
// packages, installed with npm exactly as a user installs them (scripts/lib/packed-install.mjs).
//
// An example is a folder a user can copy: its own package.json (real version ranges of the @oauth-kit
// packages, not workspace: links; that is why examples/ is outside the pnpm workspace), a tsconfig.json,
// and tests in test/*.test.ts that `node --test` runs against a server on 127.0.0.1. Each is copied next
// to the installed tarballs, compiled with `tsc -p`, and its compiled tests run. Also checked: every
// @oauth-kit package the example imports is in its dependencies, with a range the workspace version
// satisfies. Ends with "examples: N passed, N failed" (node:test's counts; CI adds them to its Tests line).
// Needs `pnpm build` first.
import { execFile } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { consumerToolchain, packAndInstall } from "./lib/packed-install.mjs";

const examplesDir = join(repoRoot, "examples");
const only = process.argv.slice(2);
const examples = (existsSync(examplesDir) ? readdirSync(examplesDir) : [])
  .filter((dir) => existsSync(join(examplesDir, dir, "package.json")))
  .filter((dir) => !only.length || only.includes(dir))
  .sort();

let passed = 0;
let failed = 0;

/** Runs a command; resolves `{ code, output }` whatever the exit (asynchronous: tests may start servers). */
const runCommand = (command, args, cwd) =>
  new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: "utf8", timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

/** `^x.y.z` accepts `version` (npm's caret rule, enough for the ranges examples use). */
function caretAccepts(range, version) {
  const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!match) return false;
  const want = match.slice(1).map(Number);
  const have = version.split(".").map(Number);
  const fixed = want[0] > 0 ? 1 : want[1] > 0 ? 2 : 3; // ^1.2.3: same major; ^0.2.3: same minor; ^0.0.3: exactly
  if (have.slice(0, fixed).join(".") !== want.slice(0, fixed).join(".")) return false;
  const order = have.findIndex((part, i) => part !== want[i]);
  return order === -1 || have[order] > want[order];
}

/** The example's package.json against what it imports and the workspace versions. */
function dependencyProblems(dir, packages) {
  const manifest = JSON.parse(readFileSync(join(examplesDir, dir, "package.json"), "utf8"));
  const sources = ["src", "test"].flatMap((folder) =>
    existsSync(join(examplesDir, dir, folder)) ? readdirSync(join(examplesDir, dir, folder)).map((file) => readFileSync(join(examplesDir, dir, folder, file), "utf8")) : [],
  );
  const imported = new Set(sources.flatMap((code) => [...code.matchAll(/from "(@oauth-kit\/[a-z-]+)/g)].map((m) => m[1])));
  const problems = [];
  if (!manifest.private) problems.push("package.json must be private (an example is never published)");
  for (const name of imported) {
    const range = manifest.dependencies?.[name];
    const version = packages.find((p) => p.manifest.name === name)?.manifest.version;
    if (!range) problems.push(`imports ${name} but does not list it in dependencies`);
    else if (version && !caretAccepts(range, version)) problems.push(`${name}: range ${range} does not accept the workspace version ${version}`);
  }
  return problems;
}

if (!examples.length) {
  console.error("examples: no example found under examples/");
  process.exit(1);
}
/** The examples' other dependencies (ethers, ...), installed from npm beside the tarballs, as `name@range`. */
const thirdParty = [
  ...new Set(
    examples.flatMap((dir) =>
      Object.entries(JSON.parse(readFileSync(join(examplesDir, dir, "package.json"), "utf8")).dependencies ?? {})
        .filter(([name]) => !name.startsWith("@oauth-kit/"))
        .map(([name, range]) => `${name}@${range}`),
    ),
  ),
];

let installed;
try {
  installed = packAndInstall({ extra: [...consumerToolchain, ...thirdParty], prefix: "oauth-kit-examples-", log: (line) => console.log(`examples: ${line}`) });
  const { consumer, packages } = installed;
  const tsc = join(consumer, "node_modules", ".bin", "tsc");
  for (const dir of examples) {
    const started = Date.now();
    const target = join(consumer, "examples", dir);
    // Only the example's own files: node_modules resolves from the consumer folder above it.
    cpSync(join(examplesDir, dir), target, { recursive: true, filter: (path) => !/[/\\](node_modules|dist)$/.test(path) });
    const problems = dependencyProblems(dir, packages);
    const build = await runCommand(tsc, ["-p", "."], target);
    if (build.code !== 0) problems.push(`tsc -p examples/${dir}:\n${build.output.trim()}`);
    if (problems.length) {
      failed++;
      console.error(`examples: ✗ ${dir}\n    ${problems.join("\n    ")}`);
      continue;
    }
    const tests = await runCommand(process.execPath, ["--test", "--test-reporter=tap", "dist/test/"], target);
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(tests.output)?.[1] ?? 0);
    const [ok, notOk] = [count("pass"), count("fail") + count("cancelled")];
    passed += ok;
    failed += notOk || (tests.code !== 0 || ok === 0 ? 1 : 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (tests.code === 0 && ok > 0 && notOk === 0) console.log(`examples: ✓ ${dir}: type-checks, ${ok} tests passed (${seconds} s)`);
    else console.error(`examples: ✗ ${dir}: ${ok} passed, ${notOk} failed (${seconds} s)\n${tests.output.trim()}`);
  }
} catch (error) {
  failed++;
  console.error(`examples: ${error.stderr || error.stdout || error.message}`);
} finally {
  installed?.cleanup();
}
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
