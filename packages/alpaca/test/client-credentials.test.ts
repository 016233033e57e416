import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, InvalidResponseError, createAlpacaClient, issueClientCredentialsToken } from "../src/index.js";

const nock = useNock();
afterEach(() => vi.useRealTimers());

describe("issueClientCredentialsToken", () => {
  it.each([
    ["sandbox", "https://authx.sandbox.alpaca.markets"],
    ["production", "https://authx.alpaca.markets"],
  ] as const)("posts client_secret_post to the %s authx host and computes expiry from receipt time", async (environment, host) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T10:00:00Z"));
    let form: Record<string, string> = {};
    let authorization: string | undefined;
    nock(host)
      .post("/v1/oauth2/token")
      .reply(function (_uri, body) {
        form = Object.fromEntries(new URLSearchParams(body as string));
        authorization = this.req.headers.authorization;
        return [200, { access_token: "eyJ.client.credentials", expires_in: 900, token_type: "Bearer" }];
      });
    const client = createAlpacaClient({ environment, credentials: { key: "AKBROKER", secret: "broker-secret" } });
    const tokens = await issueClientCredentialsToken(client, { clientId: "cid", clientSecret: "csecret" });
    expect(tokens).toEqual({
      accessToken: "eyJ.client.credentials",
      tokenType: "Bearer",
      expiresIn: 900,
      expiresAt: Date.parse("2026-11-22T10:15:00Z"),
    });
    expect(form).toEqual({ grant_type: "client_credentials", client_id: "cid", client_secret: "csecret" });
    // client_secret_basic is not supported by authx, and the Broker Basic key must not leak here.
    expect(authorization).toBeUndefined();
  });

  it("case 37: a 401 with authx's own error body (no OAuth error_description) is still typed", async () => {
    nock("https://authx.sandbox.alpaca.markets").post("/v1/oauth2/token").reply(401, { error: "invalid_client" });
    const error = await issueClientCredentialsToken(createAlpacaClient(), { clientId: "cid", clientSecret: "bad" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "oauth", error: "invalid_client", status: 401 });
  });

  it("case 25: a 200 without access_token is an invalid response, not a token", async () => {
    nock("https://authx.sandbox.alpaca.markets").post("/v1/oauth2/token").reply(200, { token_type: "Bearer", expires_in: 900 });
    await expect(issueClientCredentialsToken(createAlpacaClient(), { clientId: "cid", clientSecret: "s" })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it("case 20: a 502 HTML page from a proxy is an ApiError with a short snippet", async () => {
    nock("https://authx.sandbox.alpaca.markets")
      .post("/v1/oauth2/token")
      .reply(502, `<html><body>${"Bad gateway ".repeat(100)}</body></html>`, { "Content-Type": "text/html" });
    const error = (await issueClientCredentialsToken(createAlpacaClient(), { clientId: "cid", clientSecret: "s" }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.snippet.length).toBeLessThanOrEqual(201);
    expect(error.message).toContain("HTTP 502");
  });
});
