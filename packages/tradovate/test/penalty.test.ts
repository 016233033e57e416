// Tradovate's penalty tickets: HTTP 200 with p-ticket / p-time / p-captcha instead of a token.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  AbortError,
  InvalidResponseError,
  PenaltyTicketError,
  createTradovateClient,
  exchangeTradovateCode,
  renewTradovateAccessToken,
  requestTradovateAccessToken,
} from "../src/index.js";

useNock();

const exchange = {
  code: "8f3c1e9a2b7d4c60a5e1f2d3b4c5a6e7",
  clientId: "4127",
  clientSecret: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  redirectUri: "https://app.example.com/oauth/tradovate/callback",
};
const credentials = { name: "jdoe_trader", password: "Correct-Horse-Battery-9", cid: "1234", sec: "5a1f3c7e-9b2d-4e8f-a061-7c3b5d9e2f14" };
const oauthToken = { access_token: "eyJhbGciOiJIUzI1NiJ9.abc.def", token_type: "Bearer", expires_in: 4800 };
const accessToken = { accessToken: "Vb3oL9yq2XkPjR1sT7uW0aZ5", expirationTime: "2030-01-01T00:00:00.000Z" };
const penalty = (seconds: number, ticket = "7c1d5a0e93b84f27a6d2c8e1f0b9a345") => ({ "p-ticket": ticket, "p-time": seconds, "p-captcha": false });

/** A fetch that answers from a script (no real I/O, so fake time moves only when the test moves it) and keeps what was sent. */
function scripted(...bodies: unknown[]) {
  const sent: { method: string; contentType: string | null; body: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ method: request.method, contentType: request.headers.get("content-type"), body: await request.text() });
    const next = bodies.shift();
    if (next === undefined) throw new Error("unexpected extra request");
    return Response.json(next);
  };
  return { fetch, sent };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a penalty ticket is waited out and the identical request resent with p-ticket", () => {
  it("code exchange, form-encoded: waits p-time, then resends the same form plus p-ticket", async () => {
    const { fetch, sent } = scripted(penalty(15), oauthToken);
    const pending = exchangeTradovateCode(createTradovateClient({ fetch }), { ...exchange, encoding: "form" });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ accessToken: oauthToken.access_token, expiresIn: 4800 });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.contentType).toBe("application/x-www-form-urlencoded");
    expect(sent[1]!.body).toBe(`${sent[0]!.body}&p-ticket=7c1d5a0e93b84f27a6d2c8e1f0b9a345`);
  });

  it("code exchange, JSON (the default): resends the same JSON object plus p-ticket", async () => {
    const { fetch, sent } = scripted(penalty(2), oauthToken);
    const pending = exchangeTradovateCode(createTradovateClient({ fetch }), exchange);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toMatchObject({ accessToken: oauthToken.access_token });
    expect(sent.map((s) => s.contentType)).toEqual(["application/json", "application/json"]);
    expect(JSON.parse(sent[1]!.body)).toEqual({ ...JSON.parse(sent[0]!.body), "p-ticket": "7c1d5a0e93b84f27a6d2c8e1f0b9a345" });
  });

  it("access-token request: resends the same credentials plus the newest ticket each time", async () => {
    const { fetch, sent } = scripted(penalty(1, "ticket-one"), penalty(1, "ticket-two"), accessToken);
    const pending = requestTradovateAccessToken(createTradovateClient({ fetch }), credentials);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toMatchObject({ accessToken: accessToken.accessToken });
    expect(sent.map((s) => JSON.parse(s.body))).toEqual([
      credentials,
      { ...credentials, "p-ticket": "ticket-one" },
      { ...credentials, "p-ticket": "ticket-two" },
    ]);
  });

  it("gives up after penalty.maxResends resends (default 3): still_penalised, 4 requests in all", async () => {
    const { fetch, sent } = scripted(penalty(1), penalty(1), penalty(1), penalty(5));
    const pending = requestTradovateAccessToken(createTradovateClient({ fetch }), credentials).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3_000);
    const error = await pending;
    expect(error).toBeInstanceOf(PenaltyTicketError);
    expect(error).toMatchObject({ kind: "rate_limit", reason: "still_penalised", retryAfterMs: 5_000 });
    expect(sent).toHaveLength(4);
  });

  it("honours a smaller penalty.maxResends", async () => {
    const { fetch, sent } = scripted(penalty(1));
    const error = await exchangeTradovateCode(createTradovateClient({ fetch }), { ...exchange, penalty: { maxResends: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ reason: "still_penalised" });
    expect(sent).toHaveLength(1);
  });
});

describe("a penalty that cannot be waited out fails at once", () => {
  it("p-captcha: true fails with a clear error, no wait and no resend", async () => {
    const { fetch, sent } = scripted({ "p-ticket": "9e4b2d6f81a04c3b95d7e0a2c6f8b137", "p-time": 60, "p-captcha": true });
    const error = await requestTradovateAccessToken(createTradovateClient({ fetch }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PenaltyTicketError);
    expect(error).toMatchObject({ kind: "rate_limit", reason: "captcha", retryAfterMs: 3_600_000 });
    expect(String(error)).toMatch(/captcha .*cannot solve; wait about an hour/);
    expect(String(error)).not.toContain("9e4b2d6f81a04c3b95d7e0a2c6f8b137");
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a p-time longer than penalty.maxWaitMs (default 60 s) is not slept", async () => {
    const { fetch, sent } = scripted(penalty(900));
    const error = await exchangeTradovateCode(createTradovateClient({ fetch }), exchange).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "wait_too_long", retryAfterMs: 900_000 });
    expect(sent).toHaveLength(1);
  });

  it("the caller's signal aborts the wait, and nothing is resent", async () => {
    const { fetch, sent } = scripted(penalty(30));
    const controller = new AbortController();
    const pending = requestTradovateAccessToken(createTradovateClient({ fetch }), credentials, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("a penalty on renewaccesstoken (a GET, no body to carry the ticket) fails with the wait it asked for", async () => {
    const { fetch, sent } = scripted(penalty(15));
    const error = await renewTradovateAccessToken(createTradovateClient({ fetch }), "Vb3oL9yq2XkPjR1sT7uW0aZ5").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "not_resendable", retryAfterMs: 15_000 });
    expect(sent).toHaveLength(1);
  });

  it("a ticket without a usable p-time is an invalid response, not a guess", async () => {
    const { fetch } = scripted({ "p-ticket": "7c1d5a0e93b84f27a6d2c8e1f0b9a345" });
    const error = await requestTradovateAccessToken(createTradovateClient({ fetch }), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String(error)).toMatch(/p-time/);
  });
});
