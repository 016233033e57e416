#!/usr/bin/env node
// Token-store benchmark (issue #12), runnable on its own: `node bench/token-store.bench.mjs` after
// `pnpm build` (it imports the built packages). Needs Debian's redis-server on PATH; starts it on a free
// 127.0.0.1 port with persistence off and stops it.
//
// 1. Per-call cost of getToken() with a valid token: a store-backed source (memory store, Redis store)
//    next to the plain in-memory source. Goal: no measurable difference, since no store round trip is made.
// 2. Wall time of the refresh storm: N worker processes × 250 concurrent calls on an expired token
//    sharing a Redis store, next to a single process doing the same.
// Rounds are interleaved (A, B, A, B, ...) so machine load hits both sides alike; each line prints the
// ratio's median, min and max over the rounds.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")));
const ROUNDS = Number(args.get("rounds") ?? 7);
const CALLS = Number(args.get("calls") ?? 200_000);
const STORM_ROUNDS = Number(args.get("storm-rounds") ?? 3);
const PROCESSES = Number(args.get("processes") ?? 8);

const { createTokenSource, createMemoryTokenStore } = await import(join(root, "packages/auth/dist/index.js"));
const { createRedisTokenStore } = await import(join(root, "packages/redis/dist/index.js"));

// The test support (redis-server launcher, rotating authorization server, cluster workers) is TypeScript:
// bundle it once so this script runs on plain node and shares that code instead of copying it.
// Written beside the sources it bundles, since they find the worker and the packages relative to
// themselves (import.meta.url), and removed at the end.
const supportFile = join(root, "packages/testkit/src", `.bench-support-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `
      export { startRedisServer } from "./redis-server.ts";
      export { startRotatingAuthServer } from "./rotating-auth-server.ts";
      export { runClusterTimed, removeWorkerScript } from "./cluster.ts";`,
    resolveDir: join(root, "packages/testkit/src"),
    loader: "ts",
  },
  outfile: supportFile,
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "silent",
  external: ["esbuild"],
});
const { startRedisServer, startRotatingAuthServer, runClusterTimed, removeWorkerScript } = await import(supportFile);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (values, digits = 2) =>
  `median ${median(values).toFixed(digits)}, min ${Math.min(...values).toFixed(digits)}, max ${Math.max(...values).toFixed(digits)}`;

const valid = () => ({ accessToken: "at-bench", tokenType: "Bearer", refreshToken: "rt-bench", expiresAt: Date.now() + 3_600_000 });
const refresh = async () => valid();

async function perCallNs(source) {
  await source.getToken(); // first call: may read the store; not what is measured
  const started = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await source.getToken();
  return Number(process.hrtime.bigint() - started) / CALLS;
}

const redis = await startRedisServer();
try {
  // 1. per-call cost
  const redisStore = createRedisTokenStore({ url: redis.url });
  await redisStore.write("bench-grant", 0, { tokens: valid() });
  const memoryStore = createMemoryTokenStore();
  await memoryStore.write("bench-grant", 0, { tokens: valid() });
  const sides = {
    "in-memory (no store)": () => createTokenSource({ initial: valid(), refresh }),
    "memory store": () => createTokenSource({ store: memoryStore, key: "bench-grant", refresh }),
    "Redis store": () => createTokenSource({ store: redisStore, key: "bench-grant", refresh }),
  };
  const ns = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, make] of Object.entries(sides)) ns[name].push(await perCallNs(make()));
  }
  console.log(`token-store: getToken() with a valid token, ${CALLS} calls × ${ROUNDS} interleaved rounds`);
  const baseline = ns["in-memory (no store)"];
  for (const [name, values] of Object.entries(ns)) {
    const ratios = values.map((value, i) => value / baseline[i]);
    console.log(`  ${name.padEnd(22)} ns/call ${summary(values, 0)}; ratio to in-memory ${summary(ratios)}`);
  }
  await redisStore.close();

  // 2. refresh storm wall time
  const storm = { [`${PROCESSES} processes`]: PROCESSES, "1 process": 1 };
  const wall = Object.fromEntries(Object.keys(storm).map((name) => [name, []]));
  let grant = 0;
  for (let round = 0; round < STORM_ROUNDS; round++) {
    for (const [name, count] of Object.entries(storm)) {
      const auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
      const store = createRedisTokenStore({ url: redis.url });
      const key = `bench-storm-${++grant}`;
      await store.write(key, 0, { tokens: { accessToken: "at-0", tokenType: "Bearer", refreshToken: "rt-0", expiresAt: Date.now() - 1 } });
      await store.close();
      const { results, wallMs } = await runClusterTimed(count, { STORE: "redis", REDIS_URL: redis.url, AUTH_URL: auth.url, GRANT_KEY: key, CALLS: "250" });
      wall[name].push(wallMs);
      const failed = results.reduce((sum, result) => sum + result.errors.length, 0);
      if (auth.refreshCalls !== 1 || auth.revoked || failed) throw new Error(`storm round failed: ${auth.refreshCalls} refreshes, ${failed} errors`);
      await auth.close();
    }
  }
  console.log(`token-store: refresh storm, 250 concurrent calls per process on an expired token, ${STORM_ROUNDS} interleaved rounds (from "go" to the last result; process start-up excluded)`);
  const single = wall["1 process"];
  for (const [name, values] of Object.entries(wall)) {
    console.log(`  ${name.padEnd(12)} wall ms ${summary(values, 0)}; ratio to 1 process ${summary(values.map((value, i) => value / single[i]))}`);
  }
} finally {
  await redis.stop();
  await removeWorkerScript();
  rmSync(supportFile, { force: true });
}
