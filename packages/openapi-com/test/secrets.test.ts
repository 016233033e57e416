// RELIABILITY.md §9 case 57: no error rendering shows a secret. Here the secrets are the API key (and
// the Basic header made from it), the refresh token, and the token itself: /tokens/{token} carries it
// in the path, and it is the Bearer credential for every other openapi.com API.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  OAuthKitError,
  TimeoutError,
  createOpenapiComClient,
  iterateTokens,
  rotateToken,
  unwrap,
} from "../src/index.js";

const nock = useNock();
const SANDBOX = "https://test.oauth.openapi.com";
const email = "dev@example.com";
const apiKey = "oc-api-key-0123456789abcdef";
const token = "656d1e2f8b3c2a001f7e4a12";
const refreshToken = "656d1e2f8b3c2a001f7e4a13";
const secrets = [apiKey, btoa(`${email}:${apiKey}`), token, refreshToken];

const client = (options: { timeoutMs?: number } = {}) => createOpenapiComClient({ credentials: { email, apiKey }, retry: false, ...options });

async function failure(run: () => Promise<unknown>): Promise<OAuthKitError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OAuthKitError);
  return error as OAuthKitError;
}

function expectNoSecrets(error: OAuthKitError): void {
  const renderings = [String(error), JSON.stringify(error), inspect(error), inspect(error, { showHidden: false, depth: 5 }), error.stack ?? ""];
  for (const rendering of renderings) {
    for (const secret of secrets) expect(rendering).not.toContain(secret);
  }
}

describe("error renderings never show a secret", () => {
  it("ApiError from GET /tokens/{token}, with a body echoing the token and the API key", async () => {
    nock(SANDBOX)
      .get(`/tokens/${token}`)
      .reply(404, { success: false, message: `Token ${token} not found for key ${apiKey}`, error: 120, data: null });
    const error = await failure(async () => unwrap(await client().GET("/tokens/{token}", { params: { path: { token } } })));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain("GET https://test.oauth.openapi.com/tokens/{token} failed with HTTP 404");
    expect(error.url).toBe("https://test.oauth.openapi.com/tokens/{token}");
    expectNoSecrets(error);
  });

  it("ApiError from DELETE /tokens/{token}", async () => {
    nock(SANDBOX).delete(`/tokens/${token}`).reply(404, { success: false, message: "Not Found", error: 180, data: null });
    const error = await failure(async () => unwrap(await client().DELETE("/tokens/{token}", { params: { path: { token } } })));
    expect(error).toMatchObject({ status: 404, method: "DELETE" });
    expectNoSecrets(error);
  });

  it("ApiError from a rotation whose body echoes the refresh token", async () => {
    nock(SANDBOX)
      .patch(`/tokens/${token}`)
      .reply(401, { success: false, message: `Unauthorized: refresh ${refreshToken} is spent`, error: 130, data: null });
    const error = await failure(() => rotateToken(client(), { token, refreshToken, persist: () => {} }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).snippet).toContain("[redacted]");
    expectNoSecrets(error);
  });

  it("TimeoutError from GET /tokens/{token}", async () => {
    nock(SANDBOX).get(`/tokens/${token}`).delay(500).reply(200, {});
    const error = await failure(() => client({ timeoutMs: 30 }).GET("/tokens/{token}", { params: { path: { token } } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.url).toBe("https://test.oauth.openapi.com/tokens/{token}");
    expectNoSecrets(error);
  });

  it("ConnectionError from a rotation", async () => {
    nock(SANDBOX).patch(`/tokens/${token}`).replyWithError(Object.assign(new Error(`socket hang up ${token}`), { code: "ECONNRESET" }));
    const error = await failure(() => rotateToken(client(), { token, refreshToken, persist: () => {} }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain("PATCH https://test.oauth.openapi.com/tokens/{token}");
    expectNoSecrets(error);
  });

  it("InvalidResponseError for an HTML page echoing the token", async () => {
    nock(SANDBOX).get(`/tokens/${token}`).reply(200, `<html>${token}</html>`, { "Content-Type": "text/html" });
    const error = await failure(() => client().GET("/tokens/{token}", { params: { path: { token } } }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expectNoSecrets(error);
  });

  it("InvalidResponseError from a rotation answered without a refresh token", async () => {
    nock(SANDBOX).patch(`/tokens/${token}`).reply(200, { token: "656d1e2f8b3c2a001f7e4a30" });
    const error = await failure(() => rotateToken(client(), { token, refreshToken, persist: () => {} }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expectNoSecrets(error);
    expect(String(error)).not.toContain("656d1e2f8b3c2a001f7e4a30");
  });

  it("ApiError from a token list page that echoes the key", async () => {
    nock(SANDBOX).get("/tokens").query(true).reply(422, { success: false, message: `Invalid Token Format ${apiKey}`, error: 60, data: null });
    const error = await failure(async () => {
      for await (const item of iterateTokens(client())) void item;
    });
    expect(error).toBeInstanceOf(ApiError);
    expectNoSecrets(error);
  });
});
