#!/usr/bin/env node
// pnpm check:readmes: every ```ts block of every README (root, packages/*, examples/*) is checked against
// the packed packages, installed with npm exactly as a user installs them (scripts/lib/packed-install.mjs):
//
//   - a complete block is type-checked as its own module, TypeScript strict, twice: `moduleResolution`
//     node16 and bundler;
//   - a block marked partial (`<!-- partial -->` right before it, or the info string `ts partial`) is a
//     fragment that leans on the text around it: it must still parse as TypeScript;
//   - each quick start (the first ts block under "## Quick start") is compiled and run with node against a
//     provider played on 127.0.0.1 (scripts/lib/fake-provider.mjs), with the env, the names the README
//     declares and the routes from scripts/readme-quick-starts/<folder>.mjs.
//
// Then a self-test: the fixture README scripts/test/fixtures/broken-readme/README.md holds deliberately
// broken examples, and the check must report exactly those. Ends with "readmes: N passed, N failed" (CI adds
// it to its Tests line). Slow (it packs and installs), so it is its own CI step, not part of `pnpm test`.
// Needs `pnpm build` first.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, toolsRoot } from "./lib/apis.mjs";
import { startFakeProvider } from "./lib/fake-provider.mjs";
import { packAndInstall } from "./lib/packed-install.mjs";
import { extractTsBlocks, findReadmes } from "./lib/readme-blocks.mjs";

const ts = createRequire(join(toolsRoot, "package.json"))("typescript");
const SELF_TEST = "scripts/test/fixtures/broken-readme/README.md";
const preload = join(toolsRoot, "scripts", "lib", "fake-provider-preload.mjs");
const RESOLUTIONS = {
  node16: { module: "node16", moduleResolution: "node16" },
  bundler: { module: "preserve", moduleResolution: "bundler", noEmit: true },
};

let passed = 0;
let failed = 0;
const pass = (line) => (passed++, console.log(`readmes: ✓ ${line}`));
const fail = (line, details = []) => {
  failed++;
  console.error(`readmes: ✗ ${line}`);
  for (const detail of details) console.error(`    ${detail}`);
};

/** Every ts block of the given READMEs, each with the module file it is written to in the consumer. */
function collect(readmes) {
  return readmes.flatMap((readme) => {
    const slug = dirname(readme) === "." ? "root" : dirname(readme).replaceAll("/", "-");
    return extractTsBlocks(readFileSync(join(repoRoot, readme), "utf8")).map((block) => ({
      readme,
      block,
      file: `readmes/${slug}/line-${block.line}.ts`,
      where: `${readme}:${block.line}${block.quickStart ? " (quick start)" : ""}${block.partial ? " (partial)" : ""}`,
    }));
  });
}

/** Runs tsc on one tsconfig; returns the diagnostics per file (relative to the consumer), and any others. */
function typecheck(consumer, config) {
  const result = spawnSync(join(consumer, "node_modules", ".bin", "tsc"), ["-p", config, "--pretty", "false"], { cwd: consumer, encoding: "utf8" });
  const byFile = new Map();
  const other = [];
  let current;
  for (const line of `${result.stdout}${result.stderr}`.split("\n")) {
    const diagnostic = /^(readmes\/[^(]+)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (diagnostic) {
      const [, file, row, column, message] = diagnostic;
      current = { file, row: Number(row), column: Number(column), message };
      byFile.set(file, [...(byFile.get(file) ?? []), current]);
    } else if (/^\s/.test(line) && current) {
      current.message += ` ${line.trim()}`;
    } else if (line.trim()) {
      current = undefined;
      other.push(line);
    }
  }
  return { byFile, other };
}

/** Syntax errors of a partial block, as README-relative diagnostics. */
function syntaxErrors(entry) {
  const output = ts.transpileModule(entry.block.code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
  return (output.diagnostics ?? []).map((diagnostic) => {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${entry.readme}:${entry.block.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

/** Type and syntax errors of one block, with README line numbers. */
function blockErrors(entry, checks) {
  const syntax = syntaxErrors(entry);
  if (entry.block.partial || syntax.length) return syntax;
  return Object.entries(checks).flatMap(([resolution, { byFile }]) =>
    (byFile.get(entry.file) ?? []).map((d) => `${entry.readme}:${entry.block.line + d.row - 1} [${resolution}]: ${d.message}`),
  );
}

/** Runs node with `args`; resolves `{ code, signal, stdout, stderr }` whatever the exit. */
const runNode = (args, options) =>
  new Promise((resolve) => {
    execFile(process.execPath, args, { ...options, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, signal: error?.signal, stdout, stderr }),
    );
  });

/** Runs a compiled quick start against its README's fixture; returns what went wrong (empty when fine). */
async function runQuickStart(consumer, entry) {
  const folder = dirname(entry.readme) === "." ? "root" : basename(dirname(entry.readme));
  const fixturePath = join(toolsRoot, "scripts", "readme-quick-starts", `${folder}.mjs`);
  if (!existsSync(fixturePath)) return [`no fixture: add scripts/readme-quick-starts/${folder}.mjs (env, declared names, routes)`];
  const fixture = await import(pathToFileURL(fixturePath).href);
  const fake = await startFakeProvider(fixture.routes ?? {});
  try {
    const compiled = join(consumer, "out", entry.file.replace(/\.ts$/, ".js"));
    // Asynchronous: the fake provider answers from this process's event loop while the child runs.
    const child = await runNode(["--import", pathToFileURL(preload).href, compiled], {
      cwd: consumer,
      timeout: 60_000,
      env: { ...process.env, ...fixture.env, OAUTH_KIT_FAKE_ORIGIN: fake.origin, OAUTH_KIT_README_FIXTURE: fixturePath },
    });
    const problems = [];
    if (child.code !== 0) problems.push(`exit ${child.code ?? child.signal}: ${(child.stderr || child.stdout).trim().split("\n").slice(0, 8).join("\n    ")}`);
    problems.push(...fake.unknown.map((request) => `unexpected request: ${request}`));
    const unused = Object.keys(fixture.routes ?? {}).filter((route) => !fake.requests.some((r) => `${r.method} ${r.path}` === route));
    if (unused.length) problems.push(`never requested: ${unused.join(", ")}`);
    if (!problems.length && fixture.check) {
      try {
        fixture.check({ stdout: child.stdout, requests: fake.requests });
      } catch (error) {
        problems.push(error.message);
      }
    }
    return problems;
  } finally {
    await fake.close();
  }
}

/**
 * The fixture README must fail exactly where it is broken: each block whose first line is a comment
 * `// expect: error` must have errors, every other block none, and its quick start (`// expect: run
 * failure`) must compile and then fail its run. A checker that stopped seeing errors would pass the real
 * READMEs and fail here.
 */
async function selfTest(consumer, entries, checks) {
  const problems = [];
  let broken = 0;
  for (const entry of entries) {
    const expectsError = entry.block.code.startsWith("// expect: error");
    if (expectsError) broken++;
    const errors = blockErrors(entry, checks);
    if (expectsError && errors.length === 0) problems.push(`${entry.where}: deliberately broken, but the check found nothing`);
    if (!expectsError && errors.length) problems.push(`${entry.where}: correct, but the check reported: ${errors[0]}`);
  }
  if (broken < 2) problems.push(`the fixture should hold at least two broken blocks, found ${broken}`);
  const quickStart = entries.find((entry) => entry.block.quickStart);
  if (!quickStart?.block.code.startsWith("// expect: run failure")) problems.push("the fixture should have a quick start marked `// expect: run failure`");
  else if (!(await runQuickStart(consumer, quickStart)).length) problems.push(`${quickStart.where}: deliberately wrong, but its run passed`);
  return problems;
}

const readmes = findReadmes(repoRoot);
const entries = collect(readmes);
const selfTestEntries = collect([SELF_TEST]);
console.log(`readmes: ${entries.length} ts blocks in ${readmes.length} READMEs (${entries.filter((e) => e.block.partial).length} marked partial)`);

let installed;
try {
  installed = packAndInstall({ prefix: "oauth-kit-readmes-", log: (line) => console.log(`readmes: ${line}`) });
  const { consumer } = installed;
  for (const entry of [...entries, ...selfTestEntries]) {
    mkdirSync(join(consumer, dirname(entry.file)), { recursive: true });
    writeFileSync(join(consumer, entry.file), entry.block.code);
  }
  const checks = {};
  for (const [name, options] of Object.entries(RESOLUTIONS)) {
    const config = `tsconfig.${name}.json`;
    writeFileSync(
      join(consumer, config),
      JSON.stringify({
        compilerOptions: { target: "ES2022", strict: true, moduleDetection: "force", types: ["node"], outDir: "out", rootDir: ".", ...options },
        // Partial blocks are fragments: only their syntax is checked. A block that does not parse is left
        // out too: tsc reports only syntax errors while any file has one, which would hide every type error.
        files: [...entries, ...selfTestEntries].filter((e) => !e.block.partial && !syntaxErrors(e).length).map((e) => e.file),
      }),
    );
    checks[name] = typecheck(consumer, config);
    if (checks[name].other.length) fail(`tsc (${name}) reported errors outside the README blocks`, checks[name].other.slice(0, 10));
  }
  console.log("readmes: type-checked every complete block with node16 and bundler resolution");

  for (const entry of entries) {
    const errors = blockErrors(entry, checks);
    if (errors.length) fail(entry.where, errors);
    else pass(`${entry.where}${entry.block.partial ? " parses" : " type-checks (node16, bundler)"}`);
  }
  for (const entry of entries.filter((e) => e.block.quickStart && !e.block.partial)) {
    const problems = blockErrors(entry, checks).length ? ["does not compile (see above)"] : await runQuickStart(consumer, entry);
    if (problems.length) fail(`${entry.readme}: quick start run against 127.0.0.1`, problems);
    else pass(`${entry.readme}: quick start runs against its provider played on 127.0.0.1`);
  }
  const selfProblems = await selfTest(consumer, selfTestEntries, checks);
  if (selfProblems.length) fail(`self-test: ${SELF_TEST}`, selfProblems);
  else pass(`self-test: the deliberately broken blocks and quick start of ${SELF_TEST} fail the check, its correct ones pass`);
} catch (error) {
  fail("README check could not run", [error.stderr || error.stdout || error.message]);
} finally {
  // OAUTH_KIT_KEEP=1 keeps the consumer folder to look at after a failure.
  if (process.env.OAUTH_KIT_KEEP) console.log(`readmes: kept ${installed?.work}`);
  else installed?.cleanup();
}
console.log(`readmes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
