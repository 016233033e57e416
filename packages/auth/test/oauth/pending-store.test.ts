import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { MemoryPendingStore, type PendingAuthorization } from "../../src/oauth/index.js";

const pending: PendingAuthorization = {
  provider: "alpaca",
  redirectUri: "https://app.example.com/callback",
  codeVerifier: "v".repeat(43),
  createdAt: 0,
};

afterEach(() => {
  vi.useRealTimers();
});

describe("MemoryPendingStore", () => {
  it("case 43: take returns the saved request once, then nothing (one-time state)", () => {
    const store = new MemoryPendingStore();
    store.save("s1", pending);
    expect(store.take("s1")).toEqual(pending);
    expect(store.take("s1")).toBeUndefined();
  });

  it("case 43: an unknown state finds nothing", () => {
    expect(new MemoryPendingStore().take("never-saved")).toBeUndefined();
  });

  it("case 43: entries expire after the default 10 minutes (injected clock)", () => {
    let now = 1_000_000;
    const store = new MemoryPendingStore({ now: () => now });
    store.save("fresh", pending);
    store.save("stale", pending);
    now += 10 * 60 * 1000 - 1;
    expect(store.take("fresh")).toEqual(pending);
    now += 1;
    expect(store.take("stale")).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("case 43: entries expire with fake timers and a custom maxAgeMs", () => {
    vi.useFakeTimers({ now: new Date("2025-01-01T00:00:00Z") });
    const store = new MemoryPendingStore({ maxAgeMs: 5_000 });
    store.save("a", pending);
    store.save("b", pending);
    vi.advanceTimersByTime(4_999);
    expect(store.take("a")).toEqual(pending);
    vi.advanceTimersByTime(1);
    expect(store.take("b")).toBeUndefined();
  });

  it("case 43: wasIssued is true for taken and expired states only, and forgets them after rememberSpentMs", () => {
    let now = 0;
    const store = new MemoryPendingStore({ now: () => now, maxAgeMs: 1_000, rememberSpentMs: 5_000 });
    store.save("taken", pending);
    store.save("expires", pending);
    expect(store.wasIssued("taken")).toBe(false); // still pending: not spent yet
    store.take("taken");
    expect(store.wasIssued("taken")).toBe(true);
    expect(store.wasIssued("never-saved")).toBe(false);
    now = 1_000;
    expect(store.wasIssued("expires")).toBe(true); // expired at 1 000 ms, spent then
    expect(store.take("taken")).toBeUndefined(); // a spent state stays refused
    now = 4_999;
    expect(store.wasIssued("taken")).toBe(true);
    now = 5_000;
    expect(store.wasIssued("taken")).toBe(false); // spent at 0, forgotten at 5 000
    expect(store.wasIssued("expires")).toBe(true);
    now = 6_000;
    expect(store.wasIssued("expires")).toBe(false);
  });

  it("case 43: wasIssued remembers at most maxEntries spent states; a state dropped at the cap counts as spent", () => {
    const store = new MemoryPendingStore({ maxEntries: 2 });
    store.save("a", pending);
    store.save("b", pending);
    store.save("c", pending); // over the cap: "a" is dropped, and so spent
    expect(store.wasIssued("a")).toBe(true);
    expect(store.take("a")).toBeUndefined();
    store.take("b");
    store.take("c"); // three spent states, two remembered: the oldest ("a") is forgotten
    expect([store.wasIssued("a"), store.wasIssued("b"), store.wasIssued("c")]).toEqual([false, true, true]);
  });

  it("case 43: refuses to save a state that is already pending", () => {
    const store = new MemoryPendingStore();
    store.save("dup", pending);
    expect(() => store.save("dup", { ...pending, provider: "other" })).toThrow(ConfigError);
    expect(store.take("dup")?.provider).toBe("alpaca");
  });

  it("case 43: refuses an empty state", () => {
    expect(() => new MemoryPendingStore().save("", pending)).toThrow(ConfigError);
  });

  it("case 45: keeps a snapshot, so later changes to the caller's object cannot redirect the callback", () => {
    const store = new MemoryPendingStore();
    const mine = { ...pending };
    store.save("s", mine);
    mine.provider = "tradovate";
    mine.redirectUri = "https://evil.example/cb";
    expect(store.take("s")).toEqual(pending);
  });

  it("case 43: drops the oldest entry beyond maxEntries", () => {
    const store = new MemoryPendingStore({ maxEntries: 2 });
    store.save("one", pending);
    store.save("two", pending);
    store.save("three", pending);
    expect(store.size).toBe(2);
    expect(store.take("one")).toBeUndefined();
    expect(store.take("two")).toEqual(pending);
    expect(store.take("three")).toEqual(pending);
  });

  it("case 43: state strings such as __proto__ are ordinary keys", () => {
    const store = new MemoryPendingStore();
    store.save("__proto__", pending);
    expect(store.take("constructor")).toBeUndefined();
    expect(store.take("__proto__")).toEqual(pending);
  });

  it("rejects invalid options", () => {
    expect(() => new MemoryPendingStore({ maxAgeMs: 0 })).toThrow(ConfigError);
    expect(() => new MemoryPendingStore({ maxEntries: 0 })).toThrow(ConfigError);
  });
});
