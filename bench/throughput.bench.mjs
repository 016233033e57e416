// Loopback throughput: every provider client against bare openapi-fetch with an equivalent middleware
// and raw fetch, over real keep-alive HTTP to a node:http server on 127.0.0.1 that this benchmark starts
// in a separate process (bench/lib/loopback-server.mjs) and stops. Sequential calls, then 16 in flight;
// a bounded number of requests per round. Figures are requests per second (higher is better).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { casesOf, loadLibraries, loadProviders, variantsOf } from "./lib/providers.mjs";
import { compare, report } from "./lib/report.mjs";
import { interleave } from "./lib/stats.mjs";

// 80 sequential requests a round swung the ratios by ±0.2 between runs; a few hundred steady them. 7 rounds
// left medians 0.85–0.98 apart between runs on a loaded two-core machine for the same build (22 rounds gave
// 0.95–0.98); 15 keep the run short. 16 in flight, 640 requests a round (0.15 s) gave openapi-com's GET
// 0.88–0.92 while the client's CPU time per request was the same for both (360 µs, separate processes);
// 2,560 a round gave 0.97 (and 0.94–0.97 for the other GETs): rounds this long measure sustained
// throughput, where a short one is moved by its start (16 workers ramping up) and by where a GC pause falls.
const ROUNDS = 15;
const SEQUENTIAL_REQUESTS = 300;
const CONCURRENT_REQUESTS = 2560;
const IN_FLIGHT = 16;

async function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./lib/loopback-server.mjs", import.meta.url))], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const failed = once(child, "exit").then(([code]) => {
    throw new Error(`the loopback server exited (${code}) before listening`);
  });
  let output = "";
  const listening = new Promise((resolve) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
  });
  const port = await Promise.race([listening, failed]);
  return { port, stop: () => child.stdin.end() };
}

/** Requests per second for `total` calls of `run`, `inFlight` at a time. */
async function requestsPerSecond(run, total, inFlight) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      await run();
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return total / (Number(process.hrtime.bigint() - started) / 1e9);
}

const server = await startServer();
try {
  const libraries = await loadLibraries();
  const baseUrl = `http://127.0.0.1:${server.port}`;
  console.log(`loopback throughput, keep-alive node:http in a child process: ${ROUNDS} rounds, interleaved`);
  for (const provider of await loadProviders()) {
    // One case per provider keeps the run short: its first (Basic GET, else Basic POST, else bearer).
    const [benchCase] = casesOf(provider.metadata, libraries.auth.TURNKEY_STAMP_HEADER);
    if (!benchCase) {
      console.log(`${provider.name}: no Basic, bearer or signed operation in its metadata; skipped`);
      continue;
    }
    const clients = variantsOf(libraries, provider.metadata, benchCase, { baseUrl });
    console.log(`${provider.name} ${benchCase.label} (${benchCase.operation.method} ${benchCase.operation.path})`);
    for (const [mode, total, inFlight] of [
      ["sequential", SEQUENTIAL_REQUESTS, 1],
      [`${IN_FLIGHT} in flight`, CONCURRENT_REQUESTS, IN_FLIGHT],
    ]) {
      const variants = Object.fromEntries(Object.entries(clients).map(([name, run]) => [name, () => requestsPerSecond(run, total, inFlight)]));
      const samples = await interleave(variants, { rounds: ROUNDS });
      report(compare({
        bench: "throughput",
        case: `${provider.api} ${benchCase.label}, ${benchCase.operation.method} ${benchCase.operation.path}, ${mode}`,
        samples,
        baseline: "openapi-fetch + middleware",
        unit: "req/s",
        lowerIsBetter: false,
      }));
    }
  }
} finally {
  server.stop();
}
