// RELIABILITY.md §9 A and B through nock: which failures are retried, how long the client waits, and
// what the caller gets when it gives up. Fake timers drive every wait; `netFetch` keeps fake time still
// while a request is on the wire, so the waits measured here are exact.

import { useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, ConnectionError, OAuthKitError, basic, bearer, unwrap } from "../src/index.js";
import { BASE, T0, drive, fixtureClient, netFetch, useFakeClock, type FixtureConfig } from "./fixtures.js";

const nock = useNock();

const creds = { BasicAuth: basic("retry-user", "retry-password-1"), BearerAuth: bearer("retry-bearer-token-1") };

/** A client that sends through `netFetch`, with the given retry options; returns it with the probe. */
function setup(config: FixtureConfig = {}) {
  const net = netFetch();
  const client = fixtureClient({ credentials: creds, fetch: net.fetch, ...config });
  return { client, net };
}

/** A reply function that records the fake time (ms since T0) of each hit and answers from a script. */
function script(...answers: [number, unknown?, Record<string, string>?][]) {
  const hits: number[] = [];
  const reply = () => {
    hits.push(Date.now() - T0);
    const [status, body, headers] = answers[Math.min(hits.length, answers.length) - 1]!;
    return [status, body ?? {}, headers ?? {}] as [number, unknown, Record<string, string>];
  };
  return { hits, reply };
}

/** The undici shape of a failed connection: TypeError("fetch failed") with the system error as cause. */
function fetchFailed(code: string, message = code): TypeError {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });
}

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("connection failures (cases 1-3)", () => {
  it("case 1: connection refused on the token POST is retried, because nothing was sent", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { client, net } = setup({ retry: { baseDelayMs: 100 } });
    nock(BASE).post("/oauth/token").replyWithError(fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:443"));
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-after-refused", token_type: "Bearer" });

    const { value, elapsed } = await drive(
      client.POST("/oauth/token", { body: { grant_type: "authorization_code", code: "c-1", code_verifier: "v".repeat(43), redirect_uri: "https://app.example/cb", client_id: "cid" } }),
      net,
    );
    expect(value!.response.status).toBe(200);
    expect(value!.data).toEqual({ access_token: "at-after-refused", token_type: "Bearer" });
    expect(net.sent).toBe(2);
    // full jitter: floor(0.5 * min(8000, 100 * 2^0)) = 50 ms
    expect(elapsed).toBe(50);
    expect(random).toHaveBeenCalled();
  });

  it("case 2: a DNS failure (ENOTFOUND) is retried with backoff, then surfaces a typed ConnectionError", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const { client, net } = setup({ retry: { baseDelayMs: 100 } });
    nock(BASE).get("/items").times(3).replyWithError(fetchFailed("ENOTFOUND", "getaddrinfo ENOTFOUND api.test.example"));

    const { error, elapsed } = await drive(client.GET("/items"), net);
    expect(error).toBeInstanceOf(ConnectionError);
    const failure = error as ConnectionError;
    expect(failure.kind).toBe("connection");
    expect(failure.code).toBe("ENOTFOUND");
    expect(failure.attempts).toBe(3);
    expect(failure.method).toBe("GET");
    expect(failure.url).toBe(`${BASE}/items`);
    expect(failure.message).toBe(`GET ${BASE}/items failed: no complete response (ENOTFOUND)`);
    expect(net.sent).toBe(3);
    // floor(0.999 * 100) + floor(0.999 * 200)
    expect(elapsed).toBe(99 + 199);
  });

  it("case 3: a reset (ECONNRESET) on an idempotent GET is retried and then succeeds", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).get("/items").replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    nock(BASE).get("/items").reply(200, { items: [{ id: "1", name: "one" }] });

    const { value } = await drive(client.GET("/items"), net);
    expect(value!.data).toEqual({ items: [{ id: "1", name: "one" }] });
    expect(net.sent).toBe(2);
  });

  it("case 3: nock's plain-object error shape ({ code }) is classified the same way", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).get("/items").replyWithError({ code: "ECONNRESET", message: "reset" });
    nock(BASE).get("/items").reply(200, { items: [] });

    const { value } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(net.sent).toBe(2);
  });

  it("case 3: a reset on the authorization-code POST is never retried, and says the outcome is unknown", async () => {
    const { client, net } = setup();
    nock(BASE).post("/oauth/token").replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));

    const { error } = await drive(
      client.POST("/oauth/token", { body: { grant_type: "authorization_code", code: "c-2", code_verifier: "v".repeat(43), redirect_uri: "https://app.example/cb", client_id: "cid" } }),
      net,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNRESET");
    expect((error as ConnectionError).attempts).toBe(1);
    expect((error as Error).message).toMatch(/outcome is unknown/);
    expect(net.sent).toBe(1);
  });

  it("case 3: a reset on a rotating refresh POST is never retried", async () => {
    const { client, net } = setup();
    nock(BASE).post("/oauth/token").replyWithError(fetchFailed("UND_ERR_SOCKET", "other side closed"));

    const { error } = await drive(client.POST("/oauth/token", { body: { grant_type: "refresh_token", refresh_token: "rt-rotating" } }), net);
    expect((error as ConnectionError).code).toBe("UND_ERR_SOCKET");
    expect(net.sent).toBe(1);
  });

  it("case 16: a reset on a non-idempotent POST is not retried; the idempotent POST /search is", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).post("/items").replyWithError(fetchFailed("ECONNRESET"));
    const order = await drive(client.POST("/items", { body: { name: "order" } }), net);
    expect((order.error as ConnectionError).attempts).toBe(1);
    expect(net.sent).toBe(1);

    nock(BASE).post("/search").replyWithError(fetchFailed("ECONNRESET"));
    nock(BASE).post("/search").reply(200, { echo: "ok" });
    const search = await drive(client.POST("/search", { body: { q: "x" } }), net);
    expect(search.value!.data).toEqual({ echo: "ok" });
    expect(net.sent).toBe(3);
  });
});

describe("Retry-After (cases 10-12)", () => {
  it("case 10: waits Retry-After: 2 then succeeds on the second attempt", async () => {
    const { client, net } = setup();
    const server = script([429, { message: "slow down" }, { "retry-after": "2" }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    const { value, elapsed } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(server.hits).toEqual([0, 2000]);
    expect(elapsed).toBe(2000);
  });

  it("case 10: fractional seconds are honoured (Retry-After: 0.25)", async () => {
    const { client, net } = setup();
    const server = script([503, {}, { "retry-after": "0.25" }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual([0, 250]);
  });

  it("case 11: an HTTP-date Retry-After is a wait until that date", async () => {
    const { client, net } = setup();
    const server = script([429, {}, { "retry-after": new Date(T0 + 5000).toUTCString() }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    const { value } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(server.hits).toEqual([0, 5000]);
  });

  it("case 11: the clock is read at call time (a client created before the clock changed still computes from 'now')", async () => {
    vi.useRealTimers();
    const net = netFetch();
    const client = fixtureClient({ credentials: creds, fetch: net.fetch });
    useFakeClock();
    const server = script([429, {}, { "retry-after": new Date(T0 + 3000).toUTCString() }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);
    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual([0, 3000]);
  });

  it("case 11: an HTTP-date in the past means retry at once", async () => {
    const { client, net } = setup();
    const server = script([503, {}, { "retry-after": new Date(T0 - 60_000).toUTCString() }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual([0, 0]);
  });

  it("case 10: retry-after-ms wins over Retry-After", async () => {
    const { client, net } = setup();
    const server = script([429, {}, { "retry-after-ms": "1500", "retry-after": "30" }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual([0, 1500]);
  });

  it.each(["soon", "-5", "foo 1", "1e3", ""])("case 12: an invalid Retry-After %j falls back to the jittered backoff", async (header) => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { client, net } = setup({ retry: { baseDelayMs: 400 } });
    const server = script([503, {}, { "retry-after": header }], [200, { items: [] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual([0, 200]);
  });

  it("case 12: a huge Retry-After (3600) is never slept; the 429 is handed back with retryAfterMs", async () => {
    const { client, net } = setup();
    nock(BASE).get("/items").reply(429, { message: "quota" }, { "retry-after": "3600", "x-request-id": "req-429" });

    const { value, elapsed } = await drive(client.GET("/items"), net);
    expect(elapsed).toBe(0);
    expect(net.sent).toBe(1);
    const error = (() => {
      try {
        unwrap(value!);
      } catch (e) {
        return e;
      }
    })() as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe("rate_limit");
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.requestId).toBe("req-429");
    expect(error.attempts).toBe(1);
  });

  it("case 12: a retry-after-ms above maxRetryAfterMs is not slept either", async () => {
    const { client, net } = setup({ retry: { maxRetryAfterMs: 1000 } });
    nock(BASE).get("/items").reply(503, {}, { "retry-after-ms": "1001" });

    const { value, elapsed } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(503);
    expect(elapsed).toBe(0);
    expect(net.sent).toBe(1);
  });

  it("case 12: maxRetryAfterMs caps only server hints, not the client's own backoff", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const { client, net } = setup({ retry: { maxRetryAfterMs: 10, baseDelayMs: 1000 } });
    const server = script([503], [503], [200, { items: [] }]);
    nock(BASE).get("/items").times(3).reply(server.reply);

    const { value } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(server.hits).toEqual([0, 999, 999 + 1998]);
  });
});

describe("statuses (cases 13-16)", () => {
  it("case 13: 503 then 200 is one retry (two requests on the wire)", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    const server = script([503, { message: "busy" }], [200, { items: [{ id: "7", name: "seven" }] }]);
    nock(BASE).get("/items").times(2).reply(server.reply);

    const { value } = await drive(client.GET("/items"), net);
    expect(unwrap(value!)).toEqual({ items: [{ id: "7", name: "seven" }] });
    expect(server.hits).toHaveLength(2);
  });

  it("case 14: 500 on every attempt gives up after maxRetries with the last status, attempts and request id", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    let n = 0;
    nock(BASE)
      .get("/items")
      .times(3)
      .reply(() => [500, { message: `boom ${++n}` }, { "x-request-id": `req-${n}` }]);

    const { value } = await drive(client.GET("/items"), net);
    expect(net.sent).toBe(3);
    let error: unknown;
    try {
      unwrap(value!);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<{ message: string }>;
    expect(apiError.kind).toBe("http");
    expect(apiError.status).toBe(500);
    expect(apiError.attempts).toBe(3);
    expect(apiError.requestId).toBe("req-3");
    expect(apiError.body).toEqual({ message: "boom 3" });
  });

  it("case 14: maxRetries 4 makes 5 attempts; retry: false makes 1", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const more = setup({ retry: { maxRetries: 4 } });
    nock(BASE).get("/items").times(5).reply(500, {});
    await drive(more.client.GET("/items"), more.net);
    expect(more.net.sent).toBe(5);

    const none = setup({ retry: false });
    nock(BASE).get("/items").reply(500, {});
    await drive(none.client.GET("/items"), none.net);
    expect(none.net.sent).toBe(1);
  });

  it.each([408, 429, 500, 502, 503, 504, 599])("case 13: status %i is retried on a retry-safe GET", async (status) => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).get("/items").reply(status, {});
    nock(BASE).get("/items").reply(200, { items: [] });
    const { value } = await drive(client.GET("/items"), net);
    expect(value!.response.status).toBe(200);
    expect(net.sent).toBe(2);
  });

  it.each([
    [400, "http"],
    [401, "auth"],
    [403, "auth"],
    [404, "http"],
    [409, "http"],
    [422, "http"],
  ] as const)("case 15: status %i is not retried and unwraps to kind %s", async (status, kind) => {
    const { client, net } = setup();
    nock(BASE).get("/items").reply(status, { message: "no" });
    const { value } = await drive(client.GET("/items"), net);
    expect(net.sent).toBe(1);
    expect(value!.response.status).toBe(status);
    expect(() => unwrap(value!)).toThrow(ApiError);
    try {
      unwrap(value!);
    } catch (e) {
      expect((e as ApiError).kind).toBe(kind);
      expect((e as ApiError).attempts).toBe(1);
    }
  });

  it.each([409, 500, 503, 429])("case 16: %i on a non-idempotent POST /items is not retried", async (status) => {
    const { client, net } = setup();
    nock(BASE).post("/items").reply(status, { message: "maybe created" }, { "retry-after": "1" });
    const { value, elapsed } = await drive(client.POST("/items", { body: { name: "order-1" } }), net);
    expect(value!.response.status).toBe(status);
    expect(net.sent).toBe(1);
    expect(elapsed).toBe(0);
  });

  it("case 16: 503 on the token endpoint (single-use code) is handed back, not retried", async () => {
    const { client, net } = setup();
    nock(BASE).post("/oauth/token").reply(503, { error: "temporarily_unavailable" }, { "retry-after": "1" });
    const { value } = await drive(client.POST("/oauth/token", { body: { grant_type: "refresh_token", refresh_token: "rt-x" } }), net);
    expect(value!.response.status).toBe(503);
    expect(net.sent).toBe(1);
  });

  it("case 16: 503 on POST /search (x-idempotent) is retried", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).post("/search").reply(503, {});
    nock(BASE).post("/search").reply(200, { echo: "found" });
    const { value } = await drive(client.POST("/search", { body: { q: "z" } }), net);
    expect(value!.data).toEqual({ echo: "found" });
    expect(net.sent).toBe(2);
  });

  it("case 16: a DELETE (idempotent) is retried and its 204 is data: undefined", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup();
    nock(BASE).delete("/items/42").reply(502, "<html>bad gateway</html>", { "content-type": "text/html" });
    nock(BASE).delete("/items/42").reply(204);
    const { value } = await drive(client.DELETE("/items/{id}", { params: { path: { id: "42" } } }), net);
    expect(value!.response.status).toBe(204);
    expect(value!.data).toBeUndefined();
    expect(net.sent).toBe(2);
  });
});

describe("backoff: exponential, full jitter, capped", () => {
  it("waits floor(random * min(maxDelayMs, baseDelayMs * 2^retry)) before each retry", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.75);
    const { client, net } = setup({ retry: { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 500 } });
    const server = script([503], [503], [503], [503], [503], [200, { items: [] }]);
    nock(BASE).get("/items").times(6).reply(server.reply);

    await drive(client.GET("/items"), net);
    const waits = server.hits.slice(1).map((t, i) => t - server.hits[i]!);
    // 0.75 × [100, 200, 400, 500 (cap), 500 (cap)]
    expect(waits).toEqual([75, 150, 300, 375, 375]);
  });

  it.each([
    [0, [0, 0, 0]],
    [0.5, [0, 500, 1500]],
    [0.9999, [0, 999, 2998]],
  ])("full jitter: random() = %d gives waits anywhere from 0 up to the step (hits at %j)", async (r, hits) => {
    vi.spyOn(Math, "random").mockReturnValue(r);
    const { client, net } = setup({ retry: { baseDelayMs: 1000 } });
    const server = script([500], [500], [200, { items: [] }]);
    nock(BASE).get("/items").times(3).reply(server.reply);

    await drive(client.GET("/items"), net);
    expect(server.hits).toEqual(hits);
  });

  it("the default backoff is 500 ms doubling, capped at 8 s", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    const { client, net } = setup({ retry: { maxRetries: 6 } });
    const server = script([503], [503], [503], [503], [503], [503], [200, { items: [] }]);
    nock(BASE).get("/items").times(7).reply(server.reply);

    await drive(client.GET("/items"), net);
    const waits = server.hits.slice(1).map((t, i) => t - server.hits[i]!);
    expect(waits).toEqual([499, 999, 1999, 3999, 7999, 7999]);
  });

  it("rejects invalid retry options when the client is created", () => {
    expect(() => fixtureClient({ retry: { maxRetries: -1 } })).toThrow(RangeError);
    expect(() => fixtureClient({ retry: { baseDelayMs: Number.NaN } })).toThrow("retry.baseDelayMs must be a finite number >= 0");
  });
});

describe("the error a caller gets", () => {
  it("is an OAuthKitError subclass with safe JSON", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { client, net } = setup({ retry: { maxRetries: 1 } });
    nock(BASE).get("/items").times(2).replyWithError(fetchFailed("ECONNREFUSED"));
    const { error } = await drive(client.GET("/items"), net);
    expect(error).toBeInstanceOf(OAuthKitError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConnectionError",
      kind: "connection",
      message: `GET ${BASE}/items failed: no complete response (ECONNREFUSED)`,
      method: "GET",
      url: `${BASE}/items`,
      attempts: 2,
      code: "ECONNREFUSED",
    });
  });
});
