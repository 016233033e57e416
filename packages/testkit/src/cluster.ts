import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { bundleWorker } from "./bundle-worker.js";
import type { TokenSet } from "@oauth-kit/auth";

export interface WorkerResult {
  ok: number;
  errors: string[];
  tokens: TokenSet | undefined;
  wallMs: number;
}

export interface Worker {
  process: ChildProcess;
  /** Resolves with the worker's JSON line; rejects if it exits without one. */
  result: Promise<WorkerResult>;
  go(): void;
}

const WORKER_SOURCE = fileURLToPath(new URL("./cluster-worker.ts", import.meta.url));
// Generous: the machine may be loaded 10×; a worker still running after this is killed and fails the test.
const WORKER_LIFETIME_MS = 120_000;

let bundled: Promise<{ file: string; remove(): void }> | undefined;
/** The worker script, bundled once per test file. */
export const workerScript = () => (bundled ??= bundleWorker(WORKER_SOURCE));
export async function removeWorkerScript(): Promise<void> {
  if (bundled) (await bundled).remove();
  bundled = undefined;
}

/** Starts one worker process and resolves once it is ready for "go". */
export async function startWorker(env: Record<string, string>): Promise<Worker> {
  const { file } = await workerScript();
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  const kill = setTimeout(() => child.kill("SIGKILL"), WORKER_LIFETIME_MS);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const result = new Promise<WorkerResult>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line === "ready") onReady();
      else if (line.startsWith("{")) resolve(JSON.parse(line) as WorkerResult);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(kill);
      onReady();
      reject(new Error(`worker exited (${code ?? signal}) without a result: ${stderr.slice(-1000)}`));
    });
  });
  result.catch(() => undefined);
  await ready;
  return { process: child, result, go: () => child.stdin?.write("go\n") };
}

/**
 * Starts `count` workers, then lets them all go at once; resolves with every result and the wall time
 * from "go" to the last result (process start-up excluded).
 */
export async function runClusterTimed(count: number, env: Record<string, string>): Promise<{ results: WorkerResult[]; wallMs: number }> {
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(env)));
  const started = performance.now();
  for (const worker of workers) worker.go();
  const results = await Promise.all(workers.map((worker) => worker.result));
  return { results, wallMs: performance.now() - started };
}

/** runClusterTimed() without the time. */
export async function runCluster(count: number, env: Record<string, string>): Promise<WorkerResult[]> {
  return (await runClusterTimed(count, env)).results;
}
