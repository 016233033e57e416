#!/usr/bin/env node
// Measures @oauth-kit/mock (run `pnpm build` first): start-up time (in a fresh process, and again in a warm
// one) and memory over 1,000 sequential token requests. Prints numbers; asserts nothing (the repo's tests
// never time anything). Usage: node bench/mock.bench.mjs [--json]
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const entry = fileURLToPath(new URL("../packages/mock/dist/index.js", import.meta.url));
if (!existsSync(entry)) {
  console.error("bench/mock: packages/mock is not built; run pnpm build first");
  process.exit(1);
}
const { startMockProvider, mockProviderNames } = await import(entry);
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => Math.round(value * 10) / 10;

/** import + start + first answered request, in a fresh Node process: what a test file pays once. */
function coldStart(provider) {
  const script = `
    const t0 = performance.now();
    const { startMockProvider } = await import(${JSON.stringify(entry)});
    const mock = await startMockProvider(${JSON.stringify(provider)});
    const started = performance.now() - t0;
    await (await fetch(mock.baseUrl + "/__nothing__")).arrayBuffer();
    const firstAnswer = performance.now() - t0;
    await mock.close();
    console.log(JSON.stringify({ started, firstAnswer }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

async function warmStart(provider, runs = 20) {
  const times = [];
  for (let run = 0; run < runs; run++) {
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

/** 1,000 sequential authx client-credentials token requests (each issues and stores a token). */
async function tokenRequests(count = 1000) {
  const mock = await startMockProvider("alpaca");
  const { authxClientId, authxClientSecret } = mock.credentials;
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: authxClientId, client_secret: authxClientSecret }).toString();
  const request = async () => {
    const response = await fetch(`${mock.baseUrl}/v1/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 100; i++) await request(); // warm-up: compiled validators, sockets, JIT
  const samples = [];
  const before = heap();
  const t0 = performance.now();
  for (let i = 1; i <= count; i++) {
    await request();
    if (i % 250 === 0) samples.push({ requests: i, heapUsedKiB: Math.round((heap() - before) / 1024) });
  }
  const elapsed = performance.now() - t0;
  const after = heap();
  const stored = mock.state.tokens.size;
  await mock.close();
  return { count, elapsedMs: ms(elapsed), perRequestMs: ms(elapsed / count), heapGrowthKiB: Math.round((after - before) / 1024), bytesPerRequest: Math.round((after - before) / count), tokensStored: stored, samples, rssMiB: Math.round(process.memoryUsage().rss / 1048576) };
}

const results = { node: process.version, startup: {}, tokens: undefined };
for (const provider of mockProviderNames) {
  const cold = coldStart(provider);
  results.startup[provider] = { coldStartMs: ms(cold.started), coldFirstAnswerMs: ms(cold.firstAnswer), warmStartMs: ms(await warmStart(provider)) };
}
results.tokens = await tokenRequests();

if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`@oauth-kit/mock on Node ${results.node}`);
  console.log("start-up (ms): provider, fresh process (import + start), + first answer, warm start (median of 20)");
  for (const [provider, r] of Object.entries(results.startup)) console.log(`  ${provider.padEnd(12)} ${String(r.coldStartMs).padStart(7)} ${String(r.coldFirstAnswerMs).padStart(7)} ${String(r.warmStartMs).padStart(7)}`);
  const t = results.tokens;
  console.log(`1,000 sequential token requests (alpaca authx): ${t.elapsedMs} ms, ${t.perRequestMs} ms each`);
  console.log(`  heap growth after GC: ${t.heapGrowthKiB} KiB (${t.bytesPerRequest} B per request; ${t.tokensStored} issued tokens kept, as the mock must to check them)`);
  console.log(`  samples: ${t.samples.map((s) => `${s.requests}: +${s.heapUsedKiB} KiB`).join(", ")}; rss ${t.rssMiB} MiB`);
}
