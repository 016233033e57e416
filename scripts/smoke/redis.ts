// Installed from its tarball: two token sources on separate Redis connections (two "processes") share one
// grant through a redis-server this script starts on a free 127.0.0.1 port (persistence off) and stops.
// Also proves the file store's subpath export of @oauth-kit/auth resolves from the installed tarball.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TokenSet, createTokenSource } from "@oauth-kit/auth";
import { createFileTokenStore } from "@oauth-kit/auth/file-store";
import { aesGcmEncryption, createRedisTokenStore } from "@oauth-kit/redis";

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
const lifetime = setTimeout(() => redis.kill("SIGKILL"), 60_000);
await new Promise<void>((resolve, reject) => {
  let out = "";
  redis.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("Ready to accept connections")) resolve();
  });
  redis.once("error", reject);
  redis.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
});

let refreshes = 0;
const refresh = async (): Promise<TokenSet> => {
  refreshes++;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { accessToken: `at-${refreshes}`, tokenType: "Bearer", refreshToken: `rt-${refreshes}`, expiresAt: Date.now() + 3_600_000 };
};
const encryption = aesGcmEncryption(new Uint8Array(32).fill(3));
const stores = [1, 2].map(() => createRedisTokenStore({ url: `redis://127.0.0.1:${port}`, encryption }));
const sources = stores.map((store) => createTokenSource({ store, key: "smoke-grant", refresh }));
const tokens = await Promise.all(sources.flatMap((source) => [source.getToken(), source.getToken()]));
await Promise.all(stores.map((store) => store.close()));
redis.kill("SIGTERM");
clearTimeout(lifetime);

const directory = mkdtempSync(join(tmpdir(), "oauth-kit-smoke-file-store-"));
const fileSource = createTokenSource({ store: createFileTokenStore({ directory }), key: "smoke-grant", refresh });
const fileToken = await fileSource.getToken();
rmSync(directory, { recursive: true, force: true });

if (refreshes !== 2 || new Set(tokens).size !== 1 || tokens[0] !== "at-1" || fileToken !== "at-2") {
  throw new Error(`unexpected: ${refreshes} refreshes, tokens ${JSON.stringify(tokens)}, file store ${fileToken}`);
}
console.log("one refresh for two sources on Redis, file store subpath resolves: ok");
