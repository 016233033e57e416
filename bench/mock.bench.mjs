#!/usr/bin/env node
// @oauth-kit/mock (issue #15's acceptance: "starting a mock takes under 300 ms; it serves 1,000 sequential
// token requests without growing memory"). Imports the built package (`pnpm build` first); asserts nothing
// (the repo's tests never time anything). Reports through bench/lib/report.mjs, so `pnpm bench` shows the
// rows in its summary and `pnpm bench --write-readme` in the README's Performance table:
// 1. start-up in a fresh process (import + start), per provider, median over ROUNDS processes, against the
//    300 ms of the acceptance; the first answer (a 404) is printed beside it;
// 2. start-up in a warm process (the package and Ajv loaded, as for every mock after a test file's first),
//    median of WARM_STARTS per round, against the same 300 ms;
// 3. heap growth (after a full GC) over 1,000 sequential authx token requests, in KiB and bytes per request:
//    a mock with the default bounds, warmed up until they are full (10,000 issued tokens and logged
//    requests: a long test run), against one that forgets nothing (maxIssuedTokens and requestLogLimit
//    Infinity: how the mock behaved before the bounds, and how any mock grows until it reaches them).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compare, report } from "./lib/report.mjs";
import { interleave, median } from "./lib/stats.mjs";

const ROUNDS = 7;
const WARM_STARTS = 20;
const MEMORY_ROUNDS = 5;
const REQUESTS = 1000;
const ACCEPTANCE_MS = 300;
const ACCEPTANCE = `${ACCEPTANCE_MS} ms (acceptance)`;
const DEFAULT_BOUND = 10_000;

const entry = fileURLToPath(new URL("../packages/mock/dist/index.js", import.meta.url));
if (!existsSync(entry)) {
  console.error("bench/mock: packages/mock is not built; run pnpm build first");
  process.exit(1);
}
const { startMockProvider, mockProviderNames } = await import(entry);
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const round1 = (value) => Math.round(value * 10) / 10;
const acceptance = (rounds) => Array.from({ length: rounds }, () => ACCEPTANCE_MS);

/**
 * import + start (and the first answer) in a fresh Node process: what a test file pays once. The client's
 * fetch is loaded before the clock starts: it is the test's cost whatever it talks to, not the mock's.
 */
function coldStart(provider) {
  const script = `
    await (await fetch("data:,warm")).text();
    const t0 = performance.now();
    const { startMockProvider } = await import(${JSON.stringify(entry)});
    const mock = await startMockProvider(${JSON.stringify(provider)});
    const started = performance.now() - t0;
    await (await fetch(mock.baseUrl + "/__nothing__")).arrayBuffer();
    const firstAnswer = performance.now() - t0;
    await mock.close();
    console.log(JSON.stringify({ started, firstAnswer }));`;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
  return JSON.parse(output.trim().split("\n").pop());
}

/** Median of WARM_STARTS start + close in this process. */
async function warmStart(provider) {
  const times = [];
  for (let run = 0; run < WARM_STARTS; run++) {
    const t0 = performance.now();
    const mock = await startMockProvider(provider);
    times.push(performance.now() - t0);
    await mock.close();
  }
  return median(times);
}

/** heapUsed after a full GC. */
function heap() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** An alpaca mock and a function sending one authx client-credentials token request (each issues a token). */
async function tokenMock(options) {
  const mock = await startMockProvider("alpaca", options);
  const { authxClientId, authxClientSecret } = mock.credentials;
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: authxClientId, client_secret: authxClientSecret }).toString();
  const request = async () => {
    const response = await fetch(`${mock.baseUrl}/v1/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
    await response.arrayBuffer();
  };
  return { mock, request };
}

/** Heap growth in bytes over REQUESTS sequential requests, with the time they took. */
async function growth({ request }, timings) {
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await request();
  timings.push((performance.now() - t0) / REQUESTS);
  return heap() - before;
}

// 1 and 2: start-up
const firstAnswers = Object.fromEntries(mockProviderNames.map((provider) => [provider, []]));
const coldVariants = Object.fromEntries(
  mockProviderNames.map((provider) => [
    provider,
    async () => {
      const { started, firstAnswer } = coldStart(provider);
      firstAnswers[provider].push(firstAnswer);
      return started;
    },
  ]),
);
console.log(`mock start-up in a fresh process (import + start): ${ROUNDS} rounds, interleaved, one process each`);
const cold = await interleave(coldVariants, { rounds: ROUNDS });
report(compare({ bench: "mock", case: "start-up, fresh process (import + start)", samples: { ...cold, [ACCEPTANCE]: acceptance(ROUNDS) }, baseline: ACCEPTANCE, unit: "ms" }));
for (const provider of mockProviderNames) console.log(`    ${provider}: first answer (a 404) ${round1(median(firstAnswers[provider]))} ms after the import began`);

console.log(`mock start-up in a warm process: median of ${WARM_STARTS} starts per round, ${ROUNDS} rounds`);
const warmVariants = Object.fromEntries(mockProviderNames.map((provider) => [provider, () => warmStart(provider)]));
const warm = await interleave(warmVariants, { rounds: ROUNDS });
report(compare({ bench: "mock", case: "start-up, warm process", samples: { ...warm, [ACCEPTANCE]: acceptance(ROUNDS) }, baseline: ACCEPTANCE, unit: "ms" }));

// 3: memory
const BOUNDED = `default bounds, full (${DEFAULT_BOUND.toLocaleString("en")} tokens and requests)`;
const UNBOUNDED = "nothing forgotten (bounds Infinity)";
const bounded = await tokenMock({});
const unbounded = await tokenMock({ maxIssuedTokens: Infinity, requestLogLimit: Infinity });
console.log(`heap growth over ${REQUESTS} token requests: filling the default bounds first (${DEFAULT_BOUND + 100} requests)...`);
for (let i = 0; i < DEFAULT_BOUND + 100; i++) await bounded.request();
for (let i = 0; i < 100; i++) await unbounded.request(); // warm-up: compiled validators, sockets, JIT
const timings = { [BOUNDED]: [], [UNBOUNDED]: [] };
const bytes = await interleave(
  { [BOUNDED]: () => growth(bounded, timings[BOUNDED]), [UNBOUNDED]: () => growth(unbounded, timings[UNBOUNDED]) },
  { rounds: MEMORY_ROUNDS, warmupRounds: 0 },
);
const kib = Object.fromEntries(Object.entries(bytes).map(([name, values]) => [name, values.map((value) => value / 1024)]));
const perRequest = Object.fromEntries(Object.entries(bytes).map(([name, values]) => [name, values.map((value) => value / REQUESTS)]));
const memoryCase = `heap growth over ${REQUESTS.toLocaleString("en")} token requests`;
report(compare({ bench: "mock", case: memoryCase, samples: kib, baseline: UNBOUNDED, unit: "KiB" }));
report(compare({ bench: "mock", case: `${memoryCase}, per request`, samples: perRequest, baseline: UNBOUNDED, unit: "B" }));
for (const [name, { mock }] of [[BOUNDED, bounded], [UNBOUNDED, unbounded]]) {
  console.log(
    `    ${name}: ${mock.state.tokens.size} tokens and ${mock.state.requests.length} requests kept; ` +
      `growth per round ${kib[name].map((value) => `${Math.round(value)} KiB`).join(", ")}; ${round1(median(timings[name]))} ms per request`,
  );
}
await bounded.mock.close();
await unbounded.mock.close();
