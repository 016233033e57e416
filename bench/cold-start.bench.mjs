// Cold start: import + create a client, each sample in a fresh Node process, for every provider package
// (its dist/) against openapi-fetch import + createClient. Interleaved: one process per variant per round.
// The samples run in a throwaway app folder whose node_modules links openapi-fetch and the workspace
// packages, so both sides import by package name and pay Node's package resolution, as an app does.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApis, repoRoot } from "../scripts/lib/apis.mjs";
import { casesOf, loadProviders, packageEntry } from "./lib/providers.mjs";
import { compare, report } from "./lib/report.mjs";
import { interleave } from "./lib/stats.mjs";

// 15 rounds: one process per sample is cheap (~0.1 s), and 7 left medians 1.1–1.45× apart for providers
// that load the same code.
const ROUNDS = 15;
const helpersUrl = new URL("./lib/providers.mjs", import.meta.url).href;

/** An app folder: the child script, and node_modules linking each package name to its folder. */
function appFolder(packages) {
  const app = mkdtempSync(join(tmpdir(), "oauth-kit-cold-start-"));
  for (const [name, dir] of Object.entries(packages)) {
    mkdirSync(dirname(join(app, "node_modules", name)), { recursive: true });
    symlinkSync(dir, join(app, "node_modules", name), "dir");
  }
  copyFileSync(fileURLToPath(new URL("./lib/cold-start-child.mjs", import.meta.url)), join(app, "cold-start-child.mjs"));
  return app;
}

const packages = { "openapi-fetch": realpathSync(join(repoRoot, "packages", "auth", "node_modules", "openapi-fetch")) };
for (const dir of ["packages/auth", ...loadApis().map((api) => api.packageDir)]) packages[packageEntry(dir).name] = join(repoRoot, dir);
const app = appFolder(packages);
process.on("exit", () => rmSync(app, { recursive: true, force: true }));

/**
 * The security schemes a provider's client gets credentials for: those of its first benchmarked case,
 * picked here, before any clock runs. A signing key is imported on first use (createTurnkeyClient defers
 * it too), so a stamp scheme is not part of start-up.
 */
const auth = await import(packageEntry("packages/auth").url);
const schemesOf = {};
for (const provider of await loadProviders()) {
  const [benchCase] = casesOf(provider.metadata, auth.TURNKEY_STAMP_HEADER);
  schemesOf[provider.name] = (benchCase?.schemes ?? []).filter((scheme) => scheme.type !== "stamp");
}

/** Milliseconds of import + create in a fresh process. */
function coldStart(target) {
  const args = [join(app, "cold-start-child.mjs"), target, helpersUrl, JSON.stringify(schemesOf[target] ?? [])];
  const output = execFileSync(process.execPath, args, { encoding: "utf8", timeout: 120_000 });
  const ms = Number(output.trim().split("\n").pop());
  if (!Number.isFinite(ms)) throw new Error(`cold start of ${target} printed ${JSON.stringify(output)}`);
  return ms;
}

const variants = { "openapi-fetch": async () => coldStart("openapi-fetch") };
const apiOf = {};
for (const api of loadApis()) {
  variants[api.packageDir] = async () => coldStart(packageEntry(api.packageDir).name);
  apiOf[api.packageDir] = api.name;
}
console.log(`cold start (import + create a client, fresh process each): ${ROUNDS} rounds, interleaved`);
const samples = await interleave(variants, { rounds: ROUNDS });
for (const row of compare({ bench: "cold-start", case: "import + create a client", samples, baseline: "openapi-fetch", unit: "ms" })) {
  report([{ ...row, case: `${apiOf[row.variant]} import + create a client`, variant: "oauth-kit" }]);
}
