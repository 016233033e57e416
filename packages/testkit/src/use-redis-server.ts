import { afterAll, beforeAll } from "vitest";
import { removeWorkerScript, workerScript } from "./cluster.js";
import { type RedisServer, startRedisServer } from "./redis-server.js";

/**
 * A real redis-server for one test file: started before its tests (failing them if it cannot start),
 * stopped after. With `workers`, the cluster worker script is bundled up front too.
 */
export function useRedisServer(options: { workers?: boolean } = {}): { readonly server: RedisServer } {
  const state: { server?: RedisServer } = {};
  beforeAll(async () => {
    state.server = await startRedisServer();
    if (options.workers) await workerScript();
  }, 60_000);
  afterAll(async () => {
    await state.server?.stop();
    if (options.workers) await removeWorkerScript();
  });
  return {
    get server() {
      if (!state.server) throw new Error("useRedisServer(): the server starts in beforeAll");
      return state.server;
    },
  };
}
