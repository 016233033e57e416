// Hardening of the token source (issue #10 items 7 and 8): the refresh skew is capped at half the token's
// lifetime, `expires_in: 0` is an unknown expiry, and a caller's abort is honoured while it waits for a
// shared refresh, on its own and through a client (the bearer middleware and the 401 replay).

import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, type TokenSet, bearer, createTokenSource, parseTokenResponse, unwrap } from "../src/index.js";
import { BASE, T0, fixtureClient, rejection } from "./fixtures.js";

const nock = useNock();

afterEach(() => vi.useRealTimers());

/** A refresh that answers `body` after `delayMs` of (fake) time, counting its calls. */
function timedRefresh(body: (n: number) => Record<string, unknown>, delayMs = 0) {
  let calls = 0;
  const refresh = vi.fn(async (): Promise<TokenSet> => {
    calls++;
    const n = calls;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return parseTokenResponse(body(n));
  });
  return refresh;
}

describe("item 7: the skew is capped at half the lifetime", () => {
  it("a token living 30 s (less than the 60 s skew) is used for 15 s, then refreshed once", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 30 }));
    const source = createTokenSource({ refresh });

    expect(await source.getToken()).toBe("at-1");
    for (let i = 0; i < 20; i++) expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 14_999);
    expect(await source.getToken()).toBe("at-1");
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.setSystemTime(T0 + 15_000);
    expect(await source.getToken()).toBe("at-2");
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("a refresh result with expiresAt but no expiresIn is capped by the lifetime seen at receipt", async () => {
    vi.useFakeTimers({ now: T0 });
    let n = 0;
    const refresh = vi.fn(async (): Promise<TokenSet> => ({ accessToken: `at-${++n}`, tokenType: "Bearer", expiresAt: Date.now() + 20_000 }));
    const source = createTokenSource({ refresh });
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 9_999);
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 10_000);
    expect(await source.getToken()).toBe("at-2");
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("a long-lived token still refreshes a full skew before expiry", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 3600 }));
    const source = createTokenSource({ refresh });
    await source.getToken();
    vi.setSystemTime(T0 + 3_540_000 - 1);
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 3_540_000);
    expect(await source.getToken()).toBe("at-2");
  });

  it("expires_in: 0 is an unknown expiry: used until the server rejects it", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 0 }));
    const source = createTokenSource({ refresh });
    expect(await source.getToken()).toBe("at-1");
    vi.setSystemTime(T0 + 24 * 3_600_000);
    for (let i = 0; i < 10; i++) expect(await source.getToken()).toBe("at-1");
    expect(refresh).toHaveBeenCalledTimes(1);
    source.invalidate("at-1");
    expect(await source.getToken()).toBe("at-2");
  });

  it("a hand-made set with expiresIn: 0 (expiresAt = receipt) is not refreshed before every call either", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = vi.fn(async (): Promise<TokenSet> => ({ accessToken: "at-new", tokenType: "Bearer" }));
    const source = createTokenSource({ initial: { accessToken: "at-0", tokenType: "Bearer", expiresIn: 0, expiresAt: T0 }, refresh });
    vi.setSystemTime(T0 + 60_000);
    expect(await source.getToken()).toBe("at-0");
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("item 8: a caller's abort while waiting for a refresh", () => {
  it("rejects that caller at once with AbortError; the shared refresh goes on for the others", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 3600 }), 5_000);
    const source = createTokenSource({ refresh });
    const controller = new AbortController();
    const impatient = source.getToken({ signal: controller.signal });
    const patient = source.getToken();
    const outcome = rejection(impatient);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now()).toBe(T0 + 100);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await patient).toBe("at-1");
    expect(await source.getToken()).toBe("at-1");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("an already-aborted signal rejects without starting a wait; a valid held token is still returned", async () => {
    vi.useFakeTimers({ now: T0 });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 3600 }), 5_000);
    const source = createTokenSource({ refresh });
    const aborted = AbortSignal.abort();
    expect(await rejection(source.getToken({ signal: aborted }))).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await source.getToken({ signal: aborted })).toBe("at-1");
  });

  it("through a client: an aborted request stops waiting for the refresh, and another request gets the new token", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const refresh = timedRefresh((n) => ({ access_token: `at-${n}`, token_type: "Bearer", expires_in: 3600 }), 5_000);
    const source = createTokenSource({ refresh });
    const client = fixtureClient({ credentials: { BearerAuth: bearer(source) } });
    const seen: string[] = [];
    nock(BASE)
      .get("/me")
      .reply(function () {
        seen.push(this.req.headers.authorization as string);
        return [200, { user: "alice" }];
      });
    const controller = new AbortController();
    const aborted = rejection(client.GET("/me", { signal: controller.signal }));
    const other = client.GET("/me");
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await aborted).toBeInstanceOf(AbortError);
    expect(Date.now()).toBe(T0 + 100);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(unwrap(await other)).toEqual({ user: "alice" });
    expect(seen).toEqual(["Bearer at-1"]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("through a client: the 401 replay's wait for the refresh honours the caller's signal", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const refresh = timedRefresh((n) => ({ access_token: `at-new-${n}`, token_type: "Bearer", expires_in: 3600 }), 5_000);
    const source = createTokenSource({ initial: { accessToken: "at-old", tokenType: "Bearer", expiresAt: T0 + 3_600_000 }, refresh });
    const client = fixtureClient({ credentials: { BearerAuth: bearer(source) } });
    nock(BASE).get("/me").reply(401, { message: "expired" }, { "www-authenticate": 'Bearer error="invalid_token"' });
    const controller = new AbortController();
    const aborted = rejection(client.GET("/me", { signal: controller.signal }));
    // Let the request reach the 401 and start waiting for the refresh.
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    const abortedAt = Date.now();
    controller.abort();
    expect(await aborted).toBeInstanceOf(AbortError);
    expect(Date.now()).toBe(abortedAt);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await source.getToken()).toBe("at-new-1");
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
