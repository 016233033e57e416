// Alpaca behaviour: Connect codes are single-use, short-lived and bound to client, redirect URI and PKCE;
// a reused code revokes what the first use issued; Broker calls need the broker key; tokens expire.
import { describe, expect, it } from "vitest";
import { authorizeCode, basic, bearer, call, challengeOf, manualClock, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";

async function connect(options: Parameters<typeof start<"alpaca">>[1] = {}) {
  const mock = await start("alpaca", { autoApprove: true, ...options });
  const { clientId, clientSecret } = mock.credentials as Record<string, string>;
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    call(mock, "POST", "/oauth/token", { form: { grant_type: "authorization_code", code, client_id: clientId!, client_secret: clientSecret!, redirect_uri: REDIRECT, ...extra } });
  return { mock, clientId: clientId!, exchange };
}

describe("Alpaca Connect", () => {
  it("a reused code gets invalid_grant and revokes the token the first use issued", async () => {
    const { mock, clientId, exchange } = await connect();
    const code = await authorizeCode(mock, "/oauth/authorize", { client_id: clientId, redirect_uri: REDIRECT, scope: "account:write trading" });
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ token_type: "bearer", scope: "account:write trading" });
    expect((await call(mock, "GET", "/v2/account", { headers: bearer(first.json.access_token) })).status).toBe(200);

    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: "invalid_grant", error_description: expect.stringMatching(/already been used/) });
    expect((await call(mock, "GET", "/v2/account", { headers: bearer(first.json.access_token) })).status).toBe(401);
  });

  it("PKCE: a wrong or missing code_verifier gets invalid_grant; the right one works", async () => {
    const { mock, clientId, exchange } = await connect();
    const verifier = "x".repeat(43);
    const authorize = async () =>
      authorizeCode(mock, "/oauth/authorize", { client_id: clientId, redirect_uri: REDIRECT, code_challenge: await challengeOf(verifier), code_challenge_method: "S256" });
    const wrong = await exchange(await authorize(), { code_verifier: "y".repeat(43) });
    expect(wrong.json).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/does not match the code challenge/) });
    const missing = await exchange(await authorize());
    expect(missing.json).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/code_verifier is required/) });
    expect((await exchange(await authorize(), { code_verifier: verifier })).status).toBe(200);
  });

  it("a code is bound to its redirect URI and client, and expires", async () => {
    const clock = manualClock();
    const { mock, clientId, exchange } = await connect({ now: clock.now, codeTtlSeconds: 60, redirectUris: [REDIRECT, "http://localhost/other"] });
    const code = () => authorizeCode(mock, "/oauth/authorize", { client_id: clientId, redirect_uri: REDIRECT });
    expect((await exchange(await code(), { redirect_uri: "http://localhost/other" })).json.error_description).toMatch(/redirect URI does not match/);
    const late = await code();
    clock.advance(60_000);
    expect((await exchange(late)).json).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/expired/) });
    expect((await exchange(await code(), { client_secret: "wrong" })).status).toBe(401);
  });

  it("access tokens expire when accessTokenTtlSeconds is set", async () => {
    const clock = manualClock();
    const { mock, clientId, exchange } = await connect({ now: clock.now, accessTokenTtlSeconds: 3600 });
    const { json } = await exchange(await authorizeCode(mock, "/oauth/authorize", { client_id: clientId, redirect_uri: REDIRECT }));
    clock.advance(3_599_000);
    expect((await call(mock, "GET", "/v2/account", { headers: bearer(json.access_token) })).status).toBe(200);
    clock.advance(1_000);
    const expired = await call(mock, "GET", "/v2/account", { headers: bearer(json.access_token) });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ code: 40110000, message: "request is not authorized" });
  });
});

describe("Broker OAuth and authx", () => {
  it("needs the broker key (plain-text 401 otherwise) and a registered redirect URI (422)", async () => {
    const mock = await start("alpaca");
    const c = mock.credentials as Record<string, string>;
    const body = { client_id: c.clientId, client_secret: c.clientSecret, redirect_uri: REDIRECT, scope: "general", account_id: "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415" };
    const wrongKey = await call(mock, "POST", "/v1/oauth/token", { headers: basic(c.brokerKey!, "nope"), json: body });
    expect([wrongKey.status, wrongKey.headers.get("content-type")]).toEqual([401, "text/plain"]);
    const badRedirect = await call(mock, "POST", "/v1/oauth/token", { headers: basic(c.brokerKey!, c.brokerSecret!), json: { ...body, redirect_uri: "https://evil.example" } });
    expect([badRedirect.status, badRedirect.text]).toEqual([422, "Redirect URI or scope is invalid"]);
  });

  it("authx: client_secret_post works, a wrong secret is invalid_client, expires_in follows the option", async () => {
    const mock = await start("alpaca", { accessTokenTtlSeconds: 120 });
    const c = mock.credentials as Record<string, string>;
    const ok = await call(mock, "POST", "/v1/oauth2/token", { form: { grant_type: "client_credentials", client_id: c.authxClientId!, client_secret: c.authxClientSecret! } });
    expect(ok.json).toMatchObject({ expires_in: 120, token_type: "Bearer" });
    const wrong = await call(mock, "POST", "/v1/oauth2/token", { form: { grant_type: "client_credentials", client_id: c.authxClientId!, client_secret: "wrong" } });
    expect([wrong.status, wrong.json]).toEqual([401, { error: "invalid_client" }]);
  });
});
