// The ApiError family and unwrap(): status, typed body, request id, method, URL without query, attempt
// count, kinds, retryAfterMs; OAuth error bodies through tokenFromResult (cases 34-38); safe rendering.

import { inspect } from "node:util";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  ConfigError,
  ConnectionError,
  InvalidResponseError,
  OAuthError,
  OAuthKitError,
  RedirectError,
  TimeoutError,
  apiErrorFrom,
  basic,
  redact,
  tokenFromResult,
  unwrap,
} from "../src/index.js";
import { BASE, fixtureClient } from "./fixtures.js";

const nock = useNock();

const client = fixtureClient({ credentials: { BasicAuth: basic("err-user", "err-password-1") }, retry: false });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.unreachable("expected a throw");
}

const tokenBody = { grant_type: "authorization_code" as const, code: "code-err-1", code_verifier: "v".repeat(43), redirect_uri: "https://app.example/cb", client_id: "cid" };

describe("unwrap()", () => {
  it("returns the data of a 2xx", async () => {
    nock(BASE).get("/items").reply(200, { items: [{ id: "1", name: "one" }] });
    const items = unwrap(await client.GET("/items"));
    expect(items).toEqual({ items: [{ id: "1", name: "one" }] });
    // typed: this line would not compile if unwrap returned unknown
    expect(items.items[0]!.name).toBe("one");
  });

  it("throws an ApiError with status, parsed body, request id, method, URL without query and attempts", async () => {
    nock(BASE).get("/items").query(true).reply(404, { message: "no such list" }, { "x-request-id": "req-abc-123" });
    const result = await client.GET("/items", { params: { query: { q: "x", access_token: "query-secret-123" } } });
    const error = thrown(() => unwrap(result)) as ApiError<{ message: string }>;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(OAuthKitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ApiError");
    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ message: "no such list" });
    expect(error.requestId).toBe("req-abc-123");
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${BASE}/items`);
    expect(error.attempts).toBe(1);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe(`GET ${BASE}/items failed with HTTP 404: {"message":"no such list"}`);
    expect(String(error)).toBe(`ApiError: GET ${BASE}/items failed with HTTP 404: {"message":"no such list"}`);
    expect(JSON.stringify(error)).not.toContain("query-secret-123");
  });

  it.each([
    ["request-id", "rid-1"],
    ["x-amzn-requestid", "amzn-2"],
    ["x-correlation-id", "corr-3"],
    ["cf-ray", "ray-4"],
  ])("reads the request id from %s", async (header, value) => {
    nock(BASE).get("/items").reply(500, {}, { [header]: value });
    const result = await client.GET("/items");
    expect((thrown(() => unwrap(result)) as ApiError).requestId).toBe(value);
  });

  it("truncates an oversized request id to 128 characters", async () => {
    nock(BASE).get("/items").reply(500, {}, { "x-request-id": "r".repeat(500) });
    const result = await client.GET("/items");
    expect((thrown(() => unwrap(result)) as ApiError).requestId).toBe("r".repeat(128));
  });

  it.each([
    [400, "http"],
    [401, "auth"],
    [403, "auth"],
    [404, "http"],
    [409, "http"],
    [429, "rate_limit"],
    [500, "http"],
    [503, "http"],
  ] as const)("status %i is kind %s", async (status, kind) => {
    nock(BASE).get("/items").reply(status, {});
    const result = await client.GET("/items");
    expect((thrown(() => unwrap(result)) as ApiError).kind).toBe(kind);
  });

  it.each([
    [429, { "retry-after": "7" }, 7000],
    [429, { "retry-after-ms": "250" }, 250],
    [503, { "retry-after": "3" }, 3000],
    [429, { "retry-after": "nonsense" }, undefined],
    [500, { "retry-after": "3" }, undefined],
  ] as const)("status %i with %j surfaces retryAfterMs %s", async (status, headers, expected) => {
    nock(BASE).get("/items").reply(status, {}, headers);
    const result = await client.GET("/items");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error.retryAfterMs).toBe(expected);
    if (expected !== undefined) expect(error.toJSON().retryAfterMs).toBe(expected);
  });

  it("keeps the raw body off JSON and inspect output, showing a redacted snippet instead", async () => {
    nock(BASE).get("/items").reply(400, { message: "bad", access_token: "at-echoed-secret-1", nested: { refresh_token: "rt-echoed-secret-1" } });
    const result = await client.GET("/items");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(Object.keys(error)).not.toContain("body");
    expect(error.toJSON()).toEqual({
      name: "ApiError",
      kind: "http",
      message: `GET ${BASE}/items failed with HTTP 400: {"message":"bad","access_token":"[redacted]","nested":{"refresh_token":"[redacted]"}}`,
      method: "GET",
      url: `${BASE}/items`,
      attempts: 1,
      status: 400,
      snippet: '{"message":"bad","access_token":"[redacted]","nested":{"refresh_token":"[redacted]"}}',
    });
    expect(inspect(error, { depth: 10 })).toBe(`ApiError ${JSON.stringify(error.toJSON(), null, 2)}`);
    // the caller can still read the body it asked for
    expect((error.body as { access_token: string }).access_token).toBe("at-echoed-secret-1");
  });

  it("apiErrorFrom works on a response that did not come through an oauth-kit client", () => {
    const error = apiErrorFrom(new Response("{}", { status: 418, headers: { "request-id": "tea" } }), { message: "teapot" });
    expect(error.status).toBe(418);
    expect(error.requestId).toBe("tea");
    expect(error.attempts).toBeUndefined();
    expect(error.method).toBeUndefined();
    expect(error.message).toBe('request failed with HTTP 418: {"message":"teapot"}');
  });
});

describe("snippets (case 36)", () => {
  it("case 36: a long body is cut to 200 characters plus an ellipsis", async () => {
    nock(BASE).get("/items").reply(500, "E".repeat(5000), { "content-type": "text/plain" });
    const result = await client.GET("/items");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error.snippet).toBe(`${"E".repeat(200)}…`);
  });

  it("case 36: control characters are escaped and whitespace collapsed to one line", async () => {
    nock(BASE).get("/items").reply(500, "line one\r\n\tline\u001b[31m two\u0007", { "content-type": "text/plain" });
    const result = await client.GET("/items");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error.snippet).toBe("line one line\\u001b[31m two\\u0007");
  });

  it("case 36: a very long, odd error_description is truncated and escaped in the OAuthError message", async () => {
    const description = `bad\u001b[2J\u0000 ${"é".repeat(400)}\nEND`;
    nock(BASE).post("/oauth/token").reply(400, { error: "invalid_grant", error_description: description });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => tokenFromResult(result)) as OAuthError;
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.errorDescription).toBe(description);
    const shown = `bad\\u001b[2J\\u0000 ${"é".repeat(400)}`.slice(0, 200);
    expect(error.message).toBe(`OAuth error invalid_grant: ${shown}…`);
    expect(error.toJSON().errorDescription).toBe(`${shown}…`);
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe("OAuth error bodies through tokenFromResult (cases 34, 35, 37, 38)", () => {
  it("case 34: 400 invalid_grant on the code exchange is an OAuthError, sent once", async () => {
    nock(BASE).post("/oauth/token").reply(400, { error: "invalid_grant", error_description: "code already used" });
    const result = await fixtureClient({}).POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => tokenFromResult(result)) as OAuthError;
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.kind).toBe("oauth");
    expect(error.error).toBe("invalid_grant");
    expect(error.errorDescription).toBe("code already used");
    expect(error.status).toBe(400);
    expect(error.message).toBe("OAuth error invalid_grant: code already used");
  });

  it("case 35: 401 invalid_client with a Basic challenge is a typed OAuthError with status 401", async () => {
    nock(BASE).post("/oauth/token").reply(401, { error: "invalid_client" }, { "www-authenticate": 'Basic realm="oauth"' });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => tokenFromResult(result)) as OAuthError;
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.error).toBe("invalid_client");
    expect(error.status).toBe(401);
    expect(result.response.headers.get("www-authenticate")).toBe('Basic realm="oauth"');
    expect(error.challenges).toEqual([{ scheme: "Basic", params: { realm: "oauth" } }]);
  });

  it("case 35: unwrap() of a 401 carries the parsed challenge on the ApiError", async () => {
    nock(BASE)
      .post("/oauth/token")
      .reply(401, "denied", { "content-type": "text/plain", "www-authenticate": 'Bearer realm="api", error="invalid_token"' });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.challenges).toEqual([{ scheme: "Bearer", params: { realm: "api", error: "invalid_token" } }]);
  });

  it.each([
    ["a non-JSON 400", 400, "Bad Request", "text/plain"],
    ["JSON without error", 400, JSON.stringify({ message: "nope" }), "application/json"],
    ["an empty error string", 401, JSON.stringify({ error: "" }), "application/json"],
    ["a 502 HTML page", 502, "<html>gateway</html>", "text/html"],
  ])("case 37: %s is a generic ApiError, not an OAuthError", async (_label, status, body, type) => {
    nock(BASE).post("/oauth/token").reply(status, body, { "content-type": type });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => tokenFromResult(result));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(OAuthError);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).attempts).toBe(1);
  });

  it("case 38: a 200 carrying {error} is an OAuthError, not 'missing access_token'", async () => {
    nock(BASE).post("/oauth/token").reply(200, { error: "invalid_request", error_description: "missing redirect_uri" });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const error = thrown(() => tokenFromResult(result)) as OAuthError;
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.error).toBe("invalid_request");
    expect(error.status).toBe(200);
  });

  it("a valid token response gives a TokenSet", async () => {
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-ok-1", token_type: "BEARER", expires_in: "60", scope: "read" });
    const result = await client.POST("/oauth/token", { body: tokenBody });
    const before = Date.now();
    const tokens = tokenFromResult(result);
    expect(tokens).toMatchObject({ accessToken: "at-ok-1", tokenType: "Bearer", expiresIn: 60, scope: "read" });
    expect(tokens.expiresAt! - before).toBeGreaterThanOrEqual(60_000);
    expect(tokens.expiresAt! - before).toBeLessThan(61_000);
  });
});

describe("every kind", () => {
  it.each([
    [new TimeoutError("t"), "timeout", TimeoutError],
    [new AbortError("a"), "abort", AbortError],
    [new ConnectionError("c", { code: "ECONNRESET" }), "connection", ConnectionError],
    [new RedirectError("r", { status: 302 }), "redirect", RedirectError],
    [new InvalidResponseError("i"), "invalid_response", InvalidResponseError],
    [new ConfigError("x"), "config", ConfigError],
    [new OAuthError({ error: "access_denied" }), "oauth", OAuthError],
    [new ApiError({ status: 429 }), "rate_limit", ApiError],
  ] as const)("%s has kind %s, its own name and the shared base", (error, kind, cls) => {
    expect(error.kind).toBe(kind);
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(OAuthKitError);
    expect(error.name).toBe(cls.name);
    expect(error.toJSON()).toMatchObject({ name: cls.name, kind });
  });

  it("a cause is kept as a masked copy (name, message, code) that is not enumerable, serialised or inspected", () => {
    const cause = Object.assign(new Error("Authorization: Bearer cause-secret-1"), {
      headers: { "x-api-key": "cause-key-1" },
      code: "ECONNRESET",
    });
    const error = new ConnectionError("failed", { cause, code: "ECONNRESET" });
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "Error", message: "Authorization: Bearer [redacted]", code: "ECONNRESET" });
    expect(error.cause).not.toHaveProperty("headers");
    expect(Object.keys(error)).not.toContain("cause");
    expect(JSON.stringify(error)).not.toContain("cause-");
    expect(inspect(error, { depth: 10 })).not.toContain("cause-");
  });
});

describe("redact()", () => {
  it("masks known values, secret-named JSON and form fields, and Bearer/Basic values", () => {
    expect(redact("the key is k-123456 here", ["k-123456"])).toBe("the key is [redacted] here");
    expect(redact('{"client_secret":"cs-1","name":"n"}')).toBe('{"client_secret":"[redacted]","name":"n"}');
    expect(redact("grant_type=authorization_code&code=abc&code_verifier=def&state=s")).toBe(
      "grant_type=authorization_code&code=[redacted]&code_verifier=[redacted]&state=s",
    );
    expect(redact("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer [redacted]");
    expect(redact("authorization: bearer abc.def-ghi")).toBe("authorization: bearer [redacted]");
    expect(redact("Basic dXNlcjpwYXNz")).toBe("Basic [redacted]");
  });
});
