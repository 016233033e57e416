// What happens when things break (issue #12, "Failure behaviour"), against a real redis-server:
// the lease holder killed with SIGKILL mid-refresh, Redis stopped and restarted mid-refresh, a version
// conflict, encryption at rest with the right and a wrong key, and no token value in any error or key.
import { inspect } from "node:util";
import { StoreError, type TokenSet, aesGcmEncryption, createTokenSource, grantHash, parseTokenResponse } from "@oauth-kit/auth";
import { type RotatingAuthServer, startRotatingAuthServer, startWorker, useNock, useRedisServer } from "@oauth-kit/testkit";
import { createClient } from "@redis/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type RedisTokenStore, createRedisTokenStore } from "../src/index.js";
import { expectOnlyHashedKeys } from "./redis-keys.js";

useNock();

const EXPIRED: TokenSet = { accessToken: "at-0", tokenType: "Bearer", refreshToken: "rt-0", expiresAt: Date.now() - 1000 };
const TOKEN_VALUES = ["at-0", "rt-0", "at-1", "rt-1", "at-2", "rt-2"];

const redisServer = useRedisServer({ workers: true });
let auth: RotatingAuthServer | undefined;
const stores: RedisTokenStore[] = [];
const errors: unknown[] = [];
let grant = 0;

afterEach(async () => {
  auth?.release();
  await auth?.close();
  auth = undefined;
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function newStore(options: Parameters<typeof createRedisTokenStore>[0] = { url: redisServer.server.url }): RedisTokenStore {
  const store = createRedisTokenStore(options);
  stores.push(store);
  return store;
}

/** A source on its own Redis connection: as far as coordination goes, another process. */
function processSource(key: string, store = newStore()) {
  return createTokenSource({
    store,
    key,
    refresh: async (current) => {
      const response = await fetch(`${auth!.url}/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: current?.refreshToken ?? "" }),
      });
      return parseTokenResponse(await response.json(), { status: response.status });
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
    return error;
  }
  return expect.unreachable("expected a rejection");
}

describe("the lease holder is killed with SIGKILL mid-refresh", () => {
  it("the lease expires; the next holder sees the unfinished rotation and latches the grant instead of presenting a spent token", async () => {
    auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
    const key = `grant-kill-${++grant}`;
    expect(await newStore().write(key, 0, { tokens: EXPIRED })).toBe(1);
    const env = { STORE: "redis", REDIS_URL: redisServer.server.url, AUTH_URL: auth.url, GRANT_KEY: key, LEASE_TTL_MS: "1500", WAIT_TIMEOUT_MS: "20000" };

    auth.hold();
    const holder = await startWorker({ ...env, CALLS: "1" });
    const arrived = auth.nextRefresh();
    holder.go();
    await arrived;
    holder.process.kill("SIGKILL");
    await expect(holder.result).rejects.toThrow(/SIGKILL/);

    const next = await startWorker({ ...env, CALLS: "3" });
    next.go();
    const result = await next.result;
    expect(result.ok).toBe(0);
    expect(result.errors).toEqual([expect.stringMatching(/^TimeoutError: a process stopped while refreshing this grant/)]);
    expect(auth.refreshCalls).toBe(1);
    expect(auth.revoked).toBe(false);
    expect(await newStore().read(key)).toMatchObject({ failure: { kind: "unknown", name: "LeaseHolderLost" } });
  }, 120_000);
});

describe("Redis stops during a refresh, then restarts empty", () => {
  it("StoreError while it is down, no second refresh; after the restart the holder's result is seeded and shared", async () => {
    auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
    const key = `grant-restart-${++grant}`;
    expect(await newStore().write(key, 0, { tokens: EXPIRED })).toBe(1);
    const storeA = newStore();
    const storeB = newStore();
    const a = processSource(key, storeA);
    const b = processSource(key, storeB);

    auth.hold();
    const arrived = auth.nextRefresh();
    const holding = failure(a.getToken());
    await arrived;
    // B reads the record A is refreshing and waits for A's result.
    const waiting = failure(b.getToken());
    await vi.waitFor(() => expect(b.current()).toMatchObject({ accessToken: "at-0" }));
    await redisServer.server.stop();
    auth.release();
    const error = (await holding) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.reason).toBe("unavailable");
    expect(await waiting).toBeInstanceOf(StoreError);
    expect(auth.refreshCalls).toBe(1);

    await redisServer.server.start();
    // Reconnection runs on node-redis's backoff; until then calls fail with StoreError.
    for (const store of [storeA, storeB]) await vi.waitFor(() => store.read(key), { timeout: 20_000, interval: 200 });
    // The record is gone. B holds only the spent refresh token: it must not present it, and waits...
    const bFirst = b.getToken();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(auth.refreshCalls).toBe(1);
    // ...until A, which holds the newest tokens, writes them back.
    expect(await a.getToken()).toBe("at-1");
    expect(await bFirst).toBe("at-1");
    expect(auth.refreshCalls).toBe(1);
    expect(auth.revoked).toBe(false);
    expect(b.current()).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1" });
  }, 120_000);

  it("a store that cannot reach Redis at all fails with StoreError and never calls refresh", async () => {
    const refresh = vi.fn(async () => EXPIRED);
    const store = newStore({ url: "redis://127.0.0.1:1", commandTimeoutMs: 500 });
    const source = createTokenSource({ store, key: "unreachable", refresh });
    const error = (await failure(source.getToken())) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.kind).toBe("store");
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("versioned writes", () => {
  it("a write with a stale version changes nothing and reports the conflict", async () => {
    const store = newStore();
    const key = `grant-version-${++grant}`;
    expect(await store.read(key)).toEqual({ version: 0 });
    expect(await store.write(key, 0, { tokens: EXPIRED })).toBe(1);
    expect(await store.write(key, 0, { tokens: { ...EXPIRED, accessToken: "at-2" } })).toBeUndefined();
    expect(await store.read(key)).toMatchObject({ version: 1, tokens: { accessToken: "at-0" } });
    expect(await store.write(key, 1, { tokens: { ...EXPIRED, accessToken: "at-1" } })).toBe(2);
  });

  it("a lease is exclusive until released or expired, and a release frees only its own lease", async () => {
    const store = newStore();
    const key = `grant-lease-${++grant}`;
    const first = await store.acquire(key, 60_000);
    expect(first).toBeDefined();
    expect(await store.acquire(key, 60_000)).toBeUndefined();
    await store.release({ key, owner: "someone-else" });
    expect(await store.acquire(key, 60_000)).toBeUndefined();
    await store.release(first!);
    const short = await store.acquire(key, 200);
    expect(short).toBeDefined();
    await vi.waitFor(async () => expect(await store.acquire(key, 60_000)).toBeDefined(), { timeout: 10_000, interval: 100 });
  });

  it("a holder whose write loses to another writer fails with StoreError (conflict) and no token in it", async () => {
    const store = newStore();
    const key = `grant-conflict-${++grant}`;
    const source = createTokenSource({
      store,
      key,
      initial: EXPIRED,
      refresh: async () => {
        // Another writer moves the version while this holder refreshes (as after an expired lease).
        const { version } = await store.read(key);
        await store.write(key, version, { tokens: { ...EXPIRED, accessToken: "at-2", refreshToken: "rt-2" } });
        return { accessToken: "at-1", tokenType: "Bearer", refreshToken: "rt-1", expiresIn: 3600, expiresAt: Date.now() + 3_600_000 };
      },
    });
    const error = (await failure(source.getToken())) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.reason).toBe("conflict");
  });

  it("waiters are woken by pub/sub and a caching process drops a token another process rotated", async () => {
    const key = `grant-watch-${++grant}`;
    const writer = newStore();
    const fresh = { accessToken: "at-1", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() + 3_600_000 };
    expect(await writer.write(key, 0, { tokens: fresh })).toBe(1);
    const reader = processSource(key);
    expect(await reader.getToken()).toBe("at-1");
    // Let the subscription settle, then rotate from "another process".
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await writer.write(key, 1, { tokens: { ...fresh, accessToken: "at-2", refreshToken: "rt-2" } })).toBe(2);
    await vi.waitFor(async () => expect(await reader.getToken()).toBe("at-2"), { timeout: 10_000, interval: 50 });
  });
});

describe("encryption at rest (AES-GCM, WebCrypto)", () => {
  const keyA = new Uint8Array(32).fill(7);
  const keyB = new Uint8Array(32).fill(9);

  it("round-trips a record; Redis holds only ciphertext", async () => {
    const key = `grant-crypto-${++grant}`;
    const store = newStore({ url: redisServer.server.url, encryption: aesGcmEncryption(keyA) });
    expect(await store.write(key, 0, { tokens: EXPIRED })).toBe(1);
    expect(await store.read(key)).toMatchObject({ version: 1, tokens: EXPIRED });

    const client = createClient({ url: redisServer.server.url });
    await client.connect();
    try {
      const raw = await client.hGetAll(`oauth-kit:{${await grantHash(key)}}:record`);
      expect(raw.d).toMatch(/^aesgcm1\.[0-9a-f]{24}\.[0-9a-f]+$/);
      for (const value of TOKEN_VALUES) expect(raw.d).not.toContain(value);
    } finally {
      client.destroy();
    }
  });

  it("a wrong key, or no key, is a StoreError that shows nothing stored", async () => {
    const key = `grant-crypto-${++grant}`;
    expect(await newStore({ url: redisServer.server.url, encryption: aesGcmEncryption(keyA) }).write(key, 0, { tokens: EXPIRED })).toBe(1);
    const wrong = (await failure(newStore({ url: redisServer.server.url, encryption: aesGcmEncryption(keyB) }).read(key))) as StoreError;
    expect(wrong).toBeInstanceOf(StoreError);
    expect(wrong.reason).toBe("decrypt");
    const none = (await failure(newStore().read(key))) as StoreError;
    expect(none.reason).toBe("corrupt");
    // And a source on the wrong key fails the same way instead of refreshing.
    const refresh = vi.fn(async () => EXPIRED);
    const source = createTokenSource({ store: newStore({ url: redisServer.server.url, encryption: aesGcmEncryption(keyB) }), key, refresh });
    expect(((await failure(source.getToken())) as StoreError).reason).toBe("decrypt");
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("no token value in any error or Redis key", () => {
  it("holds for every error the tests above caught, in every rendering", () => {
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const error of errors) {
      const renderings = [String(error), (error as Error).message, JSON.stringify(error), inspect(error, { depth: 5 })];
      for (const text of renderings) for (const value of TOKEN_VALUES) expect(text).not.toContain(value);
    }
  });

  it("no key in Redis contains a token value or a raw grant key", async () => {
    await expectOnlyHashedKeys(redisServer.server.url, [...TOKEN_VALUES, "grant-"]);
  });
});
