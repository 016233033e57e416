// createTokenSource({ store, key }) on the in-memory store (issue #12): the protocol that the file and
// Redis stores extend across processes. Token sources sharing a store stand for processes sharing a grant.
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ConfigError,
  OAuthError,
  StoreError,
  TimeoutError,
  type TokenSet,
  type TokenStore,
  createMemoryTokenStore,
  createTokenSource,
} from "../src/index.js";

useNock();

const HOUR = 3_600_000;
const fresh = (n: number): TokenSet => ({ accessToken: `at-${n}`, tokenType: "Bearer", refreshToken: `rt-${n}`, expiresIn: 3600, expiresAt: Date.now() + HOUR });
const EXPIRED: TokenSet = { accessToken: "at-0", tokenType: "Bearer", refreshToken: "rt-0", expiresAt: Date.now() - 1 };

/** A store that counts its calls. */
function counted(store: TokenStore = createMemoryTokenStore()) {
  const calls = { read: 0, write: 0, acquire: 0 };
  const wrapped: TokenStore = {
    ...store,
    read: (key) => (calls.read++, store.read(key)),
    write: (key, version, data) => (calls.write++, store.write(key, version, data)),
    acquire: (key, ttl) => (calls.acquire++, store.acquire(key, ttl)),
    release: (lease) => store.release(lease),
    waitForChange: (key, version, options) => store.waitForChange(key, version, options),
    watch: store.watch?.bind(store),
  };
  return { store: wrapped, calls };
}

/** A rotating server in miniature: each refresh must present the newest refresh token. */
function rotatingRefresh(delayMs = 20) {
  let n = 0;
  const presented: string[] = [];
  const refresh = vi.fn(async (current: TokenSet | undefined) => {
    presented.push(current?.refreshToken ?? "none");
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (current?.refreshToken !== `rt-${n}`) throw new OAuthError({ error: "invalid_grant" });
    return fresh(++n);
  });
  return { refresh, presented };
}

describe("createTokenSource with a store", () => {
  it("needs a key naming the grant", () => {
    expect(() => createTokenSource({ store: createMemoryTokenStore(), refresh: async () => EXPIRED })).toThrow(ConfigError);
  });

  it("a valid cached token costs no store round trip", async () => {
    const { store, calls } = counted();
    await store.write("g", 0, { tokens: fresh(0) });
    const source = createTokenSource({ store, key: "g", refresh: async () => fresh(9) });
    expect(await source.getToken()).toBe("at-0");
    const before = { ...calls };
    for (let i = 0; i < 100; i++) expect(await source.getToken()).toBe("at-0");
    expect(calls).toEqual(before);
  });

  it("sources sharing a store make one refresh between them; everyone gets the same tokens", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: EXPIRED });
    const { refresh, presented } = rotatingRefresh();
    const sources = Array.from({ length: 4 }, () => createTokenSource({ store, key: "g", refresh }));
    const tokens = await Promise.all(sources.flatMap((source) => Array.from({ length: 50 }, () => source.getToken())));
    expect(new Set(tokens)).toEqual(new Set(["at-1"]));
    expect(presented).toEqual(["rt-0"]);
    for (const source of sources) expect(source.current()).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1" });
    expect(await store.read("g")).toMatchObject({ version: 3, tokens: { refreshToken: "rt-1" } });
  });

  it("`initial` seeds an empty store once; a store that already holds newer tokens wins over `initial`", async () => {
    const store = createMemoryTokenStore();
    const refresh = vi.fn(async () => fresh(5));
    const first = createTokenSource({ store, key: "g", initial: fresh(1), refresh });
    expect(await first.getToken()).toBe("at-1");
    await store.write("g", 1, { tokens: fresh(2) });
    const late = createTokenSource({ store, key: "g", initial: fresh(1), refresh });
    expect(await late.getToken()).toBe("at-2");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("a token rotated by another source is dropped from the cache (watch), not used until expiry", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: fresh(1) });
    const source = createTokenSource({ store, key: "g", refresh: async () => fresh(9) });
    expect(await source.getToken()).toBe("at-1");
    await store.write("g", 1, { tokens: fresh(2) });
    expect(await source.getToken()).toBe("at-2");
  });

  it("a refusal (invalid_grant) is remembered for every source until setTokens()", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: EXPIRED });
    const refusing = vi.fn(async (): Promise<TokenSet> => {
      throw new OAuthError({ error: "invalid_grant", errorDescription: "refresh token rt-0 revoked" });
    });
    const a = createTokenSource({ store, key: "g", refresh: refusing });
    const otherRefresh = vi.fn(async () => fresh(1));
    const b = createTokenSource({ store, key: "g", refresh: otherRefresh });
    await expect(a.getToken()).rejects.toBeInstanceOf(OAuthError);
    const remembered = await b.getToken().catch((error: unknown) => error);
    expect(remembered).toBeInstanceOf(OAuthError);
    expect((remembered as OAuthError).error).toBe("invalid_grant");
    expect(String(remembered)).not.toContain("rt-0");
    expect(otherRefresh).not.toHaveBeenCalled();
    expect(refusing).toHaveBeenCalledTimes(1);

    b.setTokens(fresh(3));
    expect(await b.getToken()).toBe("at-3");
    expect(await a.getToken()).toBe("at-3");
  });

  it("an unknown outcome is latched for every source when refresh tokens rotate, and retried when they do not", async () => {
    for (const rotatesRefreshToken of [true, false]) {
      const store = createMemoryTokenStore();
      await store.write("g", 0, { tokens: EXPIRED });
      let attempt = 0;
      const refresh = vi.fn(async () => {
        if (++attempt === 1) throw new TimeoutError("timed out after 10 ms");
        return fresh(1);
      });
      const a = createTokenSource({ store, key: "g", refresh, rotatesRefreshToken });
      const b = createTokenSource({ store, key: "g", refresh, rotatesRefreshToken });
      await expect(a.getToken()).rejects.toBeInstanceOf(TimeoutError);
      if (rotatesRefreshToken) {
        await expect(b.getToken()).rejects.toBeInstanceOf(TimeoutError);
        expect(refresh).toHaveBeenCalledTimes(1);
      } else {
        expect(await b.getToken()).toBe("at-1");
        expect(refresh).toHaveBeenCalledTimes(2);
      }
    }
  });

  it("a holder that died mid-refresh: its lease expires, then rotating grants are latched and others are refreshed again", async () => {
    for (const rotatesRefreshToken of [true, false]) {
      let clock = Date.now();
      const store = createMemoryTokenStore({ now: () => clock });
      // What a killed holder leaves behind: a lease that is never released, and the `refreshing` mark.
      await store.write("g", 0, { tokens: EXPIRED });
      expect(await store.acquire("g", 1_000)).toBeDefined();
      await store.write("g", 1, { tokens: EXPIRED, refreshing: true });
      const refresh = vi.fn(async () => fresh(1));
      const source = createTokenSource({ store, key: "g", refresh, rotatesRefreshToken, leaseTtlMs: 1_000 });
      const outcome = source.getToken().then(
        (token) => ({ token }),
        (error: unknown) => ({ error }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(refresh).not.toHaveBeenCalled();
      clock += 1_001; // the dead holder's lease expires
      const settled = await outcome;
      if (rotatesRefreshToken) {
        expect(settled).toEqual({ error: expect.any(TimeoutError) });
        expect(refresh).not.toHaveBeenCalled();
        expect(await store.read("g")).toMatchObject({ failure: { name: "LeaseHolderLost" } });
      } else {
        expect(settled).toEqual({ token: "at-1" });
        expect(refresh).toHaveBeenCalledTimes(1);
      }
    }
  });

  it("a waiter without the lease honours its signal; the holder's refresh goes on", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: EXPIRED });
    let finish: (tokens: TokenSet) => void = () => undefined;
    const holder = createTokenSource({ store, key: "g", refresh: () => new Promise<TokenSet>((resolve) => (finish = resolve)) });
    const waiterRefresh = vi.fn(async () => fresh(9));
    const waiter = createTokenSource({ store, key: "g", refresh: waiterRefresh });
    const held = holder.getToken();
    await vi.waitFor(async () => expect((await store.read("g")).refreshing).toBe(true));
    const controller = new AbortController();
    const waiting = waiter.getToken({ signal: controller.signal }).catch((error: unknown) => error);
    controller.abort();
    expect(await waiting).toBeInstanceOf(AbortError);
    finish(fresh(1));
    expect(await held).toBe("at-1");
    expect(await waiter.getToken()).toBe("at-1");
    expect(waiterRefresh).not.toHaveBeenCalled();
  });

  it("waiting for a holder that never finishes is bounded: StoreError (wait_timeout), and no refresh", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: EXPIRED });
    expect(await store.acquire("g", 60_000)).toBeDefined();
    const refresh = vi.fn(async () => fresh(1));
    const source = createTokenSource({ store, key: "g", refresh, waitTimeoutMs: 300 });
    const error = await source.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe("wait_timeout");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("a 401 (invalidate) makes the next call refresh through the lease, once for the grant", async () => {
    const store = createMemoryTokenStore();
    await store.write("g", 0, { tokens: { ...fresh(0) } });
    const { refresh, presented } = rotatingRefresh();
    const a = createTokenSource({ store, key: "g", refresh });
    const b = createTokenSource({ store, key: "g", refresh });
    expect(await a.getToken()).toBe("at-0");
    expect(await b.getToken()).toBe("at-0");
    a.invalidate("at-0");
    b.invalidate("at-0");
    expect(await Promise.all([a.getToken(), b.getToken()])).toEqual(["at-1", "at-1"]);
    expect(presented).toEqual(["rt-0"]);
  });

  it("a store failure is a StoreError and nothing is refreshed", async () => {
    const broken: TokenStore = {
      ...createMemoryTokenStore(),
      read: async () => {
        throw new StoreError("unavailable", "Redis is unavailable (ConnectionTimeoutError)");
      },
    };
    const refresh = vi.fn(async () => fresh(1));
    const source = createTokenSource({ store: broken, key: "g", initial: EXPIRED, refresh });
    await expect(source.getToken()).rejects.toBeInstanceOf(StoreError);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("a store that lost the record (restarted empty) is not refreshed with a possibly spent token: StoreError (lost)", async () => {
    const before = createMemoryTokenStore();
    const after = createMemoryTokenStore(); // the same store after a restart without persistence
    let current = before;
    const store: TokenStore = {
      read: (key) => current.read(key),
      write: (key, version, data) => current.write(key, version, data),
      acquire: (key, ttl) => current.acquire(key, ttl),
      release: (lease) => current.release(lease),
      waitForChange: (key, version, options) => current.waitForChange(key, version, options),
    };
    await before.write("g", 0, { tokens: fresh(0) });
    const refresh = vi.fn(async () => fresh(1));
    const source = createTokenSource({ store, key: "g", refresh, waitTimeoutMs: 300 });
    expect(await source.getToken()).toBe("at-0");
    current = after;
    source.invalidate("at-0");
    const error = await source.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe("lost");
    expect(refresh).not.toHaveBeenCalled();
    // Someone who holds usable tokens writes them back: the source adopts them.
    await after.write("g", 0, { tokens: fresh(7) });
    expect(await source.getToken()).toBe("at-7");
  });
});
