// Tradovate behaviour: errors with HTTP 200, at most two sessions (a third closes the oldest), renewal,
// expiry, penalty tickets, and /auth/oauthtoken with PKCE and refresh-token rotation with reuse detection.
import { describe, expect, it } from "vitest";
import { authorizeCode, bearer, call, challengeOf, manualClock, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";

describe("access-token sessions", () => {
  it("a third session closes the oldest, whose token is then denied", async () => {
    const mock = await start("tradovate");
    const c = mock.credentials as Record<string, string>;
    const login = async () => (await call(mock, "POST", "/auth/accesstokenrequest", { json: { name: c.name, password: c.password } })).json.accessToken as string;
    const [first, second, third] = [await login(), await login(), await login()];
    expect((await call(mock, "GET", "/auth/me", { headers: bearer(first) })).json).toEqual({ errorText: "Access is denied" });
    for (const token of [second, third]) expect((await call(mock, "GET", "/auth/me", { headers: bearer(token) })).json.userId).toBe(2456789);
  });

  it("wrong credentials: errorText with HTTP 200; an expired token: 401; renewal keeps the session", async () => {
    const clock = manualClock();
    const mock = await start("tradovate", { now: clock.now });
    const c = mock.credentials as Record<string, string>;
    const refused = await call(mock, "POST", "/auth/accesstokenrequest", { json: { name: c.name, password: "wrong" } });
    expect([refused.status, refused.json]).toEqual([200, { errorText: "Incorrect username or password. Please try again." }]);

    const session = await call(mock, "POST", "/auth/accesstokenrequest", { json: { name: c.name, password: c.password } });
    expect(Date.parse(session.json.expirationTime) - clock.now()).toBe(80 * 60_000);
    clock.advance(70 * 60_000);
    const renewed = await call(mock, "GET", "/auth/renewaccesstoken", { headers: bearer(session.json.accessToken) });
    expect(mock.state.user.sessions).toEqual([renewed.json.accessToken]);
    clock.advance(11 * 60_000);
    const expired = await call(mock, "GET", "/auth/me", { headers: bearer(session.json.accessToken) });
    expect([expired.status, expired.text]).toEqual([401, ""]);
    expect((await call(mock, "GET", "/auth/me", { headers: bearer(renewed.json.accessToken) })).status).toBe(200);
  });

  it("penalty ticket: p-ticket and p-time with HTTP 200; resent early it is repeated, resent in time it is honoured", async () => {
    const clock = manualClock();
    const mock = await start("tradovate", { now: clock.now, penaltyTickets: 1, penaltySeconds: 15 });
    const c = mock.credentials as Record<string, string>;
    const body = { name: c.name, password: c.password, appId: "App" };
    const ticket = await call(mock, "POST", "/auth/accesstokenrequest", { json: body });
    expect(ticket.json).toEqual({ "p-ticket": expect.any(String), "p-time": 15 });
    clock.advance(5_000);
    const early = await call(mock, "POST", "/auth/accesstokenrequest", { json: { ...body, "p-ticket": ticket.json["p-ticket"] } });
    expect(early.json).toEqual({ "p-ticket": ticket.json["p-ticket"], "p-time": 10 });
    const otherBody = await call(mock, "POST", "/auth/accesstokenrequest", { json: { ...body, appId: "Other", "p-ticket": ticket.json["p-ticket"] } });
    expect(otherBody.json).toEqual({ errorText: "Invalid p-ticket" });
    clock.advance(10_000);
    const honoured = await call(mock, "POST", "/auth/accesstokenrequest", { json: { ...body, "p-ticket": ticket.json["p-ticket"] } });
    expect(honoured.json.accessToken).toEqual(expect.any(String));
  });
});

describe("OAuth /auth/oauthtoken", () => {
  async function codeFlow() {
    const mock = await start("tradovate", { autoApprove: true });
    const c = mock.credentials as Record<string, string>;
    const token = (form: Record<string, string>) => call(mock, "POST", "/auth/oauthtoken", { form: { client_id: c.clientId!, client_secret: c.clientSecret!, ...form } });
    return { mock, c, token };
  }

  it("a wrong PKCE verifier is invalid_grant with HTTP 200", async () => {
    const { mock, c, token } = await codeFlow();
    const code = await authorizeCode(mock, "/oauth", { client_id: c.clientId!, redirect_uri: REDIRECT, code_challenge: await challengeOf("v".repeat(43)), code_challenge_method: "S256" });
    const wrong = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: "w".repeat(43) });
    expect([wrong.status, wrong.json.error]).toEqual([200, "invalid_grant"]);
  });

  it("refresh tokens rotate; reusing an old one revokes the grant (and its access tokens)", async () => {
    const { mock, c, token } = await codeFlow();
    const code = await authorizeCode(mock, "/oauth", { client_id: c.clientId!, redirect_uri: REDIRECT });
    const issued = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: issued.json.refresh_token });
    expect(refreshed.json.refresh_token).not.toBe(issued.json.refresh_token);
    expect((await call(mock, "GET", "/auth/me", { headers: bearer(refreshed.json.access_token) })).json.userId).toBe(2456789);

    const reused = await token({ grant_type: "refresh_token", refresh_token: issued.json.refresh_token });
    expect([reused.status, reused.json]).toEqual([200, { error: "invalid_grant", error_description: expect.stringMatching(/already used; the grant is revoked/) }]);
    expect((await call(mock, "GET", "/auth/me", { headers: bearer(refreshed.json.access_token) })).json).toEqual({ errorText: "Access is denied" });
    expect((await token({ grant_type: "refresh_token", refresh_token: refreshed.json.refresh_token })).json.error).toBe("invalid_grant");
  });
});
