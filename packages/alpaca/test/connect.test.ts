import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import {
  CallbackError,
  ConfigError,
  ConnectionError,
  MemoryPendingStore,
  OAuthError,
  buildConnectAuthorizeUrl,
  completeConnectAuthorization,
  createAlpacaClient,
  exchangeConnectCode,
  startConnectAuthorization,
} from "../src/index.js";

const nock = useNock();
const redirectUri = "https://app.example.com/alpaca/callback?tenant=7";

describe("buildConnectAuthorizeUrl", () => {
  it("points at app.alpaca.markets with response_type=code, the exact redirect_uri, state and a space-delimited scope", () => {
    const url = new URL(
      buildConnectAuthorizeUrl({ clientId: "client-1", redirectUri, state: "st-123", scope: ["account:write", "trading"] }),
    );
    expect(`${url.origin}${url.pathname}`).toBe("https://app.alpaca.markets/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client-1",
      redirect_uri: redirectUri,
      state: "st-123",
      scope: "account:write trading",
    });
    // Connect documents no PKCE: none is sent.
    expect(url.searchParams.has("code_challenge")).toBe(false);
  });

  it("leaves scope out when none is asked for (read-only access)", () => {
    const url = new URL(buildConnectAuthorizeUrl({ clientId: "client-1", redirectUri, state: "st-123" }));
    expect(url.searchParams.has("scope")).toBe(false);
  });

  it("rejects an empty state before building anything", () => {
    expect(() => buildConnectAuthorizeUrl({ clientId: "client-1", redirectUri, state: "" })).toThrow(ConfigError);
  });
});

describe("exchangeConnectCode", () => {
  it("posts a form to api.alpaca.markets/oauth/token without a Basic header and validates the token", async () => {
    let seen: { auth?: string | undefined; type?: string | undefined; body?: string } = {};
    nock("https://api.alpaca.markets")
      .post("/oauth/token")
      .reply(function (_uri, body) {
        seen = { auth: this.req.headers.authorization, type: this.req.headers["content-type"], body: body as string };
        return [200, { access_token: "79500537-5796-4230-9661-7f7108877c60", token_type: "bearer", scope: "account:write trading" }];
      });
    // Broker credentials are configured, yet the Connect exchange must not send them.
    const client = createAlpacaClient({ environment: "production", credentials: { key: "AKBROKER", secret: "broker-secret" } });
    const tokens = await exchangeConnectCode(client, { code: "code-1", clientId: "client-1", clientSecret: "cs-1", redirectUri });
    expect(tokens).toEqual({ accessToken: "79500537-5796-4230-9661-7f7108877c60", tokenType: "Bearer", scope: "account:write trading" });
    expect(seen.auth).toBeUndefined();
    expect(seen.type).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({
      grant_type: "authorization_code",
      code: "code-1",
      client_id: "client-1",
      client_secret: "cs-1",
      redirect_uri: redirectUri,
    });
  });

  it("goes to api.alpaca.markets from the sandbox environment too", async () => {
    nock("https://api.alpaca.markets").post("/oauth/token").reply(200, { access_token: "tok-123456", token_type: "Bearer" });
    const tokens = await exchangeConnectCode(createAlpacaClient({ environment: "sandbox" }), {
      code: "c",
      clientId: "client-1",
      clientSecret: "cs-1",
      redirectUri,
    });
    expect(tokens.accessToken).toBe("tok-123456");
  });

  it("case 34: turns invalid_grant into a typed OAuthError and does not retry", async () => {
    nock("https://api.alpaca.markets")
      .post("/oauth/token")
      .reply(400, { error: "invalid_grant", error_description: "code already used" });
    const error = await exchangeConnectCode(createAlpacaClient(), { code: "c", clientId: "i", clientSecret: "s", redirectUri }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: "invalid_grant", errorDescription: "code already used", status: 400 });
  });

  it("case 3: does not resend a single-use code after a reset (the code may have reached Alpaca)", async () => {
    nock("https://api.alpaca.markets")
      .post("/oauth/token")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const error = await exchangeConnectCode(createAlpacaClient(), { code: "c", clientId: "i", clientSecret: "s", redirectUri }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNRESET", attempts: 1 });
  });

  it("case 1: resends the code after a refused connection, which proves nothing was sent", async () => {
    nock("https://api.alpaca.markets")
      .post("/oauth/token")
      .replyWithError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))
      .post("/oauth/token")
      .reply(200, { access_token: "tok-after-refused", token_type: "Bearer" });
    const client = createAlpacaClient({ retry: { baseDelayMs: 1 } });
    const tokens = await exchangeConnectCode(client, { code: "c", clientId: "i", clientSecret: "s", redirectUri });
    expect(tokens.accessToken).toBe("tok-after-refused");
  });
});

describe("startConnectAuthorization / completeConnectAuthorization", () => {
  it("runs the whole flow: state remembered, callback checked, code exchanged with the stored redirect URI", async () => {
    const store = new MemoryPendingStore();
    const { url, state } = await startConnectAuthorization({ clientId: "client-1", redirectUri, scope: ["trading"], store });
    expect(new URL(url).searchParams.get("state")).toBe(state);
    let form: Record<string, string> = {};
    nock("https://api.alpaca.markets")
      .post("/oauth/token")
      .reply(function (_uri, body) {
        form = Object.fromEntries(new URLSearchParams(body as string));
        return [200, { access_token: "tok-flow-1", token_type: "bearer" }];
      });
    const tokens = await completeConnectAuthorization(createAlpacaClient(), {
      callbackUrl: `https://app.example.com/alpaca/callback?code=the-code&state=${state}`,
      store,
      clientId: "client-1",
      clientSecret: "cs-1",
    });
    expect(tokens.accessToken).toBe("tok-flow-1");
    expect(form.redirect_uri).toBe(redirectUri);
    expect(form.code).toBe("the-code");
  });

  it("case 48: a double-submitted callback makes exactly one token request", async () => {
    const store = new MemoryPendingStore();
    const { state } = await startConnectAuthorization({ clientId: "client-1", redirectUri, store });
    nock("https://api.alpaca.markets").post("/oauth/token").once().reply(200, { access_token: "tok-once", token_type: "Bearer" });
    const callbackUrl = `https://app.example.com/alpaca/callback?code=c&state=${state}`;
    const options = { callbackUrl, store, clientId: "client-1", clientSecret: "cs-1" };
    const client = createAlpacaClient();
    const results = await Promise.allSettled([completeConnectAuthorization(client, options), completeConnectAuthorization(client, options)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(CallbackError);
  });

  it("case 43: a callback with a state that was never issued makes no token request", async () => {
    const store = new MemoryPendingStore();
    await startConnectAuthorization({ clientId: "client-1", redirectUri, store });
    const error = await completeConnectAuthorization(createAlpacaClient(), {
      callbackUrl: "https://app.example.com/alpaca/callback?code=c&state=forged",
      store,
      clientId: "client-1",
      clientSecret: "cs-1",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
  });
});
