// RELIABILITY.md §9 cases 5-9: per-attempt timeouts built on setTimeout + AbortController (so fake
// timers drive them), one deadline across attempts, the caller's AbortSignal, and timers always cleared.

import { useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, ConnectionError, TimeoutError, basic, bearer } from "../src/index.js";
import { BASE, drive, fixtureClient, hangingFetch, netFetch, quiesce, rejection, useFakeClock, type FixtureConfig } from "./fixtures.js";

const nock = useNock();

const creds = { BasicAuth: basic("timeout-user", "timeout-password-1"), BearerAuth: bearer("timeout-bearer-1") };
const idle = { inflight: 0 };
const codeExchange = {
  grant_type: "authorization_code" as const,
  code: "code-timeout-1",
  code_verifier: "v".repeat(43),
  redirect_uri: "https://app.example/cb",
  client_id: "cid",
};

function hanging(config: FixtureConfig = {}) {
  const wire = hangingFetch();
  return { wire, client: fixtureClient({ credentials: creds, fetch: wire.fetch, ...config }) };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  useFakeClock();
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("case 5: slow headers beyond the per-attempt timeout", () => {
  it("case 5: times out after exactly timeoutMs, aborts the request and clears its timer", async () => {
    const { wire, client } = hanging({ timeoutMs: 1000, retry: false });
    const { error, elapsed } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe("timeout");
    expect((error as TimeoutError).attempts).toBe(1);
    expect((error as Error).message).toBe(`GET ${BASE}/items timed out`);
    expect(elapsed).toBe(1000);
    expect(wire.calls).toHaveLength(1);
    expect(wire.calls[0]!.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("case 5: does not fire one millisecond early", async () => {
    const { client } = hanging({ timeoutMs: 1000, retry: false });
    let settled = false;
    const pending = client.GET("/items").finally(() => {
      settled = true;
    });
    // Handled from the start: a rejection during the advance must not be reported as unhandled.
    const outcome = rejection(pending);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(TimeoutError);
  });

  it("case 5: a timed-out GET is retried; the error counts every attempt", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { wire, client } = hanging({ timeoutMs: 1000, retry: { baseDelayMs: 100 } });
    const { error, elapsed } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(3);
    expect(wire.calls).toHaveLength(3);
    // three timeouts and two backoffs of 50 and 100 ms
    expect(elapsed).toBe(3000 + 50 + 100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("case 5: the default timeout is 30 s per attempt", async () => {
    const { client } = hanging({ retry: false });
    const { error, elapsed } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBe(30_000);
  });

  it("case 5: with nock .delay() the headers arrive too late and the attempt times out", async () => {
    nock(BASE).get("/items").delay(5000).reply(200, { items: [] });
    const client = fixtureClient({ credentials: creds, timeoutMs: 1000, retry: false });
    const { error } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
  });
});

describe("case 6: headers arrive but the body stalls", () => {
  it("case 6: the timeout still covers the body read, and the body stream is cancelled", async () => {
    let cancelled = false;
    const fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"items": ['));
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    // The stream above ignores the signal, as a stalled socket would; the transport must still give up.
    const client = fixtureClient({ credentials: creds, fetch, timeoutMs: 500, retry: false });
    const pending = client.GET("/items");
    let settled = false;
    void pending.catch(() => undefined).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
    expect(cancelled).toBe(true);
  });

  it("case 6: with nock .delayBody() the stalled body times out", async () => {
    nock(BASE).get("/items").delayBody(5000).reply(200, { items: [] });
    const client = fixtureClient({ credentials: creds, timeoutMs: 1000, retry: false });
    const { error } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe("timeout");
  });
});

describe("case 7: one deadline across all attempts", () => {
  it("case 7: three slow attempts end at the deadline, the last one cut short", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { wire, client } = hanging({ timeoutMs: 1000, retry: { maxRetries: 5, deadlineMs: 2500 } });
    const { error, elapsed } = await drive(client.GET("/items"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBe(2500);
    expect(wire.calls).toHaveLength(3);
    expect((error as TimeoutError).attempts).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("case 7: a backoff that would end past the deadline is not slept", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const net = netFetch();
    nock(BASE).get("/items").reply(503, { message: "busy" }, { "retry-after": "2" });
    const client = fixtureClient({ credentials: creds, fetch: net.fetch, retry: { deadlineMs: 1500 } });
    const { value, elapsed } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(503);
    expect(elapsed).toBe(0);
    expect(net.sent).toBe(1);
  });

  it("case 7: a deadline that passes during a 401 refresh stops before another attempt, counting only real attempts", async () => {
    const source = {
      getToken: async () => "at-current",
      invalidate: () => undefined,
    };
    let first = true;
    source.getToken = async () => {
      if (first) {
        first = false;
        return "at-old";
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return "at-new";
    };
    const sent: string[] = [];
    const fetch = async (request: Request) => {
      sent.push(request.headers.get("authorization")!);
      return new Response("{}", { status: 401, headers: { "content-type": "application/json" } });
    };
    const client = fixtureClient({ credentials: { BearerAuth: bearer(source) }, fetch, retry: { deadlineMs: 1000 } });
    const { error, elapsed } = await drive(client.GET("/me"), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("deadline of 1000 ms passed");
    expect((error as TimeoutError).attempts).toBe(1);
    expect(sent).toEqual(["Bearer at-old"]);
    expect(elapsed).toBe(2000);
  });

  it("case 7: waits within the deadline are still taken", async () => {
    const net = netFetch();
    nock(BASE).get("/items").reply(503, {}, { "retry-after": "1" });
    nock(BASE).get("/items").reply(200, { items: [] });
    const client = fixtureClient({ credentials: creds, fetch: net.fetch, retry: { deadlineMs: 1500 } });
    const { value, elapsed } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(elapsed).toBe(1000);
  });
});

describe("case 8: the caller's AbortSignal", () => {
  it("case 8: an abort during an attempt is an AbortError, not retried, and not a TimeoutError", async () => {
    const { wire, client } = hanging({ timeoutMs: 1000 });
    const controller = new AbortController();
    const pending = client.GET("/items", { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(300);
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as AbortError).kind).toBe("abort");
    expect((error as AbortError).attempts).toBe(1);
    expect(wire.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wire.calls).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });

  it("case 8: an abort while waiting to retry stops at once, with no further attempt", async () => {
    const net = netFetch();
    nock(BASE).get("/items").reply(503, {}, { "retry-after": "5" });
    const client = fixtureClient({ credentials: creds, fetch: net.fetch });
    const controller = new AbortController();
    const pending = client.GET("/items", { signal: controller.signal });
    void pending.catch(() => undefined);
    await quiesce(net);
    // the 503 is in: the only timer left is the 5 s wait before the retry
    expect(net.sent).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).message).toBe("request aborted by the caller while waiting to retry");
    expect((error as AbortError).method).toBe("GET");
    expect((error as AbortError).attempts).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(net.sent).toBe(1);
    expect(unhandled).toEqual([]);
  });

  it("case 8: an already-aborted signal fails without reaching the server", async () => {
    const scope = nock(BASE).get("/items").reply(200, { items: [] });
    const client = fixtureClient({ credentials: creds });
    const error = await rejection(client.GET("/items", { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("case 8: an abort on a retry-safe POST is not retried either", async () => {
    const { wire, client } = hanging({ timeoutMs: 5000 });
    const controller = new AbortController();
    const pending = client.POST("/search", { body: { q: "abort" }, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error("user navigated away"));
    expect(await rejection(pending)).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(wire.calls).toHaveLength(1);
  });

  it("case 8: a caller abort after the timeout fired is still a TimeoutError (whichever came first)", async () => {
    const { client } = hanging({ timeoutMs: 100, retry: false });
    const controller = new AbortController();
    const pending = client.GET("/items", { signal: controller.signal });
    void pending.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(TimeoutError);
  });
});

describe("case 9: timeout on the code-exchange POST", () => {
  it("case 9: is not retried, and the error says the outcome is unknown and the flow must restart", async () => {
    const { wire, client } = hanging({ timeoutMs: 1000 });
    const { error, elapsed } = await drive(client.POST("/oauth/token", { body: codeExchange }), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    expect(wire.calls).toHaveLength(1);
    expect(elapsed).toBe(1000);
    expect((error as Error).message).toBe(
      `POST ${BASE}/oauth/token timed out; not retried because the operation is not safe to repeat: the server may have processed it, so the outcome is unknown (for a single-use code or refresh token, restart the flow)`,
    );
    expect((error as Error).message).not.toContain("code-timeout-1");
  });

  it("case 9: a timeout on a non-idempotent POST /items is not retried either", async () => {
    const { wire, client } = hanging({ timeoutMs: 1000 });
    const { error } = await drive(client.POST("/items", { body: { name: "order" } }), idle);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(wire.calls).toHaveLength(1);
  });
});

describe("timers are always cleared", () => {
  it.each([
    ["a success", () => nock(BASE).get("/items").reply(200, { items: [] }), 200],
    ["a 500 after all retries", () => nock(BASE).get("/items").times(3).reply(500, {}), 500],
    ["a 404", () => nock(BASE).get("/items").reply(404, {}), 404],
  ] as const)("after %s", async (_label, mock, status) => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    mock();
    const net = netFetch();
    const client = fixtureClient({ credentials: creds, fetch: net.fetch });
    const { value } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(status);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("after a connection error", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    nock(BASE).get("/items").times(3).replyWithError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    const net = netFetch();
    const client = fixtureClient({ credentials: creds, fetch: net.fetch });
    const { error } = await drive(client.GET("/items"), net);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("after a refused redirect and after an invalid body", async () => {
    nock(BASE).get("/items").reply(302, "", { location: "http://api.test.example/items" });
    nock(BASE).get("/open").reply(200, "<html>portal</html>", { "content-type": "text/html" });
    const net = netFetch();
    const client = fixtureClient({ credentials: creds, fetch: net.fetch });
    expect((await drive(client.GET("/items"), net)).error).toMatchObject({ kind: "redirect" });
    expect((await drive(client.GET("/open"), net)).error).toMatchObject({ kind: "invalid_response" });
    expect(vi.getTimerCount()).toBe(0);
  });
});
