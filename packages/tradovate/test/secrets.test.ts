// Case 57: no error shows a password, an API secret, a token, a code or a client secret, even when the
// server echoes them back.
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  InvalidResponseError,
  OAuthError,
  PenaltyTicketError,
  TradovateError,
  createTradovateClient,
  exchangeTradovateCode,
  refreshTradovateToken,
  renewTradovateAccessToken,
  requestTradovateAccessToken,
} from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";
const PASSWORD = "Pl4nted-Password-91";
const SEC = "sec-5a1f3c7e-planted-9b2d";
const CODE = "code-8f3c1e9a-planted";
const CLIENT_SECRET = "client-secret-0b1c-planted";
const REFRESH_TOKEN = "rt-planted-2f7a9c41";
const ACCESS_TOKEN = "at-planted-Vb3oL9yq";
const TICKET = "ticket-planted-7c1d5a0e";

const credentials = { name: "jdoe_trader", password: PASSWORD, cid: "1234", sec: SEC };
const exchange = { code: CODE, clientId: "4127", clientSecret: CLIENT_SECRET, redirectUri: "https://app.example.com/cb" };
/** A server message that repeats the request's secrets in free text, where no field name gives them away. */
const echo = (...secrets: string[]) => `you sent ${secrets.join(" and ")}, which is wrong`;

function expectNoSecrets(error: unknown, type: abstract new (...args: never[]) => unknown, secrets: string[]) {
  expect(error).toBeInstanceOf(type);
  for (const shown of [String(error), JSON.stringify(error), inspect(error)]) {
    for (const secret of secrets) expect(shown).not.toContain(secret);
  }
}

describe("errors never print the secrets a request carried", () => {
  const client = () => createTradovateClient({ retry: false });

  it("errorText echoing the password and the API secret", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, { errorText: echo(PASSWORD, SEC) });
    const error = await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e);
    expectNoSecrets(error, TradovateError, [PASSWORD, SEC]);
    expect((error as TradovateError).errorText).not.toContain(PASSWORD);
  });

  it("an OAuth error_description (HTTP 200) echoing the code and the client secret", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(200, { error: "invalid_grant", error_description: echo(CODE, CLIENT_SECRET) });
    expectNoSecrets(await exchangeTradovateCode(client(), exchange).catch((e: unknown) => e), OAuthError, [CODE, CLIENT_SECRET]);
  });

  it("an OAuth error echoing the refresh token", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(400, { error: "invalid_grant", error_description: echo(REFRESH_TOKEN, CLIENT_SECRET) });
    const refresh = { refreshToken: REFRESH_TOKEN, clientId: "4127", clientSecret: CLIENT_SECRET };
    const error = await refreshTradovateToken(client(), refresh).catch((e: unknown) => e);
    expectNoSecrets(error, OAuthError, [REFRESH_TOKEN, CLIENT_SECRET]);
  });

  it("an error status whose plain-text body echoes the request", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(400, echo(CODE, CLIENT_SECRET), { "Content-Type": "text/plain" });
    expectNoSecrets(await exchangeTradovateCode(client(), exchange).catch((e: unknown) => e), ApiError, [CODE, CLIENT_SECRET]);
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(401, echo(PASSWORD, SEC));
    expectNoSecrets(await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e), ApiError, [PASSWORD, SEC]);
  });

  it("a 200 that is not JSON (a proxy page) echoing the password", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, `<html>${echo(PASSWORD, SEC)}</html>`, { "Content-Type": "text/html" });
    const error = await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e);
    expectNoSecrets(error, InvalidResponseError, [PASSWORD, SEC]);
  });

  it("a renewal refused with the token echoed", async () => {
    nock(DEMO).get("/v1/auth/renewaccesstoken").reply(200, { errorText: echo(ACCESS_TOKEN) });
    expectNoSecrets(await renewTradovateAccessToken(client(), ACCESS_TOKEN).catch((e: unknown) => e), TradovateError, [ACCESS_TOKEN]);
  });

  it("a penalty ticket", async () => {
    vi.useFakeTimers();
    try {
      nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, { "p-ticket": TICKET, "p-time": 10, "p-captcha": true });
      const error = await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e);
      expectNoSecrets(error, PenaltyTicketError, [TICKET, PASSWORD, SEC]);
    } finally {
      vi.useRealTimers();
    }
  });
});
