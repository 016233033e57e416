import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { ApiError, ConfigError, createTokenSource, createTradovateClient, requestTradovateAccessToken } from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";
const credentials = { name: "jdoe_trader", password: "Correct-Horse-Battery-9", cid: "1234", sec: "5a1f3c7e-9b2d-4e8f-a061-7c3b5d9e2f14" };
const token = { accessToken: "tok-abcdef123", expirationTime: "2030-01-01T00:00:00.000Z" };

afterEach(() => {
  vi.useRealTimers();
});

describe("createTradovateClient", () => {
  it("defaults to the demo environment, never to live", async () => {
    nock(DEMO).get("/v1/auth/me").reply(200, { userId: 1 });
    const { data } = await createTradovateClient({ accessToken: "tok-abcdef123" }).GET("/auth/me");
    expect(data).toEqual({ userId: 1 });
  });

  it("sends everything to baseUrl when given", async () => {
    nock("http://127.0.0.1:4010").get("/auth/me").reply(200, { userId: 2 });
    const { data } = await createTradovateClient({ baseUrl: "http://127.0.0.1:4010", accessToken: "tok-abcdef123" }).GET("/auth/me");
    expect(data).toEqual({ userId: 2 });
  });

  it("refuses an unknown environment before sending anything", () => {
    expect(() => createTradovateClient({ environment: "paper" as "demo" })).toThrow(ConfigError);
  });

  it("refuses accessToken and tokenSource together", () => {
    const tokenSource = createTokenSource({ refresh: async () => ({ accessToken: "x", tokenType: "Bearer" }) });
    expect(() => createTradovateClient({ accessToken: "tok-abcdef123", tokenSource })).toThrow(/either accessToken or tokenSource/);
  });

  it("sends the bearer on /auth/me but never on the token calls", async () => {
    nock(DEMO).get("/v1/auth/me").reply(200, {}).post("/v1/auth/accesstokenrequest").reply(200, token);
    const recorder = recordingFetch();
    const client = createTradovateClient({ accessToken: "tok-static-123", fetch: recorder.fetch });
    await client.GET("/auth/me");
    await requestTradovateAccessToken(client, credentials);
    expect(recorder.requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok-static-123", null]);
  });

  it("takes the bearer from a token source at request time", async () => {
    nock(DEMO).get("/v1/auth/me").matchHeader("authorization", "Bearer from-source-1").reply(200, {});
    const tokenSource = createTokenSource({ refresh: async () => ({ accessToken: "from-source-1", tokenType: "Bearer" }) });
    const { response } = await createTradovateClient({ tokenSource }).GET("/auth/me");
    expect(response.status).toBe(200);
  });
});

describe("429 with an empty body (Tradovate's lock-out)", () => {
  it("fails at once when there is no Retry-After: one request, rate_limit, retryAfterMs of about an hour", async () => {
    const scope = nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(429, "", { "Content-Length": "0" });
    const client = createTradovateClient({ retry: { maxRetries: 2 } });
    const error = await requestTradovateAccessToken(client, credentials).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "rate_limit", status: 429, retryAfterMs: 3_600_000, attempts: 1 });
  });

  it("hands a 429 back as a result to raw client calls, with the lock-out as Retry-After", async () => {
    nock(DEMO).get("/v1/auth/me").reply(429, "");
    const { error, response } = await createTradovateClient({ accessToken: "tok-abcdef123" }).GET("/auth/me");
    expect(response.status).toBe(429);
    expect(error === undefined || error === "").toBe(true);
    expect(response.headers.get("retry-after")).toBe("3600");
  });

  it("waits per Retry-After and resends a retry-safe call", async () => {
    vi.useFakeTimers();
    // An injected fetch answers without real I/O, so fake time moves only when the test moves it.
    const replies = [
      new Response("", { status: 429, headers: { "Retry-After": "2" } }),
      Response.json(token),
    ];
    const fetch = vi.fn(async (_request: Request) => replies.shift()!);
    const pending = requestTradovateAccessToken(createTradovateClient({ fetch }), credentials);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ accessToken: "tok-abcdef123" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("does not wait when Retry-After is beyond retry.maxRetryAfterMs, and says how long to wait", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(429, "", { "Retry-After": "600" });
    const error = await requestTradovateAccessToken(createTradovateClient(), credentials).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate_limit", status: 429, retryAfterMs: 600_000, attempts: 1 });
  });
});
