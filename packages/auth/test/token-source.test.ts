// createTokenSource on its own (RELIABILITY.md §5.2): proactive refresh from local receipt time, one
// refresh in flight shared by every waiter, a generation counter, the old refresh token kept when the
// server sends none, onTokens, and a latched OAuth failure. Through a client: refresh-replay.test.ts.

import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, OAuthError, type TokenSet, createTokenSource, parseTokenResponse } from "../src/index.js";
import { T0, rejection } from "./fixtures.js";

useNock();

afterEach(() => vi.useRealTimers());

const set = (accessToken: string, extra: Partial<TokenSet> = {}): TokenSet => ({ accessToken, tokenType: "Bearer", ...extra });

/** A refresh function whose calls stay pending until the test settles them. */
function controlled() {
  const calls: { current: TokenSet | undefined; resolve: (t: TokenSet) => void; reject: (e: unknown) => void }[] = [];
  const refresh = (current: TokenSet | undefined) =>
    new Promise<TokenSet>((resolve, reject) => {
      calls.push({ current, resolve, reject });
    });
  return { calls, refresh };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("proactive refresh (expires_in minus skew, local clock)", () => {
  it("uses the held token until expiresAt - skewMs, then refreshes exactly once", async () => {
    let now = T0;
    const refresh = vi.fn(async () => set("at-2", { expiresAt: now + 3_600_000 }));
    const source = createTokenSource({ initial: set("at-1", { expiresAt: T0 + 3_600_000 }), refresh, now: () => now });

    now = T0 + 3_600_000 - 60_000 - 1;
    expect(await source.getToken()).toBe("at-1");
    expect(refresh).not.toHaveBeenCalled();
    now += 1;
    expect(await source.getToken()).toBe("at-2");
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("skewMs is configurable", async () => {
    let now = T0;
    const refresh = vi.fn(async () => set("at-2"));
    const source = createTokenSource({ initial: set("at-1", { expiresAt: T0 + 10_000 }), refresh, skewMs: 5_000, now: () => now });
    now = T0 + 4_999;
    expect(await source.getToken()).toBe("at-1");
    now = T0 + 5_000;
    expect(await source.getToken()).toBe("at-2");
  });

  it("reads Date.now() at call time, so a clock changed after creation is honoured", async () => {
    const refresh = vi.fn(async () => set("at-2"));
    const source = createTokenSource({ initial: set("at-1", { expiresAt: T0 + 3_600_000 }), refresh });
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 3_540_000);
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("a token without expiresAt is used until the server rejects it", async () => {
    let now = T0;
    const refresh = vi.fn(async () => set("at-2"));
    const source = createTokenSource({ initial: set("at-1"), refresh, now: () => now });
    now = T0 + 365 * 24 * 3_600_000;
    expect(await source.getToken()).toBe("at-1");
    source.invalidate("at-1");
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("with no initial tokens the first getToken refreshes with current = undefined", async () => {
    const refresh = vi.fn(async (_current: TokenSet | undefined) => set("at-first"));
    const source = createTokenSource({ refresh });
    expect(await source.getToken()).toBe("at-first");
    expect(refresh).toHaveBeenCalledWith(undefined);
  });

  it.each([
    ["5 min ahead of", 300_000],
    ["5 min behind", -300_000],
  ])("case 54: with the local clock %s the server, expiry is local receipt time + expires_in - skew", async (_label, offset) => {
    // The server stamped its response at T0 by its own clock; we receive it at T0 + offset by ours.
    const local = T0 + offset;
    vi.useFakeTimers({ toFake: ["Date"], now: local });
    const initial = parseTokenResponse({ access_token: "at-1", token_type: "Bearer", expires_in: 600, refresh_token: "rt-1" });
    expect(initial.expiresAt).toBe(local + 600_000);
    const refresh = vi.fn(async () => parseTokenResponse({ access_token: "at-2", token_type: "Bearer", expires_in: 600 }));
    const source = createTokenSource({ initial, refresh, skewMs: 30_000 });
    vi.setSystemTime(local + 570_000 - 1);
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(local + 570_000);
    expect(await source.getToken()).toBe("at-2");
    expect(source.current()!.expiresAt).toBe(local + 570_000 + 600_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe("single flight", () => {
  it("case 49: 10 concurrent getToken calls with an expired token share one refresh", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh });
    const waiters = Array.from({ length: 10 }, () => source.getToken());
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.current).toEqual(set("at-1", { expiresAt: 0, refreshToken: "rt-1" }));
    calls[0]!.resolve(set("at-2", { refreshToken: "rt-2" }));
    expect(await Promise.all(waiters)).toEqual(Array(10).fill("at-2"));
    expect(calls).toHaveLength(1);
  });

  it("a failed refresh rejects every waiter with the same error; a failure that proves nothing was sent is not remembered", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh });
    const waiters = Array.from({ length: 10 }, () => source.getToken().catch((e: unknown) => e));
    await tick();
    const failure = new ConnectionError("POST https://auth.test.example/token failed: no complete response (ECONNREFUSED)", {
      code: "ECONNREFUSED",
    });
    calls[0]!.reject(failure);
    const errors = await Promise.all(waiters);
    expect(new Set(errors)).toEqual(new Set([failure]));
    expect(source.current()!.refreshToken).toBe("rt-1");
    const next = source.getToken();
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(set("at-2"));
    expect(await next).toBe("at-2");
  });

  it("case 50: invalid_grant rejects every waiter with the same OAuthError, clears the tokens and is latched", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-revoked" }), refresh });
    const waiters = Array.from({ length: 10 }, () => source.getToken().catch((e: unknown) => e));
    await tick();
    const invalidGrant = new OAuthError({ error: "invalid_grant", errorDescription: "refresh token revoked", status: 400 });
    calls[0]!.reject(invalidGrant);
    const errors = await Promise.all(waiters);
    expect(errors).toHaveLength(10);
    expect(new Set(errors)).toEqual(new Set([invalidGrant]));
    expect(source.current()).toBeUndefined();
    // the next calls fail at once, without another refresh
    expect(await rejection(source.getToken())).toBe(invalidGrant);
    expect(await rejection(source.getToken())).toBe(invalidGrant);
    expect(calls).toHaveLength(1);
    // a new login clears the latch
    source.setTokens(set("at-new-login", { refreshToken: "rt-new" }));
    expect(await source.getToken()).toBe("at-new-login");
  });
});

describe("rotation and onTokens", () => {
  it("case 29: a refresh response without refresh_token keeps the old one", async () => {
    const seen: (TokenSet | undefined)[] = [];
    const replies = [set("at-2"), set("at-3", { refreshToken: "rt-3" }), set("at-4")];
    const source = createTokenSource({
      initial: set("at-1", { refreshToken: "rt-1" }),
      refresh: async (current) => (seen.push(current), replies.shift()!),
    });
    source.invalidate("at-1");
    await source.getToken();
    expect(source.current()).toEqual(set("at-2", { refreshToken: "rt-1" }));
    source.invalidate("at-2");
    await source.getToken();
    expect(source.current()).toEqual(set("at-3", { refreshToken: "rt-3" }));
    source.invalidate("at-3");
    await source.getToken();
    expect(source.current()).toEqual(set("at-4", { refreshToken: "rt-3" }));
    expect(seen.map((s) => s?.refreshToken)).toEqual(["rt-1", "rt-1", "rt-3"]);
  });

  it("onTokens gets every new set (with the kept refresh token) and is awaited before waiters resume", async () => {
    const persisted: TokenSet[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = createTokenSource({
      initial: set("at-1", { refreshToken: "rt-1", expiresAt: 0 }),
      refresh: async () => set("at-2", { expiresIn: 3600 }),
      onTokens: async (tokens) => {
        persisted.push(tokens);
        await gate;
      },
    });
    let resolved = false;
    const waiter = source.getToken().then((t) => ((resolved = true), t));
    await tick();
    expect(persisted).toEqual([set("at-2", { expiresIn: 3600, refreshToken: "rt-1" })]);
    expect(resolved).toBe(false);
    release();
    expect(await waiter).toBe("at-2");
  });

  it("onTokens is not called when the refresh fails", async () => {
    const onTokens = vi.fn();
    const source = createTokenSource({
      initial: set("at-1", { expiresAt: 0 }),
      refresh: async () => {
        throw new OAuthError({ error: "invalid_grant" });
      },
      onTokens,
    });
    await rejection(source.getToken());
    expect(onTokens).not.toHaveBeenCalled();
  });
});

describe("case 55: the generation counter", () => {
  it("case 55: clear() while a refresh is in flight keeps its stale result out of the cache and away from onTokens", async () => {
    const { calls, refresh } = controlled();
    const onTokens = vi.fn();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh, onTokens });
    const stale = source.getToken();
    await tick();
    source.clear();
    calls[0]!.resolve(set("at-stale", { refreshToken: "rt-stale" }));
    expect(await stale).toBe("at-stale");
    expect(source.current()).toBeUndefined();
    expect(onTokens).not.toHaveBeenCalled();
    const fresh = source.getToken();
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.current).toBeUndefined();
    calls[1]!.resolve(set("at-fresh"));
    expect(await fresh).toBe("at-fresh");
    expect(onTokens).toHaveBeenCalledTimes(1);
  });

  it("case 55: setTokens() (a new login) while a refresh is in flight wins over the stale refresh", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh });
    const stale = source.getToken();
    await tick();
    source.setTokens(set("at-login", { refreshToken: "rt-login" }));
    calls[0]!.resolve(set("at-stale"));
    await stale;
    expect(source.current()).toEqual(set("at-login", { refreshToken: "rt-login" }));
    expect(await source.getToken()).toBe("at-login");
    expect(calls).toHaveLength(1);
  });

  it("case 55: a stale refresh that fails with invalid_grant does not latch or clear the new tokens", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh });
    const stale = source.getToken().catch((e: unknown) => e);
    await tick();
    source.setTokens(set("at-login"));
    calls[0]!.reject(new OAuthError({ error: "invalid_grant" }));
    expect(await stale).toBeInstanceOf(OAuthError);
    expect(await source.getToken()).toBe("at-login");
  });

  it("invalidating the token a refresh is already replacing joins that refresh (never a second one)", async () => {
    const { calls, refresh } = controlled();
    const source = createTokenSource({ initial: set("at-1", { expiresAt: 0, refreshToken: "rt-1" }), refresh });
    const first = source.getToken();
    await tick();
    // a request sent with at-1 before it expired comes back 401
    source.invalidate("at-1");
    const second = source.getToken();
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(set("at-2", { refreshToken: "rt-2" }));
    expect([await first, await second]).toEqual(["at-2", "at-2"]);
    expect(source.current()).toEqual(set("at-2", { refreshToken: "rt-2" }));
  });

  it("invalidating a token that was already replaced is a no-op", async () => {
    const refresh = vi.fn(async () => set("at-3"));
    const source = createTokenSource({ initial: set("at-2"), refresh });
    source.invalidate("at-1");
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("invalidating the current token forces a refresh even before it expires; twice is still one", async () => {
    const refresh = vi.fn(async () => set("at-2"));
    const source = createTokenSource({ initial: set("at-1", { expiresAt: Date.now() + 3_600_000 }), refresh });
    source.invalidate("at-1");
    source.invalidate("at-1");
    expect(await Promise.all([source.getToken(), source.getToken()])).toEqual(["at-2", "at-2"]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
