// Redirects against a real server on 127.0.0.1, written to kill mutants that survived an outside review:
// a redirect counted as an attempt (the `attempts` of an error must count only requests that got a final
// answer; RELIABILITY.md §9 case 14), and a 303-converted GET that keeps the POST's Content-Type.

import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer, type TestServer, useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, RedirectError, basic, bearer, unwrap } from "../src/index.js";
import { fixtureClient, rejection, type FixtureConfig } from "./fixtures.js";

useNock();

const creds = { BasicAuth: basic("redirect-user", "redirect-password-1"), BearerAuth: bearer("redirect-bearer-token-1") };
const fastRetry = { baseDelayMs: 1, maxDelayMs: 2 };

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  body: string;
}

const servers: TestServer[] = [];
/** A loopback server that records every request (with its body) before `answer` replies to it. */
async function server(answer: (seen: Seen, res: ServerResponse) => void): Promise<{ api: TestServer; seen: Seen[] }> {
  const seen: Seen[] = [];
  const api = await startServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = {
        method: req.method ?? "",
        url: req.url ?? "",
        contentType: req.headers["content-type"],
        contentLength: req.headers["content-length"],
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      answer(entry, res);
    });
  });
  servers.push(api);
  return { api, seen };
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(baseUrl: string, config: FixtureConfig = {}) {
  return fixtureClient({ baseUrl, credentials: creds, retry: fastRetry, timeoutMs: 30_000, ...config });
}

function reply(res: ServerResponse, status: number, body: unknown = {}, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const isRedirect = (status: number) => status >= 300 && status < 400;

describe("a redirect is not an attempt", () => {
  it("case 14: two redirects before each 503: attempts counts the three real attempts, not the redirects", async () => {
    const statuses: number[] = [];
    const { api } = await server((seen, res) => {
      const status = seen.url === "/items" ? 302 : seen.url === "/hop-1" ? 307 : 503;
      statuses.push(status);
      reply(res, status, { message: "busy" }, status === 302 ? { location: "/hop-1" } : status === 307 ? { location: "/hop-2" } : {});
    });
    const error = (await rejection(Promise.resolve(client(api.url).GET("/items")).then(unwrap))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(503);
    expect(statuses.filter(isRedirect)).toHaveLength(2);
    const answered = statuses.filter((s) => !isRedirect(s)).length;
    expect(answered).toBe(3); // maxRetries 2
    expect(error.attempts).toBe(answered);
  });

  it("case 14: without retries, a 404 reached through a redirect is one attempt", async () => {
    const { api, seen } = await server((entry, res) =>
      entry.url === "/items" ? reply(res, 308, {}, { location: "/moved/items" }) : reply(res, 404, { message: "gone" }),
    );
    const error = (await rejection(Promise.resolve(client(api.url, { retry: false }).GET("/items")).then(unwrap))) as ApiError;
    expect(error.status).toBe(404);
    expect(seen.map((s) => s.url)).toEqual(["/items", "/moved/items"]);
    expect(error.attempts).toBe(1);
  });

  it("case 14: a redirect loop fails with a RedirectError after one attempt", async () => {
    const { api, seen } = await server((entry, res) => reply(res, 302, {}, { location: `/loop/${seen.length}` }));
    const error = (await rejection(client(api.url, { retry: false }).GET("/items"))) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(seen.length).toBeGreaterThan(2);
    expect(error.attempts).toBe(1);
  });
});

// POST /search is retry-safe (x-idempotent), so the transport follows its same-origin redirects; a POST that
// is not safe to repeat (a token endpoint) follows none, which transport-faults-real-server.test.ts covers.
describe("a POST turned into a GET by a redirect sends no body and no Content-Type", () => {
  it.each([303, 302, 301])("%i after a JSON POST: the GET that follows has no Content-Type, length or body", async (status) => {
    const { api, seen } = await server((entry, res) =>
      entry.url === "/search" ? reply(res, status, {}, { location: "/search/results-1" }) : reply(res, 200, { echo: "results-1" }),
    );
    const result = await client(api.url).POST("/search", { body: { q: "redirected" } });
    expect(result.response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ method: "POST", contentType: "application/json", body: JSON.stringify({ q: "redirected" }) });
    expect(seen[1]).toEqual({ method: "GET", url: "/search/results-1", contentType: undefined, contentLength: undefined, body: "" });
  });

  it("a 307 keeps the method, the body and its Content-Type (the control case)", async () => {
    const { api, seen } = await server((entry, res) =>
      entry.url === "/search" ? reply(res, 307, {}, { location: "/search/again" }) : reply(res, 200, { echo: "again" }),
    );
    const result = await client(api.url).POST("/search", { body: { q: "kept" } });
    expect(result.response.status).toBe(200);
    expect(seen[1]).toMatchObject({ method: "POST", url: "/search/again", contentType: "application/json", body: JSON.stringify({ q: "kept" }) });
  });
});
