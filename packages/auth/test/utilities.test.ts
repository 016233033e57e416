// The small utilities the provider packages build on: the abortable sleep and the error snippet.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, sleep, snippet } from "../src/index.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("sleep", () => {
  it("resolves after the delay", async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(1_000, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it("rejects with AbortError at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).rejects.toBeInstanceOf(AbortError);
  });

  it("rejects with AbortError as soon as the signal aborts, and clears its timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("takes the AbortError's message and context from its options", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal, { abortMessage: "polling aborted", context: () => ({ method: "POST", attempts: 2 }) });
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).message).toBe("polling aborted");
    expect((error as AbortError).method).toBe("POST");
    expect((error as AbortError).attempts).toBe(2);
    await expect(sleep(1, AbortSignal.abort())).rejects.toThrow("aborted by the caller while waiting");
  });
});

describe("snippet", () => {
  it("is a single-line, escaped, redacted excerpt of at most 200 characters", () => {
    expect(snippet({ message: "bad", access_token: "abc123456" })).toBe('{"message":"bad","access_token":"[redacted]"}');
    expect(snippet("line one\n  line\u001b two", ["secret-value"])).toBe("line one line\\u001b two");
    expect(snippet("echo secret-value here", ["secret-value"])).toBe("echo [redacted] here");
    expect(snippet("E".repeat(300))).toBe(`${"E".repeat(200)}…`);
    expect(snippet(undefined)).toBe("");
  });
});
