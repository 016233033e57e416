import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/errors.js";
import {
  MemoryPendingStore,
  completeAuthorization,
  computeCodeChallenge,
  startAuthorization,
  type PendingAuthorization,
  type PendingAuthorizationStore,
} from "../../src/oauth/index.js";
import { rejected } from "./helpers.js";

/** A store that records what was saved, without consuming it. */
class RecordingStore implements PendingAuthorizationStore {
  readonly saved = new Map<string, PendingAuthorization>();
  save(state: string, pending: PendingAuthorization): void {
    this.saved.set(state, pending);
  }
  take(state: string): PendingAuthorization | undefined {
    const p = this.saved.get(state);
    this.saved.delete(state);
    return p;
  }
}

const options = {
  provider: "alpaca",
  authorizeUrl: "https://app.alpaca.markets/oauth/authorize",
  clientId: "cid",
  redirectUri: "https://app.example.com/callback",
  scope: ["account:write", "trading"],
};

afterEach(() => {
  vi.useRealTimers();
});

describe("startAuthorization", () => {
  it("case 42: saves provider, exact redirectUri, verifier and issuer under the state in the URL", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const store = new RecordingStore();
    const { url, state } = await startAuthorization({ ...options, pkce: true, store, issuer: "https://alpaca" });
    const params = new URL(url).searchParams;
    expect(params.get("state")).toBe(state);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pending = store.saved.get(state);
    expect(pending).toEqual({
      provider: "alpaca",
      redirectUri: "https://app.example.com/callback",
      codeVerifier: expect.stringMatching(/^[A-Za-z0-9\-._~]{43}$/),
      issuer: "https://alpaca",
      createdAt: 1_700_000_000_000,
    });
    expect(params.get("code_challenge")).toBe(await computeCodeChallenge(pending?.codeVerifier ?? ""));
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("scope")).toBe("account:write trading");
    expect(url).not.toContain(pending?.codeVerifier);
  });

  it("case 42: with pkce false nothing about PKCE is sent or stored", async () => {
    const store = new RecordingStore();
    const { url, state } = await startAuthorization({ ...options, pkce: false, store });
    expect(new URL(url).searchParams.has("code_challenge")).toBe(false);
    expect(store.saved.get(state)).not.toHaveProperty("codeVerifier");
    expect(store.saved.get(state)).not.toHaveProperty("issuer");
  });

  it("case 43: each call uses a new state and a new verifier", async () => {
    const store = new RecordingStore();
    const a = await startAuthorization({ ...options, pkce: true, store });
    const b = await startAuthorization({ ...options, pkce: true, store });
    expect(a.state).not.toBe(b.state);
    expect(store.saved.get(a.state)?.codeVerifier).not.toBe(store.saved.get(b.state)?.codeVerifier);
  });

  it("case 42: invalid options throw before anything is saved", async () => {
    const store = new RecordingStore();
    const error = await rejected(
      startAuthorization({ ...options, pkce: true, store, extraParams: { redirect_uri: "https://evil.example" } }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(store.saved.size).toBe(0);
    expect(await rejected(startAuthorization({ ...options, provider: "", pkce: true, store }))).toBeInstanceOf(ConfigError);
  });

  it.each([
    "https://app.example.com/callback/",
    "https://APP.example.com/Callback",
    "http://127.0.0.1:53682/callback",
    "https://app.example.com:443/callback?x=1",
  ])("case 46: the token request gets the authorize redirect_uri byte-for-byte: %s", async (redirectUri) => {
    const store = new MemoryPendingStore();
    const { url, state } = await startAuthorization({ ...options, redirectUri, pkce: true, store });
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(redirectUri);
    const done = await completeAuthorization(`https://app.example.com/callback?code=c0de&state=${state}`, {
      provider: "alpaca",
      store,
    });
    expect(done.redirectUri).toBe(redirectUri);
  });
});
