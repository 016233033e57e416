#!/usr/bin/env node
// pnpm new-provider <name> [--auth bearer|basic|api-key[,...]]
//
// Scaffolds a provider that passes every check as written: specs/<name>.yaml (a skeleton that lints),
// its redocly.yaml entry, packages/<name> (client factory, README, spec-driven and README tests), a smoke
// consumer and a changeset; then installs (to link the workspace package) and generates. What is left to
// write by hand is marked TODO(new-provider): the spec, and a few lines that call its first operation.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDocument } from "yaml";
import { repoRoot } from "./lib/apis.mjs";
import { clientSource, indexSource, tokenSourceSource, typesSource } from "./lib/scaffold/client.mjs";
import { operationsTest, readme, readmeTest, smokeConsumer } from "./lib/scaffold/examples.mjs";
import { AUTH_MODES, providerNames, sharedVersions } from "./lib/scaffold/names.mjs";
import { changeset, packageJson, tsconfig, tsconfigBuild } from "./lib/scaffold/package-files.mjs";
import { specSkeleton } from "./lib/scaffold/spec.mjs";

function parseArgs(argv) {
  const [name, ...rest] = argv;
  let auth = ["bearer"];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--auth") auth = (rest[++i] ?? "").split(",");
    else if (arg.startsWith("--auth=")) auth = arg.slice(7).split(",");
    else throw new Error(`unknown argument ${arg}`);
  }
  const unknown = auth.filter((mode) => !AUTH_MODES.includes(mode));
  if (!name || name.startsWith("-") || unknown.length || auth.length === 0) {
    throw new Error(`usage: pnpm new-provider <name> [--auth ${AUTH_MODES.join("|")}[,...]] (default bearer)`);
  }
  // In the spec's order, so the output does not depend on how the flag was written.
  return { names: providerNames(name), auth: AUTH_MODES.filter((mode) => auth.includes(mode)) };
}

function addRedoclyEntry(n) {
  const file = join(repoRoot, "redocly.yaml");
  const document = parseDocument(readFileSync(file, "utf8"));
  if (document.hasIn(["apis", n.name])) throw new Error(`redocly.yaml already has an api named ${n.name}`);
  document.setIn(["apis", n.name], document.createNode({ root: `specs/${n.name}.yaml`, "x-openapi-ts": { output: `packages/${n.name}/src/generated/schema.ts` } }));
  writeFileSync(file, document.toString({ lineWidth: 0 }));
}

function run(title, command, args) {
  console.log(`new-provider: ${title}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

/** pnpm itself: the one running this script when started as `pnpm new-provider`, else pnpm through npx. */
function pnpm(args) {
  const execpath = process.env.npm_execpath;
  return execpath && /pnpm/.test(execpath) ? [process.execPath, [execpath, ...args]] : ["npx", ["-y", "pnpm@10.34.9", ...args]];
}

try {
  const { names: n, auth } = parseArgs(process.argv.slice(2));
  const packageDir = join("packages", n.name);
  const files = {
    [`specs/${n.name}.yaml`]: specSkeleton(n, auth),
    [`${packageDir}/package.json`]: packageJson(n, sharedVersions(repoRoot)),
    [`${packageDir}/tsconfig.json`]: tsconfig,
    [`${packageDir}/tsconfig.build.json`]: tsconfigBuild,
    [`${packageDir}/src/client.ts`]: clientSource(n, auth),
    ...(auth.includes("bearer") ? { [`${packageDir}/src/token-source.ts`]: tokenSourceSource(n) } : {}),
    [`${packageDir}/src/types.ts`]: typesSource(n, auth),
    [`${packageDir}/src/index.ts`]: indexSource(n, auth),
    [`${packageDir}/test/operations.test.ts`]: operationsTest(n, auth),
    [`${packageDir}/test/readme.test.ts`]: readmeTest(n, auth),
    [`${packageDir}/README.md`]: readme(n, auth),
    // Every published package ships the root's MIT license in its tarball.
    ...(existsSync(join(repoRoot, "LICENSE")) ? { [`${packageDir}/LICENSE`]: readFileSync(join(repoRoot, "LICENSE"), "utf8") } : {}),
    [`scripts/smoke/${n.name}.ts`]: smokeConsumer(n, auth),
    [`.changeset/new-provider-${n.name}.md`]: changeset(n),
  };
  const taken = Object.keys(files).filter((file) => existsSync(join(repoRoot, file)));
  if (taken.length) throw new Error(`already exists: ${taken.join(", ")}`);

  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repoRoot, file)), { recursive: true });
    writeFileSync(join(repoRoot, file), text);
  }
  addRedoclyEntry(n);
  console.log(`new-provider: wrote ${Object.keys(files).length} files and the redocly.yaml entry for ${n.packageName} (auth: ${auth.join(", ")})`);

  run("link the new package into the workspace (pnpm install)", ...pnpm(["install", "--prefer-offline", "--no-frozen-lockfile"]));
  run(`generate ${n.name}`, process.execPath, [join(repoRoot, "scripts", "generate.mjs"), n.name]);
  if (existsSync(join(repoRoot, "scripts", "api-report.mjs"))) {
    run("write its public API report", process.execPath, [join(repoRoot, "scripts", "api-report.mjs"), "--update", n.packageName]);
  }
  console.log(`
new-provider: ${n.packageName} is ready and passes every check. Now:
  1. Write specs/${n.name}.yaml (specs/README.md): servers, security schemes, the real operations; then pnpm generate ${n.name}.
  2. Fill in the lines marked TODO(new-provider): grep -rn "TODO(new-provider)" packages/${n.name} scripts/smoke/${n.name}.ts .changeset
  3. Add helpers only where the provider needs them (flows, quirks), each with its test.`);
} catch (error) {
  console.error(`new-provider: ${error.message}`);
  process.exit(1);
}
