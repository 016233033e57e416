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
const PLANTED = [PASSWORD, SEC, CODE, CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, TICKET];

const credentials = { name: "jdoe_trader", password: PASSWORD, cid: "1234", sec: SEC };
const exchange = { code: CODE, clientId: "4127", clientSecret: CLIENT_SECRET, redirectUri: "https://app.example.com/cb" };
const echo = `you sent password ${PASSWORD}, sec ${SEC}, code ${CODE}, client secret ${CLIENT_SECRET}, refresh ${REFRESH_TOKEN}, token ${ACCESS_TOKEN}`;

function expectNoSecrets(error: unknown, type: abstract new (...args: never[]) => unknown) {
  expect(error).toBeInstanceOf(type);
  for (const shown of [String(error), JSON.stringify(error), inspect(error), inspect(error, { depth: 5, showHidden: false })]) {
    for (const secret of PLANTED) expect(shown).not.toContain(secret);
  }
}

describe("errors never print the secrets a request carried", () => {
  const client = () => createTradovateClient({ retry: false });

  it("errorText echoing the password and the API secret", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, { errorText: echo });
    const error = await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e);
    expectNoSecrets(error, TradovateError);
    expect((error as TradovateError).errorText).not.toContain(PASSWORD);
  });

  it("an OAuth error_description (HTTP 200) echoing the code and the client secret", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(200, { error: "invalid_grant", error_description: echo });
    expectNoSecrets(await exchangeTradovateCode(client(), exchange).catch((e: unknown) => e), OAuthError);
  });

  it("an OAuth error echoing the refresh token", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(400, { error: "invalid_grant", error_description: echo });
    const refresh = { refreshToken: REFRESH_TOKEN, clientId: "4127", clientSecret: CLIENT_SECRET };
    expectNoSecrets(await refreshTradovateToken(client(), refresh).catch((e: unknown) => e), OAuthError);
  });

  it("an error status whose plain-text body echoes the request", async () => {
    nock(DEMO).post("/v1/auth/oauthtoken").reply(400, echo, { "Content-Type": "text/plain" });
    expectNoSecrets(await exchangeTradovateCode(client(), exchange).catch((e: unknown) => e), ApiError);
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(401, echo);
    expectNoSecrets(await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e), ApiError);
  });

  it("a 200 that is not JSON (a proxy page) echoing the password", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, `<html>${echo}</html>`, { "Content-Type": "text/html" });
    expectNoSecrets(await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e), InvalidResponseError);
  });

  it("a renewal refused with the token echoed", async () => {
    nock(DEMO).get("/v1/auth/renewaccesstoken").reply(200, { errorText: echo });
    expectNoSecrets(await renewTradovateAccessToken(client(), ACCESS_TOKEN).catch((e: unknown) => e), TradovateError);
  });

  it("a penalty ticket", async () => {
    vi.useFakeTimers();
    try {
      nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, { "p-ticket": TICKET, "p-time": 10, "p-captcha": true });
      expectNoSecrets(await requestTradovateAccessToken(client(), credentials).catch((e: unknown) => e), PenaltyTicketError);
    } finally {
      vi.useRealTimers();
    }
  });
});
