// One refresh per grant across processes (issue #12): 8 worker processes × 250 concurrent calls on an
// expired token, sharing a real Redis, against an authorization server that rotates refresh tokens and
// revokes the grant when a spent one is presented again; then the same with the file store and 4
// processes. Exactly one refresh, every call succeeds, the grant is never revoked, and every process ends
// with the same token set. Afterwards, no Redis key holds or names a token value.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TokenStore } from "@oauth-kit/auth";
import { createFileTokenStore } from "@oauth-kit/auth/file-store";
import { type RotatingAuthServer, runCluster, startRotatingAuthServer, useNock, useRedisServer } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisTokenStore } from "../src/index.js";
import { expectOnlyHashedKeys } from "./redis-keys.js";

useNock();

const EXPIRED = { accessToken: "at-0", tokenType: "Bearer", refreshToken: "rt-0", expiresAt: Date.now() - 1000 };
const GRANT = "account-42";

const redis = useRedisServer({ workers: true });
let auth: RotatingAuthServer;

afterEach(async () => {
  await auth?.close();
});

async function seed(store: TokenStore): Promise<void> {
  expect(await store.write(GRANT, 0, { tokens: EXPIRED })).toBe(1);
}

function expectOneRefreshAndAgreement(results: Awaited<ReturnType<typeof runCluster>>, calls: number): void {
  expect(results.map((result) => result.errors)).toEqual(results.map(() => []));
  expect(results.map((result) => result.ok)).toEqual(results.map(() => calls));
  expect(auth.refreshCalls).toBe(1);
  expect(auth.revoked).toBe(false);
  const { accessToken, refreshToken } = auth.current();
  expect(accessToken).toBe("at-1");
  for (const result of results) expect(result.tokens).toMatchObject({ accessToken, refreshToken });
}

describe("cluster: 8 processes × 250 calls on an expired token, Redis store", () => {
  it("makes exactly one refresh; every call succeeds; the grant survives; every process holds the same tokens", async () => {
    auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
    const store = createRedisTokenStore({ url: redis.server.url });
    try {
      await seed(store);
      const results = await runCluster(8, { STORE: "redis", REDIS_URL: redis.server.url, AUTH_URL: auth.url, GRANT_KEY: GRANT, CALLS: "250" });
      expectOneRefreshAndAgreement(results, 250);
      const stored = await store.read(GRANT);
      expect(stored).toMatchObject({ version: 3, tokens: { accessToken: "at-1", refreshToken: "rt-1" } });
    } finally {
      await store.close();
    }

    // No key names or holds a token value (the record is the only place tokens live, as its value).
    await expectOnlyHashedKeys(redis.server.url, [GRANT, "at-0", "rt-0", "at-1", "rt-1"]);
  }, 180_000);
});

describe("cluster: 4 processes × 250 calls on an expired token, file store", () => {
  it("makes exactly one refresh; every call succeeds; the grant survives; every process holds the same tokens", async () => {
    auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
    const directory = mkdtempSync(join(tmpdir(), "oauth-kit-file-store-"));
    try {
      await seed(createFileTokenStore({ directory }));
      const results = await runCluster(4, { STORE: "file", STORE_DIR: directory, AUTH_URL: auth.url, GRANT_KEY: GRANT, CALLS: "250" });
      expectOneRefreshAndAgreement(results, 250);
      // Only the record is left: no lease or lock file, no temporary file; names are hashes.
      const files = readdirSync(directory);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
      expect(readFileSync(join(directory, files[0]!), "utf8")).toContain("rt-1");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 180_000);
});
