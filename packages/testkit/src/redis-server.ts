import { type ChildProcess, spawn } from "node:child_process";
import { closedPort } from "./local-server.js";

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (persistence is off). */
  start(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/**
 * A real `redis-server` (Debian's) on a free 127.0.0.1 port with persistence off, for the token-store
 * tests. Throws (the test fails, never skips) when it cannot start. The caller must stop() it.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await closedPort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill("SIGKILL");
        reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms: ${output.slice(-500)}`));
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on("data", onData);
      proc.stderr?.on("data", onData);
      proc.once("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot run redis-server (install Debian's redis-server): ${error.message}`));
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
      });
    });
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill("SIGTERM");
    });
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
