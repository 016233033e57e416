// RELIABILITY.md §9 cases 19-24: bodies that are empty, HTML, truncated, the wrong JSON shape or too
// large become typed errors with a short sanitised snippet, never a SyntaxError from openapi-fetch.

import { Readable } from "node:stream";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, InvalidResponseError, basic, bearer, tokenFromResult, unwrap } from "../src/index.js";
import { BASE, fixtureClient, rejection } from "./fixtures.js";

const nock = useNock();

const client = fixtureClient({
  credentials: { BasicAuth: basic("body-user", "body-password-1"), BearerAuth: bearer("body-bearer-1") },
  retry: false,
});

async function invalid(promise: Promise<unknown>): Promise<InvalidResponseError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect((error as InvalidResponseError).kind).toBe("invalid_response");
  return error as InvalidResponseError;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.unreachable("expected a throw");
}

const PORTAL = `<!DOCTYPE html>\n<html><head><title>Sign in to Hotel WiFi</title></head>\n<body>${"<p>Please accept the terms.</p>\n".repeat(40)}</body></html>`;

describe("case 19: empty bodies", () => {
  it("case 19: 200 with an empty body where JSON is documented is an 'empty response' error", async () => {
    nock(BASE).get("/items").reply(200, "", { "content-type": "application/json" });
    const error = await invalid(client.GET("/items"));
    expect(error.message).toBe("empty response where JSON was expected");
    expect(error.status).toBe(200);
    expect(error.url).toBe(`${BASE}/items`);
  });

  it("case 19: 200 with Content-Length: 0 and no content-type is the same error", async () => {
    nock(BASE).get("/items").reply(200, "", { "content-length": "0" });
    expect((await invalid(client.GET("/items"))).message).toBe("empty response where JSON was expected");
  });

  it("case 19: 204 where the spec documents only a JSON 200 is an 'empty response' error", async () => {
    nock(BASE).get("/items").reply(204);
    const error = await invalid(client.GET("/items"));
    expect(error.message).toBe("empty response (HTTP 204) where JSON was expected");
    expect(error.status).toBe(204);
  });

  it("case 19: a documented 204 is data: undefined", async () => {
    nock(BASE).delete("/items/9").reply(204);
    const result = await client.DELETE("/items/{id}", { params: { path: { id: "9" } } });
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
    expect(unwrap(result)).toBeUndefined();
  });

  it("case 19: an empty error body is an ApiError with an empty snippet", async () => {
    nock(BASE).get("/items").reply(404, "");
    const result = await client.GET("/items");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(404);
    expect(error.snippet).toBe("");
    expect(error.message).toBe(`GET ${BASE}/items failed with HTTP 404`);
  });
});

describe("case 20: a 502 HTML page from a proxy", () => {
  it("case 20: becomes an ApiError with the status and a short single-line snippet, no SyntaxError", async () => {
    nock(BASE).get("/items").reply(502, PORTAL, { "content-type": "text/html" });
    const result = await client.GET("/items");
    expect(result.response.status).toBe(502);
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe("http");
    expect(error.status).toBe(502);
    expect(error.snippet.startsWith("<!DOCTYPE html> <html><head><title>Sign in to Hotel WiFi</title>")).toBe(true);
    expect(error.snippet).toHaveLength(201);
    expect(error.snippet.endsWith("…")).toBe(true);
    expect(error.snippet).not.toContain("\n");
    expect(error.message).toBe(`GET ${BASE}/items failed with HTTP 502: ${error.snippet}`);
    expect(error.body).toBe(PORTAL);
  });

  it("case 20: on a retry-safe GET the 502 is retried before it is handed back", async () => {
    nock(BASE).get("/items").times(3).reply(502, PORTAL, { "content-type": "text/html" });
    const retrying = fixtureClient({ credentials: { BasicAuth: basic("u", "pw-123456") }, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    const result = await retrying.GET("/items");
    const final = thrown(() => unwrap(result)) as ApiError;
    expect(final.attempts).toBe(3);
    expect(final.status).toBe(502);
  });
});

describe("case 21: 200 with HTML or another non-JSON type", () => {
  it("case 21: a captive portal 200 text/html is 'response is not JSON' with a snippet", async () => {
    nock(BASE).get("/items").reply(200, PORTAL, { "content-type": "text/html; charset=utf-8" });
    const error = await invalid(client.GET("/items"));
    expect(error.message).toBe("response is not JSON (content-type text/html; charset=utf-8)");
    expect(error.status).toBe(200);
    expect(error.snippet?.startsWith("<!DOCTYPE html> <html>")).toBe(true);
    expect(error.snippet?.length).toBe(201);
  });

  it("case 21: text/plain on a JSON operation is refused even if it happens to parse", async () => {
    nock(BASE).get("/items").reply(200, "42", { "content-type": "text/plain" });
    expect((await invalid(client.GET("/items"))).message).toBe("response is not JSON (content-type text/plain)");
  });

  it("case 21: a documented text/plain operation is not checked as JSON", async () => {
    nock(BASE).get("/text").reply(200, "hello", { "content-type": "text/plain" });
    const result = await client.GET("/text", { parseAs: "text" });
    expect(result.data).toBe("hello");
  });

  it.each(["application/json; charset=utf-8", "application/problem+json", "application/vnd.api+json", "APPLICATION/JSON"])(
    "case 21: %s counts as JSON",
    async (type) => {
      nock(BASE).get("/items").reply(200, '{"items":[]}', { "content-type": type });
      expect((await client.GET("/items")).data).toEqual({ items: [] });
    },
  );
});

describe("case 22: invalid or truncated JSON", () => {
  it("case 22: '{\"access_token\":' is a parse error wrapped with context", async () => {
    nock(BASE).post("/oauth/token").reply(200, '{"access_token":', { "content-type": "application/json" });
    const error = await invalid(client.POST("/oauth/token", { body: { grant_type: "refresh_token", refresh_token: "rt-22" } }));
    expect(error.message).toBe("response is not valid JSON (malformed or truncated)");
    expect(error.method).toBe("POST");
    expect(error.url).toBe(`${BASE}/oauth/token`);
    expect(error.snippet).toBe('{"access_token":');
    expect(error.attempts).toBe(1);
  });

  it("case 22: a partial token value in a truncated body is redacted in the snippet", async () => {
    nock(BASE).post("/oauth/token").reply(200, '{"access_token":"at-partial-secret-22", "tok', { "content-type": "application/json" });
    const error = await invalid(client.POST("/oauth/token", { body: { grant_type: "refresh_token", refresh_token: "rt-22" } }));
    expect(error.snippet).toBe('{"access_token":"[redacted]", "tok');
    expect(JSON.stringify(error)).not.toContain("at-partial-secret-22");
  });

  it("case 22: no SyntaxError escapes for an operation without metadata either (content-type decides)", async () => {
    nock(BASE).get("/unknown").reply(200, "{oops", { "content-type": "application/json" });
    const raw = client as unknown as { GET(path: string): Promise<unknown> };
    expect((await invalid(raw.GET("/unknown"))).message).toBe("response is not valid JSON (malformed or truncated)");
  });
});

describe("case 23: JSON whose top level is not an object", () => {
  it.each([null, [], "x", 42])("case 23: %j passes the transport (valid JSON) but is an invalid token response", async (body) => {
    nock(BASE).post("/oauth/token").reply(200, JSON.stringify(body), { "content-type": "application/json" });
    const result = await client.POST("/oauth/token", { body: { grant_type: "refresh_token", refresh_token: "rt-23" } });
    expect(result.data).toEqual(body);
    const error = thrown(() => tokenFromResult(result)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/^Token response must be a JSON object, got /);
    expect(error.status).toBe(200);
  });
});

describe("case 24: very large responses", () => {
  it("case 24: a 20 MB body with Content-Length is refused before it is read", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, " ");
    nock(BASE).get("/items").reply(200, big, { "content-type": "application/json", "content-length": String(big.length) });
    const error = await invalid(client.GET("/items"));
    expect(error.message).toBe("response body of 20971520 bytes exceeds the 1048576-byte limit");
    expect(error.status).toBe(200);
  });

  it("case 24: a chunked 20 MB body without Content-Length stops at the cap (endless: see the real-server test)", async () => {
    let chunks = 320;
    const stream = new Readable({
      read() {
        this.push(chunks-- > 0 ? Buffer.alloc(64 * 1024, "a") : null);
      },
    });
    nock(BASE).get("/items").reply(200, () => stream, { "content-type": "application/json" });
    const capped = fixtureClient({ credentials: { BasicAuth: basic("u", "pw-123456") }, maxResponseBytes: 256 * 1024, retry: false });
    const error = await invalid(capped.GET("/items"));
    expect(error.message).toBe("response body exceeds the 262144-byte limit");
  });

  it("case 24: error bodies are capped too", async () => {
    nock(BASE).get("/items").reply(500, "x".repeat(2048), { "content-type": "text/plain" });
    const error = await invalid(fixtureClient({ credentials: { BasicAuth: basic("u", "pw-123456") }, maxResponseBytes: 1024, retry: false }).GET("/items"));
    expect(error.status).toBe(500);
  });

  it("case 24: a body exactly at the cap is accepted", async () => {
    const body = JSON.stringify({ items: [], pad: "p".repeat(100) });
    nock(BASE).get("/items").reply(200, body, { "content-type": "application/json" });
    const result = await fixtureClient({ credentials: { BasicAuth: basic("u", "pw-123456") }, maxResponseBytes: body.length }).GET("/items");
    expect(result.response.status).toBe(200);
  });
});

describe("a 2xx that openapi-fetch reads as a blob, a stream or bytes", () => {
  // The success path hands back text and JSON it already read; any other parseAs gets the body itself.
  it("parseAs blob, arrayBuffer and stream each get the whole body", async () => {
    const body = JSON.stringify({ ok: true });
    nock(BASE).get("/open").times(3).reply(200, body, { "content-type": "application/json" });
    const blob = await client.GET("/open", { parseAs: "blob" });
    expect(await (blob.data as Blob).text()).toBe(body);
    const buffer = await client.GET("/open", { parseAs: "arrayBuffer" });
    expect(new TextDecoder().decode(buffer.data as ArrayBuffer)).toBe(body);
    const stream = await client.GET("/open", { parseAs: "stream" });
    expect(await new Response(stream.data as ReadableStream).text()).toBe(body);
  });
});
