// First attempts sent with the global fetch and no caller signal share an AbortController (issue #11:
// one per call cost as much as the rest of a successful call). What must still hold, per call: its own
// timeout to the millisecond, its own abort, no timer left once nothing is in flight, and no signal
// followed by more than 32 requests.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, TimeoutError, basic } from "../src/index.js";
import { fixtureClient, hangingFetch, rejection, useFakeClock } from "./fixtures.js";

const credentials = { BasicAuth: basic("deadline-user", "deadline-password-1") };

/** The global fetch, replaced by one whose calls hang until their signal aborts or a test answers them. */
function stubGlobalFetch() {
  const wire = hangingFetch();
  vi.stubGlobal("fetch", wire.fetch);
  return wire;
}

const items = () => Response.json({ items: [] }, { headers: { "content-length": "12" } });

/** Lets the client's promise chains run (they are real microtasks; only timers and Date are fake). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("first attempts share a signal, never a deadline", () => {
  it("calls started in the same millisecond share one signal and one timer, and time out together", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const outcomes = [client.GET("/items"), client.GET("/items"), client.GET("/items")].map(rejection);
    await settle();
    expect(wire.calls).toHaveLength(3);
    expect(new Set(wire.signals).size).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(wire.signals[0]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    for (const error of await Promise.all(outcomes)) expect(error).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a call started a millisecond later, while the first is in flight, times out on its own deadline", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    let secondSettled = false;
    const first = rejection(client.GET("/items"));
    await settle();
    await vi.advanceTimersByTimeAsync(1);
    const second = rejection(
      client.GET("/items").finally(() => {
        secondSettled = true;
      }),
    );
    await settle();
    expect(wire.signals[0]!).not.toBe(wire.signals[1]!);
    await vi.advanceTimersByTimeAsync(999);
    expect(await first).toBeInstanceOf(TimeoutError);
    expect(secondSettled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await second).toBeInstanceOf(TimeoutError);
  });

  it("reuses an idle signal for the next call, with a fresh timer, and leaves no timer once calls end", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const first = client.GET("/items");
    await settle();
    wire.answers[0]!(items());
    expect((await first).data).toEqual({ items: [] });
    expect(vi.getTimerCount()).toBe(0);
    // 900 ms later: the idle signal is reused, and the new call gets its whole second.
    await vi.advanceTimersByTimeAsync(900);
    const second = rejection(client.GET("/items"));
    await settle();
    expect(wire.signals[1]!).toBe(wire.signals[0]!);
    await vi.advanceTimersByTimeAsync(999);
    expect(wire.signals[1]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await second).toBeInstanceOf(TimeoutError);
  });

  it("after a timeout, the next call gets a fresh signal", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const first = rejection(client.GET("/items"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await first).toBeInstanceOf(TimeoutError);
    const second = client.GET("/items");
    await settle();
    expect(wire.signals[1]!).not.toBe(wire.signals[0]!);
    expect(wire.signals[1]!.aborted).toBe(false);
    wire.answers[1]!(items());
    expect((await second).data).toEqual({ items: [] });
  });

  it("a call with a caller signal follows a signal of its own: aborting it leaves the others running", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const controller = new AbortController();
    const others = [client.GET("/items"), client.GET("/items")];
    const mine = rejection(client.GET("/items", { signal: controller.signal }));
    await settle();
    controller.abort();
    expect(await mine).toBeInstanceOf(AbortError);
    expect(wire.signals[0]!.aborted).toBe(false);
    wire.answers[0]!(items());
    wire.answers[1]!(items());
    for (const result of await Promise.all(others)) expect(result.data).toEqual({ items: [] });
  });

  it("a body that stalls after the headers times out, even from a fetch that does not end it on abort", async () => {
    // Headers at once, then a declared body that never comes; this fetch ignores the signal.
    vi.stubGlobal("fetch", async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { headers: { "content-type": "application/json", "content-length": "12" } }));
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const outcome = rejection(client.GET("/items"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a body without a length that stalls after its first chunk times out, from a fetch that ignores the abort", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"items":'));
        else return new Promise(() => {});
      },
    });
    vi.stubGlobal("fetch", async () => new Response(body, { headers: { "content-type": "application/json" } }));
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const outcome = rejection(client.GET("/items"));
    await vi.advanceTimersByTimeAsync(999);
    expect(pulls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("no signal is followed by more than 32 requests", async () => {
    const wire = stubGlobalFetch();
    const client = fixtureClient({ credentials, timeoutMs: 1000, retry: false });
    const outcomes = Array.from({ length: 300 }, () => rejection(client.GET("/items")));
    await settle();
    const followers = new Map<AbortSignal, number>();
    for (const signal of wire.signals) followers.set(signal, (followers.get(signal) ?? 0) + 1);
    expect([...followers.values()]).toEqual([...Array(9).fill(32), 12]);
    await vi.advanceTimersByTimeAsync(1000);
    for (const error of await Promise.all(outcomes)) expect(error).toBeInstanceOf(TimeoutError);
  });
});
