// /auth/oauthtoken: code exchange and refresh, validated as RFC 6749 token responses.
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  InvalidResponseError,
  OAuthError,
  TimeoutError,
  createTradovateClient,
  exchangeTradovateCode,
  refreshTradovateToken,
} from "../src/index.js";

const nock = useNock();
const LIVE = "https://live.tradovateapi.com";
const exchange = {
  code: "8f3c1e9a2b7d4c60a5e1f2d3b4c5a6e7",
  clientId: "4127",
  clientSecret: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  redirectUri: "https://app.example.com/oauth/tradovate/callback",
};
const refresh = { refreshToken: "rt_2f7a9c41d8e34b6fa0c95e1d7b3a8f62", clientId: "4127", clientSecret: exchange.clientSecret };
const tokenBody = {
  access_token: "eyJhbGciOiJIUzI1NiJ9.abc.def",
  refresh_token: "rt_new_0123456789",
  token_type: "Bearer",
  expires_in: 4800,
  refresh_token_expires_in: 2592000,
};

afterEach(() => {
  vi.useRealTimers();
});

/**
 * `/v1/auth/oauthtoken` as both official specs declare it: a JSON body, and 415 for anything else (a
 * form included).
 */
function officialEndpoint(status: number, body: Record<string, unknown>) {
  return nock(LIVE)
    .post("/v1/auth/oauthtoken")
    .reply(function () {
      const type = String(this.req.headers["content-type"] ?? "");
      return type.startsWith("application/json") ? [status, body] : [415, { error: "unsupported_media_type" }];
    });
}

/** A fetch that never answers, so only the client's own timeout can end the request. */
function hangingFetch() {
  const calls: Request[] = [];
  const fetch = (request: Request) => {
    calls.push(request);
    return new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
  };
  return { fetch, calls };
}

describe("exchangeTradovateCode", () => {
  it("posts JSON to /v1 by default (the official specs), without credentials, and returns a validated token set", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-08-21T14:00:00Z") });
    officialEndpoint(200, tokenBody);
    const recorder = recordingFetch();
    const tokens = await exchangeTradovateCode(createTradovateClient({ environment: "live", fetch: recorder.fetch }), exchange);
    expect(tokens).toEqual({
      accessToken: tokenBody.access_token,
      refreshToken: "rt_new_0123456789",
      tokenType: "Bearer",
      expiresIn: 4800,
      expiresAt: Date.parse("2026-08-21T14:00:00Z") + 4_800_000,
    });
    const [sent] = recorder.requests;
    expect(String(sent!.url)).toBe(`${LIVE}/v1/auth/oauthtoken`);
    expect(sent!.headers.get("content-type")).toBe("application/json");
    expect(sent!.headers.get("authorization")).toBeNull();
    expect(JSON.parse(sent!.body)).toEqual({
      grant_type: "authorization_code",
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      client_id: "4127",
      client_secret: exchange.clientSecret,
    });
  });

  it("posts the OAuth example's form when asked, to the host without /v1 that the example uses", async () => {
    nock(LIVE)
      .post("/auth/oauthtoken")
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .reply(200, { access_token: "at-from-form-1", expires_in: 4800 });
    const recorder = recordingFetch();
    const client = createTradovateClient({ baseUrl: LIVE, fetch: recorder.fetch });
    const tokens = await exchangeTradovateCode(client, { ...exchange, encoding: "form" });
    expect(tokens).toMatchObject({ accessToken: "at-from-form-1", tokenType: "Bearer" });
    const [sent] = recorder.requests;
    expect(String(sent!.url)).toBe(`${LIVE}/auth/oauthtoken`);
    expect(Object.fromEntries(new URLSearchParams(sent!.body))).toMatchObject({ grant_type: "authorization_code", code: exchange.code });
  });

  it.each([
    ["exchangeTradovateCode", () => exchangeTradovateCode(createTradovateClient({ environment: "live" }), exchange)],
    ["refreshTradovateToken", () => refreshTradovateToken(createTradovateClient({ environment: "live" }), refresh)],
  ])("%s accepts a token response without token_type (optional in every source) as a Bearer token", async (_, call) => {
    officialEndpoint(200, { access_token: "at-untyped-1", expires_in: 4800 });
    await expect(call()).resolves.toMatchObject({ accessToken: "at-untyped-1", tokenType: "Bearer", expiresIn: 4800 });
  });

  it("treats an HTTP 200 carrying error/error_description as an OAuthError, not as a token without access_token (case 38)", async () => {
    nock(LIVE)
      .post("/v1/auth/oauthtoken")
      .reply(200, { error: "invalid_grant", error_description: "The authorization code is invalid or has expired." });
    const error = await exchangeTradovateCode(createTradovateClient({ environment: "live" }), exchange).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      kind: "oauth",
      error: "invalid_grant",
      errorDescription: "The authorization code is invalid or has expired.",
      status: 200,
      method: "POST",
      url: `${LIVE}/v1/auth/oauthtoken`,
    });
  });

  it("a 400 invalid_grant is an OAuthError and is not retried, even with retries on (case 34)", async () => {
    const scope = nock(LIVE).post("/v1/auth/oauthtoken").once().reply(400, { error: "invalid_grant" });
    const client = createTradovateClient({ environment: "live", retry: { maxRetries: 3 } });
    const error = await exchangeTradovateCode(client, exchange).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: "invalid_grant", status: 400 });
  });

  it("a 400 with no body is an ApiError, not an OAuthError", async () => {
    nock(LIVE).post("/v1/auth/oauthtoken").reply(400, "");
    const error = await exchangeTradovateCode(createTradovateClient({ environment: "live" }), exchange).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ kind: "http", status: 400 });
  });

  it.each([
    ["no access_token", { token_type: "Bearer" }, /no access_token/],
    ["an unsupported token_type", { ...tokenBody, token_type: "mac" }, /token_type "mac" is not supported/],
    ["a malformed expires_in", { ...tokenBody, expires_in: "soon" }, /expires_in must be a number/],
  ])("refuses a 200 with %s", async (_, body, message) => {
    nock(LIVE).post("/v1/auth/oauthtoken").reply(200, body);
    const error = await exchangeTradovateCode(createTradovateClient({ environment: "live" }), exchange).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String(error)).toMatch(message);
  });

  it("a timeout is not retried and says the outcome is unknown and the flow must restart (case 9)", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = hangingFetch();
    const client = createTradovateClient({ environment: "live", timeoutMs: 5_000, retry: { maxRetries: 3 }, fetch });
    const pending = exchangeTradovateCode(client, exchange).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(String(error)).toMatch(/not retried.*outcome is unknown.*restart the flow/);
    expect(calls).toHaveLength(1);
  });
});

describe("refreshTradovateToken", () => {
  it("posts grant_type=refresh_token with the client credentials", async () => {
    officialEndpoint(200, { access_token: "at-fresh-123", token_type: "bearer", expires_in: 4800 });
    const recorder = recordingFetch();
    const tokens = await refreshTradovateToken(createTradovateClient({ environment: "live", fetch: recorder.fetch }), refresh);
    expect(tokens).toMatchObject({ accessToken: "at-fresh-123", tokenType: "Bearer" });
    expect(tokens.refreshToken).toBeUndefined();
    expect(JSON.parse(recorder.requests[0]!.body)).toEqual({
      grant_type: "refresh_token",
      refresh_token: refresh.refreshToken,
      client_id: "4127",
      client_secret: exchange.clientSecret,
    });
  });

  it("a timeout is not retried with the same refresh token and says to re-authorize (case 51)", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = hangingFetch();
    const client = createTradovateClient({ environment: "live", timeoutMs: 5_000, retry: { maxRetries: 3 }, fetch });
    const pending = refreshTradovateToken(client, refresh).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(String(error)).toMatch(/not retried.*outcome is unknown.*restart the flow/);
    expect(calls).toHaveLength(1);
  });
});
