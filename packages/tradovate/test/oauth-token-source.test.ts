// createTradovateOAuthTokenSource: OAuth tokens refreshed through /auth/oauthtoken, one refresh at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  ConfigError,
  OAuthError,
  type TokenSet,
  createTradovateClient,
  createTradovateOAuthTokenSource,
} from "../src/index.js";

const nock = useNock();
const LIVE = "https://live.tradovateapi.com";
const T0 = Date.parse("2026-08-21T14:00:00Z");
const app = { clientId: "4127", clientSecret: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0" };
const expired: TokenSet = { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-current-1", expiresAt: T0 - 1 };

function setup(initial: TokenSet | undefined, onTokens?: (tokens: TokenSet) => void) {
  const auth = createTradovateClient({ environment: "live", retry: false });
  const tokenSource = createTradovateOAuthTokenSource(auth, { ...app, initial, onTokens });
  return { tokenSource, tradovate: createTradovateClient({ environment: "live", tokenSource, retry: false }) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createTradovateOAuthTokenSource", () => {
  it("10 concurrent requests with an expired token make exactly one refresh (case 49)", async () => {
    nock(LIVE)
      .post("/v1/auth/oauthtoken", (body) => body.grant_type === "refresh_token" && body.refresh_token === "rt-current-1")
      .once()
      .reply(200, { access_token: "at-fresh", token_type: "Bearer", expires_in: 4800, refresh_token: "rt-rotated-2" });
    nock(LIVE).get("/v1/auth/me").times(10).matchHeader("authorization", "Bearer at-fresh").reply(200, { userId: 7 });
    const onTokens = vi.fn();
    const { tradovate, tokenSource } = setup(expired, onTokens);
    const results = await Promise.all(Array.from({ length: 10 }, () => tradovate.GET("/auth/me")));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(tokenSource.current()).toMatchObject({ accessToken: "at-fresh", refreshToken: "rt-rotated-2", expiresAt: T0 + 4_800_000 });
    expect(onTokens).toHaveBeenCalledTimes(1);
  });

  it("keeps the old refresh token when the refresh response carries none", async () => {
    nock(LIVE).post("/v1/auth/oauthtoken").reply(200, { access_token: "at-fresh", token_type: "Bearer", expires_in: 4800 });
    const { tokenSource } = setup(expired);
    await tokenSource.getToken();
    expect(tokenSource.current()?.refreshToken).toBe("rt-current-1");
  });

  it("an invalid_grant (sent with HTTP 200) reaches every waiter as the same OAuthError, then fails at once (case 50)", async () => {
    nock(LIVE).post("/v1/auth/oauthtoken").once().reply(200, { error: "invalid_grant", error_description: "refresh token revoked" });
    const { tokenSource } = setup(expired);
    const errors = await Promise.all(Array.from({ length: 10 }, () => tokenSource.getToken().catch((e: unknown) => e)));
    expect(errors[0]).toBeInstanceOf(OAuthError);
    expect(new Set(errors).size).toBe(1);
    expect(tokenSource.current()).toBeUndefined();
    // Nothing is mocked any more: another request would fail with a nock error instead.
    await expect(tokenSource.getToken()).rejects.toBe(errors[0]);
  });

  it("a 401 with Bearer error=invalid_token refreshes once and replays once (case 39)", async () => {
    const fresh = { ...expired, expiresAt: T0 + 60 * 60_000 };
    nock(LIVE)
      .get("/v1/auth/me").matchHeader("authorization", "Bearer at-expired").reply(401, "", { "WWW-Authenticate": 'Bearer error="invalid_token"' })
      .post("/v1/auth/oauthtoken").once().reply(200, { access_token: "at-fresh", token_type: "Bearer", expires_in: 4800 })
      .get("/v1/auth/me").matchHeader("authorization", "Bearer at-fresh").reply(200, { userId: 7 });
    const { tradovate } = setup(fresh);
    const { data } = await tradovate.GET("/auth/me");
    expect(data).toEqual({ userId: 7 });
  });

  it("without a refresh token it fails before sending anything", async () => {
    const { tokenSource } = setup(undefined);
    await expect(tokenSource.getToken()).rejects.toBeInstanceOf(ConfigError);
  });

  it("refreshes with a JSON body when asked", async () => {
    nock(LIVE)
      .post("/v1/auth/oauthtoken", { grant_type: "refresh_token", refresh_token: "rt-current-1", ...{ client_id: "4127", client_secret: app.clientSecret } })
      .matchHeader("content-type", "application/json")
      .reply(200, { access_token: "at-json", token_type: "Bearer" });
    const auth = createTradovateClient({ environment: "live" });
    const tokenSource = createTradovateOAuthTokenSource(auth, { ...app, initial: expired, encoding: "json" });
    await expect(tokenSource.getToken()).resolves.toBe("at-json");
  });
});
