// What the mock forgets so that memory stays flat: issued tokens, codes and grants beyond maxIssuedTokens
// (oldest first, a refreshing grant counting as used), expired tokens and codes 10 minutes after expiry on
// the mock's clock, grants nothing needs; and what it must not forget: a reused refresh token still
// revokes its grant. Counted through the public state; nothing here is timed.
import { describe, expect, it } from "vitest";
import { authorizeCode, basic, bearer, call, manualClock, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";
const MINUTE = 60_000;

/** Alpaca Connect: authorize (auto-approved), exchange, and the first call with the token. */
async function alpacaConnect(options: Parameters<typeof start<"alpaca">>[1] = {}) {
  const mock = await start("alpaca", { autoApprove: true, ...options });
  const { clientId, clientSecret } = mock.credentials as Record<string, string>;
  const connect = async (): Promise<string> => {
    const code = await authorizeCode(mock, "/oauth/authorize", { client_id: clientId!, redirect_uri: REDIRECT });
    const form = { grant_type: "authorization_code", code, client_id: clientId!, client_secret: clientSecret!, redirect_uri: REDIRECT };
    const exchanged = await call(mock, "POST", "/oauth/token", { form });
    expect(exchanged.status).toBe(200);
    return exchanged.json.access_token as string;
  };
  const account = (token: string) => call(mock, "GET", "/v2/account", { headers: bearer(token) });
  return { mock, connect, account };
}

/** Tradovate OAuth: a code flow that returns the tokens, and refresh-token rotation. */
async function tradovateOAuth(options: Parameters<typeof start<"tradovate">>[1] = {}) {
  const mock = await start("tradovate", { autoApprove: true, ...options });
  const c = mock.credentials as Record<string, string>;
  const token = async (form: Record<string, string>) =>
    (await call(mock, "POST", "/auth/oauthtoken", { form: { client_id: c.clientId!, client_secret: c.clientSecret!, ...form } })).json;
  const grant = async () => {
    const code = await authorizeCode(mock, "/oauth", { client_id: c.clientId!, redirect_uri: REDIRECT });
    return token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
  };
  const refresh = (refreshToken: string) => token({ grant_type: "refresh_token", refresh_token: refreshToken });
  const me = async (accessToken: string) => {
    const reply = await call(mock, "GET", "/auth/me", { headers: bearer(accessToken) });
    return { status: reply.status, body: reply.json ?? reply.text };
  };
  return { mock, grant, refresh, me };
}

describe("maxIssuedTokens", () => {
  it("keeps at most that many tokens, codes and grants: the newest still work, the oldest get the provider's error", async () => {
    const { mock, connect, account } = await alpacaConnect({ maxIssuedTokens: 3 });
    const tokens: string[] = [];
    for (let i = 0; i < 7; i++) {
      tokens.push(await connect());
      expect(mock.state.tokens.size).toBeLessThanOrEqual(3);
      expect(mock.state.codes.size).toBeLessThanOrEqual(3);
      expect(mock.state.grants.size).toBeLessThanOrEqual(3);
    }
    expect([...mock.state.tokens.keys()]).toEqual(tokens.slice(-3));
    for (const token of tokens.slice(-3)) expect((await account(token)).status).toBe(200);
    const forgotten = await account(tokens[0]!);
    expect([forgotten.status, forgotten.json]).toEqual([401, { code: 40110000, message: "request is not authorized" }]);
  });

  it("defaults to 10 000 and refuses a bound below 1", async () => {
    const { mock, connect } = await alpacaConnect();
    for (let i = 0; i < 20; i++) await connect();
    expect(mock.state.tokens.size).toBe(20);
    await expect(start("alpaca", { maxIssuedTokens: 0 })).rejects.toThrow(/maxIssuedTokens must be at least 1/);
  });
});

describe("expiry", () => {
  it("an expired token and its code and grant are forgotten 10 minutes (of the mock's clock) after expiry", async () => {
    const clock = manualClock();
    const { mock, connect, account } = await alpacaConnect({ now: clock.now, accessTokenTtlSeconds: 60, codeTtlSeconds: 60 });
    const token = await connect();
    clock.advance(MINUTE);
    // Within the grace the token is still known, and refused as expired.
    expect((await account(token)).status).toBe(401);
    expect(mock.state.tokens.has(token)).toBe(true);
    expect([mock.state.codes.size, mock.state.grants.size]).toEqual([1, 1]);
    clock.advance(10 * MINUTE);
    const forgotten = await account(token);
    expect([forgotten.status, forgotten.json]).toEqual([401, { code: 40110000, message: "request is not authorized" }]);
    expect([mock.state.tokens.size, mock.state.codes.size, mock.state.grants.size]).toEqual([0, 0, 0]);
  });

  it("sweeps are amortised: many expired tokens are gone within records/16 requests", async () => {
    const clock = manualClock();
    const mock = await start("alpaca", { now: clock.now });
    const { authxClientId, authxClientSecret } = mock.credentials;
    const issue = async () => {
      const form = { grant_type: "client_credentials", client_id: authxClientId!, client_secret: authxClientSecret! };
      expect((await call(mock, "POST", "/v1/oauth2/token", { form })).status).toBe(200);
    };
    for (let i = 0; i < 40; i++) await issue();
    expect(mock.state.tokens.size).toBe(40);
    clock.advance(15 * MINUTE + 10 * MINUTE);
    // 40 expired + 3 new records: a sweep runs at least every floor(43 / 16) = 2 requests.
    for (let i = 0; i < 3; i++) await issue();
    expect(mock.state.tokens.size).toBe(3);
  });
});

describe("reuse detection after eviction", () => {
  it("a grant that keeps refreshing outlives older ones, and a reused refresh token still revokes it", async () => {
    const { mock, grant, refresh, me } = await tradovateOAuth({ maxIssuedTokens: 4 });
    const active = await grant();
    const others = [await grant(), await grant(), await grant()];
    // Rotations use the active grant (it becomes the most recent) and issue tokens that evict older ones.
    let current = active;
    const usedRefreshTokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      usedRefreshTokens.push(current.refresh_token);
      current = await refresh(current.refresh_token);
      expect(current.access_token).toEqual(expect.any(String));
    }
    // One more grant: the bound forgets the least recently used one, not the active grant.
    await grant();
    expect(mock.state.grants.size).toBeLessThanOrEqual(4);
    expect(mock.state.tokens.size).toBeLessThanOrEqual(4);
    expect((await refresh(others[0]!.refresh_token)).error_description).toBe("The refresh token is invalid.");
    expect((await me(others[0]!.access_token)).status).toBe(401);
    expect((await me(current.access_token)).status).toBe(200);

    const reused = await refresh(usedRefreshTokens.at(-1)!);
    expect(reused).toEqual({ error: "invalid_grant", error_description: "The refresh token was already used; the grant is revoked." });
    expect(await me(current.access_token)).toEqual({ status: 200, body: { errorText: "Access is denied" } });
    expect((await refresh(current.refresh_token)).error).toBe("invalid_grant");
  });

  it("used refresh tokens are bounded too: at most maxIssuedTokens over all grants", async () => {
    const { mock, grant, refresh } = await tradovateOAuth({ maxIssuedTokens: 3 });
    let current = await grant();
    for (let i = 0; i < 10; i++) current = await refresh(current.refresh_token);
    const remembered = [...mock.state.grants.values()].reduce((total, g) => total + g.usedRefreshTokens.size, 0);
    expect(remembered).toBeLessThanOrEqual(3);
  });
});

describe("a provider's own issued tokens", () => {
  it("openapi.com: used refresh tokens are bounded, the newest still detect reuse; the account's tokens are kept", async () => {
    const mock = await start("openapi-com", { maxIssuedTokens: 3 });
    const headers = basic(mock.credentials.email!, mock.credentials.apiKey!);
    const created = await Promise.all(
      ["a", "b"].map(async (name) => (await call(mock, "POST", "/tokens", { headers, json: { name, scopes: ["GET:company.openapi.com/IT-start"] } })).json),
    );
    const rotate = async (token: { token: string; refreshToken: string }) =>
      (await call(mock, "PATCH", `/tokens/${token.token}`, { headers: bearer(token.refreshToken), json: {} })).json;
    let current = created[0];
    let previous = current;
    for (let i = 0; i < 6; i++) [previous, current] = [current, await rotate(current)];
    expect(mock.state.usedRefreshTokens.size).toBe(3);
    expect(mock.state.apiTokens.size).toBe(2);
    expect((await rotate(previous)).error).toBe(130);
    expect((await call(mock, "GET", `/tokens/${current.token}`, { headers })).status).toBe(404);
    expect((await call(mock, "GET", `/tokens/${created[1].token}`, { headers })).status).toBe(200);
  });
});
