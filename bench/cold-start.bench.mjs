// Cold start: import + create a client, each sample in a fresh Node process, for every provider package
// (its dist/) against openapi-fetch import + createClient. Interleaved: one process per variant per round.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadApis } from "../scripts/lib/apis.mjs";
import { compare, report } from "./lib/report.mjs";
import { interleave } from "./lib/stats.mjs";

// 15 rounds: one process per sample is cheap (~0.1 s), and 7 left medians 1.1–1.45× apart for providers
// that load the same code.
const ROUNDS = 15;
const child = fileURLToPath(new URL("./lib/cold-start-child.mjs", import.meta.url));

/** Milliseconds of import + create in a fresh process. */
function coldStart(target) {
  const output = execFileSync(process.execPath, [child, target], { encoding: "utf8", timeout: 120_000 });
  const ms = Number(output.trim().split("\n").pop());
  if (!Number.isFinite(ms)) throw new Error(`cold start of ${target} printed ${JSON.stringify(output)}`);
  return ms;
}

const variants = { "openapi-fetch": async () => coldStart("openapi-fetch") };
const apiOf = {};
for (const api of loadApis()) {
  variants[api.packageDir] = async () => coldStart(api.packageDir);
  apiOf[api.packageDir] = api.name;
}
console.log(`cold start (import + create a client, fresh process each): ${ROUNDS} rounds, interleaved`);
const samples = await interleave(variants, { rounds: ROUNDS });
for (const row of compare({ bench: "cold-start", case: "import + create a client", samples, baseline: "openapi-fetch", unit: "ms" })) {
  report([{ ...row, case: `${apiOf[row.variant]} import + create a client`, variant: "oauth-kit" }]);
}
