import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, OAuthError } from "../../src/errors.js";
import {
  CallbackError,
  MemoryPendingStore,
  completeAuthorization,
  generateState,
  parseCallback,
  startAuthorization,
  type CallbackErrorReason,
  type PendingAuthorizationStore,
} from "../../src/oauth/index.js";
import { rejected, thrown } from "./helpers.js";

const CB = "https://app.example.com/callback";

function reasonOf(fn: () => unknown): CallbackErrorReason {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(CallbackError);
  expect((error as CallbackError).kind).toBe("oauth");
  return (error as CallbackError).reason;
}

async function reasonOfAsync(promise: Promise<unknown>): Promise<CallbackErrorReason> {
  const error = await rejected(promise);
  expect(error).toBeInstanceOf(CallbackError);
  return (error as CallbackError).reason;
}

async function started(store: MemoryPendingStore, provider = "alpaca", issuer?: string) {
  return startAuthorization({
    provider,
    authorizeUrl: "https://auth.example.com/authorize",
    clientId: "cid",
    redirectUri: CB,
    pkce: true,
    store,
    issuer,
  });
}

describe("parseCallback", () => {
  it("case 43: returns code and state when the state matches", () => {
    expect(parseCallback(`${CB}?code=abc&state=s1`, { state: "s1" })).toEqual({ code: "abc", state: "s1" });
  });

  it("case 43: accepts a URL, URLSearchParams or a path-only request URL", () => {
    const expected = { code: "abc", state: "s1" };
    expect(parseCallback(new URL(`${CB}?code=abc&state=s1`), { state: "s1" })).toEqual(expected);
    expect(parseCallback(new URLSearchParams("code=abc&state=s1"), { state: "s1" })).toEqual(expected);
    expect(parseCallback("/callback?code=abc&state=s1", { state: "s1" })).toEqual(expected);
  });

  it("case 43: state missing is rejected", () => {
    expect(reasonOf(() => parseCallback(`${CB}?code=abc`, { state: "s1" }))).toBe("state_missing");
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=`, { state: "s1" }))).toBe("state_missing");
  });

  it("case 43: a mismatched state is rejected", () => {
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=s2`, { state: "s1" }))).toBe("state_mismatch");
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=s1x`, { state: "s1" }))).toBe("state_mismatch");
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=S1`, { state: "s1" }))).toBe("state_mismatch");
  });

  it("case 43: a duplicated state is rejected even when one copy matches", () => {
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=s1&state=evil`, { state: "s1" }))).toBe("state_duplicated");
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=evil&state=s1`, { state: "s1" }))).toBe("state_duplicated");
  });

  it.each([
    ["code", `${CB}?state=s1&code=a&code=b`],
    ["iss", `${CB}?state=s1&code=a&iss=x&iss=y`],
    ["error", `${CB}?state=s1&error=access_denied&error=server_error`],
  ])("case 43: a duplicated %s parameter is rejected", (_name, url) => {
    expect(reasonOf(() => parseCallback(url, { state: "s1" }))).toBe("param_duplicated");
  });

  it("case 43: the error message does not echo the code", () => {
    const error = thrown(() => parseCallback(`${CB}?code=secret-code-123&state=bad`, { state: "s1" }));
    expect(String(error)).not.toContain("secret-code-123");
    expect(JSON.stringify(error)).not.toContain("secret-code-123");
  });

  it("case 44: error=access_denied with a valid state is a typed OAuthError", () => {
    const error = thrown(() =>
      parseCallback(
        `${CB}?error=access_denied&error_description=User%20said%20no&error_uri=https%3A%2F%2Fdocs&state=s1`,
        { state: "s1" },
      ),
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).not.toBeInstanceOf(CallbackError);
    expect(error).toMatchObject({
      kind: "oauth",
      error: "access_denied",
      errorDescription: "User said no",
      errorUri: "https://docs",
      status: undefined,
    });
    expect((error as Error).message).toBe("OAuth error access_denied: User said no");
  });

  it("case 44: an error with a bad state is a CSRF error, not the provider's error", () => {
    expect(reasonOf(() => parseCallback(`${CB}?error=access_denied&state=forged`, { state: "s1" }))).toBe("csrf");
  });

  it("case 44: an error with no state is a CSRF error", () => {
    expect(reasonOf(() => parseCallback(`${CB}?error=server_error`, { state: "s1" }))).toBe("csrf");
  });

  it("case 45: an iss that differs from the expected issuer is rejected", () => {
    const url = `${CB}?code=abc&state=s1&iss=${encodeURIComponent("https://evil.example")}`;
    expect(reasonOf(() => parseCallback(url, { state: "s1", issuer: "https://auth.example.com" }))).toBe(
      "issuer_mismatch",
    );
  });

  it("case 45: iss is checked before error=, so a mixed-up error response is not trusted", () => {
    const url = `${CB}?error=access_denied&state=s1&iss=https%3A%2F%2Fevil.example`;
    expect(reasonOf(() => parseCallback(url, { state: "s1", issuer: "https://auth.example.com" }))).toBe(
      "issuer_mismatch",
    );
  });

  it("case 45: a matching iss is returned; a missing iss is allowed unless required", () => {
    const issuer = "https://auth.example.com";
    expect(parseCallback(`${CB}?code=abc&state=s1&iss=${encodeURIComponent(issuer)}`, { state: "s1", issuer })).toEqual({
      code: "abc",
      state: "s1",
      iss: issuer,
    });
    expect(parseCallback(`${CB}?code=abc&state=s1`, { state: "s1", issuer })).toEqual({ code: "abc", state: "s1" });
    expect(reasonOf(() => parseCallback(`${CB}?code=abc&state=s1`, { state: "s1", issuer, requireIssuer: true }))).toBe(
      "issuer_missing",
    );
  });

  it.each([
    ["access_token in the query", `${CB}?code=abc&state=s1&access_token=tok`],
    ["id_token in the query", `${CB}?code=abc&state=s1&id_token=eyJ`],
    ["token in the query", `${CB}?code=abc&state=s1&token=tok`],
    ["access_token in the fragment", `${CB}?code=abc&state=s1#access_token=tok&token_type=bearer`],
    ["id_token in the fragment", `${CB}#id_token=eyJ&state=s1`],
  ])("case 47: a callback with %s is rejected", (_label, url) => {
    expect(reasonOf(() => parseCallback(url, { state: "s1" }))).toBe("implicit_tokens");
  });

  it("case 47: the rejection does not echo the token", () => {
    const error = thrown(() => parseCallback(`${CB}?state=s1#access_token=leaky-token-value`, { state: "s1" }));
    expect(String(error)).not.toContain("leaky-token-value");
  });

  it("case 43: code missing or empty is rejected", () => {
    expect(reasonOf(() => parseCallback(`${CB}?state=s1`, { state: "s1" }))).toBe("code_missing");
    expect(reasonOf(() => parseCallback(`${CB}?state=s1&code=`, { state: "s1" }))).toBe("code_missing");
  });

  it("case 43: an empty expected state is a ConfigError (it would match nothing safely)", () => {
    expect(() => parseCallback(`${CB}?code=abc&state=`, { state: "" })).toThrow(ConfigError);
  });

  const anyState = fc.string({ minLength: 1, maxLength: 64, unit: "grapheme" });

  it("case 43: property: any state string round-trips through a callback URL", () => {
    fc.assert(
      fc.property(anyState, fc.string({ minLength: 1, unit: "grapheme" }), (state, code) => {
        const url = `${CB}?${new URLSearchParams({ code, state }).toString()}`;
        expect(parseCallback(url, { state })).toEqual({ code, state });
      }),
    );
  });

  it("case 43: property: any state that differs from the expected one is rejected", () => {
    fc.assert(
      fc.property(anyState, anyState, (sent, expected) => {
        fc.pre(sent !== expected);
        const url = `${CB}?${new URLSearchParams({ code: "abc", state: sent }).toString()}`;
        expect(reasonOf(() => parseCallback(url, { state: expected }))).toBe("state_mismatch");
      }),
    );
  });

  /** Strings close to `expected` that a comparison skipping bytes or lengths would accept. */
  function nearMisses(expected: string): string[] {
    const chars = [...expected];
    return [
      ...chars.slice(0, -1).map((_, i) => chars.slice(0, i + 1).join("")), // every proper prefix
      ...chars.slice(1).map((_, i) => chars.slice(i + 1).join("")), // every proper suffix
      ...chars, // every single character
      expected + expected, // the state repeated (a comparison that wraps around the shorter one)
      expected + chars[0], // one character more
      chars[0]!.repeat(chars.length * 2), // a run of its first character
      ...chars.map((_, i) => chars.map((c, j) => (i === j ? (c === "x" ? "y" : "x") : c)).join("")), // one byte differs
    ].filter((s) => s !== "" && s !== expected);
  }

  it("case 43: a prefix, a suffix, a single character, a repetition or a one-byte change of the state is refused", () => {
    for (const expected of ["a", "ab", "aaaa", "state-abc", "ünï-cödé", generateState()]) {
      for (const sent of nearMisses(expected)) {
        const url = `${CB}?${new URLSearchParams({ code: "abc", state: sent }).toString()}`;
        expect(reasonOf(() => parseCallback(url, { state: expected })), `${sent} vs ${expected}`).toBe("state_mismatch");
        expect(reasonOf(() => parseCallback(url.replace("code=abc", "error=access_denied"), { state: expected }))).toBe("csrf");
      }
    }
  });

  it("case 43: property: a prefix, a suffix or a single character of any state is refused", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 64, unit: "grapheme" }), (expected) => {
        for (const sent of nearMisses(expected)) {
          const url = `${CB}?${new URLSearchParams({ code: "abc", state: sent }).toString()}`;
          expect(reasonOf(() => parseCallback(url, { state: expected }))).toBe("state_mismatch");
        }
      }),
      { numRuns: 50 },
    );
  });

  it("case 43: property: a duplicated state is always rejected", () => {
    fc.assert(
      fc.property(anyState, fc.string({ unit: "grapheme" }), fc.boolean(), (state, other, expectedFirst) => {
        const params = new URLSearchParams({ code: "abc" });
        params.append("state", expectedFirst ? state : other);
        params.append("state", expectedFirst ? other : state);
        expect(reasonOf(() => parseCallback(params, { state }))).toBe("state_duplicated");
      }),
    );
  });
});

describe("completeAuthorization", () => {
  it("case 43: returns code, stored redirectUri and verifier for the token request", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    const done = await completeAuthorization(`${CB}?code=c0de&state=${state}`, { provider: "alpaca", store });
    expect(done).toEqual({ code: "c0de", redirectUri: CB, codeVerifier: expect.stringMatching(/^[\w\-.~]{43}$/) });
  });

  it("case 43: a replayed callback is rejected the second time", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    const url = `${CB}?code=c0de&state=${state}`;
    await completeAuthorization(url, { provider: "alpaca", store });
    expect(await reasonOfAsync(completeAuthorization(url, { provider: "alpaca", store }))).toBe("state_replayed");
  });

  it("case 43: a state never issued is a mismatch, not a replay; an error for an unknown state is CSRF", async () => {
    const store = new MemoryPendingStore();
    await started(store);
    expect(await reasonOfAsync(completeAuthorization(`${CB}?code=x&state=nope`, { provider: "alpaca", store }))).toBe(
      "state_mismatch",
    );
    expect(
      await reasonOfAsync(completeAuthorization(`${CB}?error=access_denied&state=nope`, { provider: "alpaca", store })),
    ).toBe("csrf");
  });

  /** Completes one authorization through `store`, then reports how its replay and a forged state are refused. */
  async function replayAndForge(store: PendingAuthorizationStore) {
    const { state } = await startAuthorization({ provider: "alpaca", authorizeUrl: "https://auth.example.com/authorize", clientId: "cid", redirectUri: CB, pkce: true, store });
    const url = `${CB}?code=c0de&state=${state}`;
    await completeAuthorization(url, { provider: "alpaca", store });
    return {
      replayed: await reasonOfAsync(completeAuthorization(url, { provider: "alpaca", store })),
      forged: await reasonOfAsync(completeAuthorization(`${CB}?code=x&state=nope`, { provider: "alpaca", store })),
    };
  }

  it("case 43: a store without wasIssued reports every unknown state as a mismatch, even a used one", async () => {
    const inner = new MemoryPendingStore();
    const store = { save: inner.save.bind(inner), take: inner.take.bind(inner) };
    expect(await replayAndForge(store)).toEqual({ replayed: "state_mismatch", forged: "state_mismatch" });
  });

  it("case 43: an asynchronous wasIssued is awaited", async () => {
    const inner = new MemoryPendingStore();
    const store = {
      save: async (s: string, p: Parameters<MemoryPendingStore["save"]>[1]) => inner.save(s, p),
      take: async (s: string) => inner.take(s),
      wasIssued: async (s: string) => inner.wasIssued(s),
    };
    expect(await replayAndForge(store)).toEqual({ replayed: "state_replayed", forged: "state_mismatch" });
  });

  it("case 43: a prefix, a suffix or a single character of an issued state finds nothing and burns nothing", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    for (const sent of [state.slice(0, -1), state.slice(1), state[0]!, state.slice(0, 8), state + state]) {
      expect(
        await reasonOfAsync(completeAuthorization(`${CB}?code=c0de&state=${encodeURIComponent(sent)}`, { provider: "alpaca", store })),
      ).toBe("state_mismatch");
    }
    expect(store.size).toBe(1); // the genuine callback still completes
    expect((await completeAuthorization(`${CB}?code=c0de&state=${state}`, { provider: "alpaca", store })).code).toBe("c0de");
  });

  it("case 43: state missing and duplicated are rejected before the store is touched", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    expect(await reasonOfAsync(completeAuthorization(`${CB}?code=x`, { provider: "alpaca", store }))).toBe("state_missing");
    expect(
      await reasonOfAsync(completeAuthorization(`${CB}?code=x&state=${state}&state=y`, { provider: "alpaca", store })),
    ).toBe("state_duplicated");
    expect(store.size).toBe(1);
  });

  it("case 43: an expired state is rejected", async () => {
    let now = 0;
    const store = new MemoryPendingStore({ now: () => now, maxAgeMs: 1000 });
    const { state } = await started(store);
    now = 1000;
    expect(await reasonOfAsync(completeAuthorization(`${CB}?code=x&state=${state}`, { provider: "alpaca", store }))).toBe(
      "state_replayed",
    );
  });

  it("case 44: a provider error with a valid state is an OAuthError and uses up the state", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    const error = await rejected(
      completeAuthorization(`${CB}?error=access_denied&state=${state}`, { provider: "alpaca", store }),
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).error).toBe("access_denied");
    expect(store.size).toBe(0);
  });

  it("case 45: a state issued for another provider is rejected (mix-up defence) and burnt", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store, "tradovate");
    const url = `${CB}?code=c0de&state=${state}`;
    expect(await reasonOfAsync(completeAuthorization(url, { provider: "alpaca", store }))).toBe("provider_mismatch");
    expect(await reasonOfAsync(completeAuthorization(url, { provider: "tradovate", store }))).toBe("state_replayed");
  });

  it("case 45: the stored issuer is checked against the callback's iss", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store, "alpaca", "https://auth.alpaca.example");
    const url = `${CB}?code=c0de&state=${state}&iss=${encodeURIComponent("https://auth.tradovate.example")}`;
    expect(await reasonOfAsync(completeAuthorization(url, { provider: "alpaca", store }))).toBe("issuer_mismatch");
  });

  it("case 45: requireIssuer refuses a callback without iss when an issuer was stored", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store, "alpaca", "https://auth.alpaca.example");
    expect(
      await reasonOfAsync(
        completeAuthorization(`${CB}?code=c0de&state=${state}`, { provider: "alpaca", store, requireIssuer: true }),
      ),
    ).toBe("issuer_missing");
  });

  it("case 45: requireIssuer fails closed when no issuer was stored: a forged iss is not accepted", async () => {
    for (const query of ["&iss=https%3A%2F%2Fevil.example", ""]) {
      const store = new MemoryPendingStore();
      const { state } = await started(store); // no issuer stored
      const error = await rejected(
        completeAuthorization(`${CB}?code=c0de&state=${state}${query}`, { provider: "alpaca", store, requireIssuer: true }),
      );
      // The same inputs through parseCallback throw the same ConfigError: nothing to check iss against.
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/requireIssuer/);
      expect(() => parseCallback(`${CB}?code=c0de&state=${state}${query}`, { state, requireIssuer: true })).toThrow(ConfigError);
    }
  });

  it("case 47: tokens in the fragment are rejected before the state is consumed", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    expect(
      await reasonOfAsync(
        completeAuthorization(`${CB}?code=c0de&state=${state}#access_token=t`, { provider: "alpaca", store }),
      ),
    ).toBe("implicit_tokens");
    expect(store.size).toBe(1);
  });

  it("case 48: a double-submitted callback yields exactly one token request", async () => {
    const store = new MemoryPendingStore();
    const { state } = await started(store);
    const url = `${CB}?code=c0de&state=${state}`;
    let tokenRequests = 0;
    const handle = async () => {
      const done = await completeAuthorization(url, { provider: "alpaca", store });
      tokenRequests += 1; // stands in for the code exchange
      return done;
    };
    const results = await Promise.allSettled([handle(), handle()]);
    expect(tokenRequests).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((failure?.reason as CallbackError).reason).toBe("state_replayed");
  });

  it("case 48: also with an asynchronous store", async () => {
    const inner = new MemoryPendingStore();
    const store = {
      save: async (s: string, p: Parameters<MemoryPendingStore["save"]>[1]) => inner.save(s, p),
      take: async (s: string) => {
        await Promise.resolve();
        return inner.take(s);
      },
    };
    const { state } = await startAuthorization({
      provider: "alpaca",
      authorizeUrl: "https://auth.example.com/authorize",
      clientId: "cid",
      redirectUri: CB,
      pkce: true,
      store,
    });
    const url = `${CB}?code=c0de&state=${state}`;
    const results = await Promise.allSettled([
      completeAuthorization(url, { provider: "alpaca", store }),
      completeAuthorization(url, { provider: "alpaca", store }),
      completeAuthorization(url, { provider: "alpaca", store }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
