// The authorization-code flow: authorize URL, state, callback, code exchange.
import { describe, expect, it } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  CallbackError,
  ConfigError,
  MemoryPendingStore,
  OAuthError,
  TRADOVATE_AUTHORIZE_URL,
  buildTradovateAuthorizeUrl,
  completeTradovateAuthorization,
  createTradovateClient,
  startTradovateAuthorization,
} from "../src/index.js";

const nock = useNock();
const LIVE = "https://live.tradovateapi.com";
const app = { clientId: "4127", redirectUri: "https://app.example.com/oauth/tradovate/callback?tenant=a b" };
const clientSecret = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

describe("buildTradovateAuthorizeUrl", () => {
  it("builds trader.tradovate.com/oauth with response_type=code, client_id, the exact redirect_uri and state", () => {
    const url = new URL(buildTradovateAuthorizeUrl({ ...app, state: "state-123" }));
    expect(`${url.origin}${url.pathname}`).toBe(TRADOVATE_AUTHORIZE_URL);
    expect(TRADOVATE_AUTHORIZE_URL).toBe("https://trader.tradovate.com/oauth");
    expect([...url.searchParams]).toEqual([
      ["response_type", "code"],
      ["client_id", "4127"],
      ["redirect_uri", app.redirectUri],
      ["state", "state-123"],
    ]);
  });

  it("refuses an empty state", () => {
    expect(() => buildTradovateAuthorizeUrl({ ...app, state: "" })).toThrow(ConfigError);
  });
});

describe("startTradovateAuthorization / completeTradovateAuthorization", () => {
  const client = () => createTradovateClient({ environment: "live" });

  it("exchanges the callback's code with the stored redirect URI, once: a replayed callback makes no second request (case 48)", async () => {
    const store = new MemoryPendingStore();
    const { url, state } = await startTradovateAuthorization({ ...app, store });
    expect(new URL(url).searchParams.get("state")).toBe(state);

    nock(LIVE).post("/v1/auth/oauthtoken").once().reply(200, { access_token: "at-123456", token_type: "Bearer" });
    const recorder = recordingFetch();
    const callbackUrl = `https://app.example.com/oauth/tradovate/callback?code=code-abc-123&state=${state}`;
    const tradovate = createTradovateClient({ environment: "live", fetch: recorder.fetch });
    const tokens = await completeTradovateAuthorization(tradovate, { callbackUrl, store, clientId: "4127", clientSecret });
    expect(tokens.accessToken).toBe("at-123456");
    expect(JSON.parse(recorder.requests[0]!.body)).toMatchObject({ redirect_uri: app.redirectUri, code: "code-abc-123" });

    const replay = completeTradovateAuthorization(tradovate, { callbackUrl, store, clientId: "4127", clientSecret });
    await expect(replay).rejects.toMatchObject({ reason: "state_replayed" });
    expect(recorder.requests).toHaveLength(1);
  });

  it("an invalid_grant on the exchange marks the code used: the same callback cannot be exchanged again (case 34)", async () => {
    const store = new MemoryPendingStore();
    const { state } = await startTradovateAuthorization({ ...app, store });
    nock(LIVE).post("/v1/auth/oauthtoken").once().reply(200, { error: "invalid_grant", error_description: "code expired" });
    const callbackUrl = `/oauth/tradovate/callback?code=code-abc-123&state=${state}`;
    const options = { callbackUrl, store, clientId: "4127", clientSecret };
    await expect(completeTradovateAuthorization(client(), options)).rejects.toBeInstanceOf(OAuthError);
    await expect(completeTradovateAuthorization(client(), options)).rejects.toMatchObject({ reason: "state_replayed" });
  });

  it("refuses a callback whose state was never issued, before any token request", async () => {
    const store = new MemoryPendingStore();
    await startTradovateAuthorization({ ...app, store });
    const error = await completeTradovateAuthorization(client(), {
      callbackUrl: "/cb?code=code-abc-123&state=forged-state",
      store,
      clientId: "4127",
      clientSecret,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect(error).toMatchObject({ reason: "state_mismatch" });
  });

  it("turns error=access_denied with a valid state into an OAuthError", async () => {
    const store = new MemoryPendingStore();
    const { state } = await startTradovateAuthorization({ ...app, store });
    const error = await completeTradovateAuthorization(client(), {
      callbackUrl: `/cb?error=access_denied&state=${state}`,
      store,
      clientId: "4127",
      clientSecret,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: "access_denied" });
  });
});
