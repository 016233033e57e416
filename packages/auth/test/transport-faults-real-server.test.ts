// Faults nock cannot fake faithfully, against a real HTTP server on 127.0.0.1 (RELIABILITY.md §6):
// refused connections, resets, bodies cut off after the headers, stalls, endless bodies and redirects
// between two origins (127.0.0.1 and localhost). No assertion depends on speed: the stall tests fake the
// timeout timer, and the other waits are retry backoffs of a few ms.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { closedPort, startServer, type TestServer, useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, InvalidResponseError, RedirectError, TimeoutError, apiKey, basic, bearer, stamp } from "../src/index.js";
import { BASE, fixtureClient, rejection, type FixtureConfig } from "./fixtures.js";

const nock = useNock();

const API_KEY = "real-server-api-key-1";
const creds = {
  BasicAuth: basic("real-user", "real-password-1"),
  BearerAuth: bearer("real-bearer-token-1"),
  ApiKeyAuth: apiKey(API_KEY),
  StampAuth: stamp({ stamp: async () => ({ headerName: "X-Stamp", headerValue: "stamp-value-for-this-body" }) }),
};
const fastRetry = { baseDelayMs: 1, maxDelayMs: 2 };

const servers: TestServer[] = [];
async function server(handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void): Promise<TestServer> {
  const started = await startServer(handler);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(baseUrl: string, config: FixtureConfig = {}) {
  return fixtureClient({ baseUrl, credentials: creds, retry: fastRetry, ...config });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Resolves when the server has seen the client drop the connection of `res`. */
function closedBy(res: Promise<ServerResponse>): Promise<void> {
  return res.then((r) => new Promise<void>((resolve) => (r.socket === null || r.socket.destroyed ? resolve() : r.once("close", () => resolve()))));
}

const codeExchange = {
  grant_type: "authorization_code" as const,
  code: "real-code-1",
  code_verifier: "v".repeat(43),
  redirect_uri: "https://app.example/cb",
  client_id: "cid",
};

describe("case 1: connection refused", () => {
  it("case 1: a GET to a closed port is retried, then fails with ConnectionError ECONNREFUSED", async () => {
    const port = await closedPort();
    const error = await rejection(client(`http://127.0.0.1:${port}`).GET("/open"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as ConnectionError).url).toBe(`http://127.0.0.1:${port}/open`);
  });

  it("case 1: the token POST is retried too, because a refused connection proves nothing was sent", async () => {
    const port = await closedPort();
    const error = await rejection(client(`http://127.0.0.1:${port}`).POST("/oauth/token", { body: codeExchange }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as Error).message).not.toMatch(/outcome is unknown/);
  });
});

describe("case 3: connection reset mid-request", () => {
  it("case 3: a reset GET is retried and succeeds on the third attempt", async () => {
    const api = await server((req, res, hit) => {
      if (hit < 3) req.socket.destroy();
      else json(res, 200, { ok: true });
    });
    const result = await client(api.url).GET("/open");
    expect(result.data).toEqual({ ok: true });
    expect(api.hits).toBe(3);
  });

  it("case 3: a reset authorization-code POST is sent once and fails with an unknown outcome", async () => {
    const api = await server((req) => req.socket.destroy());
    const error = await rejection(client(api.url).POST("/oauth/token", { body: codeExchange }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("UND_ERR_SOCKET");
    expect((error as ConnectionError).attempts).toBe(1);
    expect((error as Error).message).toMatch(/outcome is unknown/);
    expect(api.hits).toBe(1);
  });

  it("case 3: a reset non-idempotent POST is sent once; the idempotent POST /search is retried", async () => {
    const api = await server((req, res, hit) => {
      if (req.url === "/items" || hit === 2) req.socket.destroy();
      else json(res, 200, { echo: "ok" });
    });
    const order = await rejection(client(api.url).POST("/items", { body: { name: "x" } }));
    expect((order as ConnectionError).attempts).toBe(1);
    expect(api.hits).toBe(1);
    const search = await client(api.url).POST("/search", { body: { q: "x" } });
    expect(search.data).toEqual({ echo: "ok" });
    expect(api.hits).toBe(3);
  });
});

describe("case 4: body truncated after the headers", () => {
  const truncate = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"access_token":"at-', () => res.socket?.destroy());
  };

  it("case 4: is a ConnectionError (a transport failure), not a JSON error", async () => {
    const api = await server(truncate);
    const error = await rejection(client(api.url, { retry: false }).GET("/open"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(InvalidResponseError);
    expect((error as ConnectionError).kind).toBe("connection");
    expect(String(error)).not.toMatch(/SyntaxError|JSON/);
  });

  it("case 4: a truncated chunked body is a ConnectionError too", async () => {
    const api = await server((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items": [', () => res.socket?.destroy());
    });
    expect(await rejection(client(api.url, { retry: false }).GET("/open"))).toBeInstanceOf(ConnectionError);
  });

  it("case 4: a truncated GET is retried like any connection failure", async () => {
    const api = await server(truncate);
    const error = await rejection(client(api.url).GET("/open"));
    expect((error as ConnectionError).attempts).toBe(3);
    expect(api.hits).toBe(3);
  });

  it("case 4: a truncated token response is not retried (the code may have been redeemed)", async () => {
    const api = await server(truncate);
    const error = await rejection(client(api.url).POST("/oauth/token", { body: codeExchange }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(api.hits).toBe(1);
  });
});

describe("cases 5 and 6: stalls, with the socket aborted", () => {
  // The per-attempt timer is faked (the sockets stay real) and only moved once the server holds the
  // request: nothing here depends on how fast a loaded machine is, and the timeout cannot fire before
  // the request arrived. Each test's server is closed in afterEach, so a failure cannot leave it open.
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A server that captures each request's response without answering (or after `start` has run). */
  async function stalling(start: (res: ServerResponse) => void = () => {}) {
    let captured!: (res: ServerResponse) => void;
    const response = new Promise<ServerResponse>((resolve) => (captured = resolve));
    const api = await server((req, res) => {
      start(res);
      captured(res);
    });
    return { api, response };
  }

  /** Sends GET /open with a 1 s fake timeout; resolves with the outcome once the stall has been timed out. */
  async function timedOutGet(api: TestServer, response: Promise<ServerResponse>, config: FixtureConfig = {}) {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let settled = false;
    const outcome = rejection(client(api.url, { timeoutMs: 1000, retry: false, ...config }).GET("/open")).finally(() => {
      settled = true;
    });
    await response; // the server holds the request (real I/O)
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    return outcome;
  }

  it("case 5: headers that never come time out, and the server sees the connection closed", async () => {
    const { api, response } = await stalling();
    const error = await timedOutGet(api, response);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    await closedBy(response);
  });

  it("case 5 with a custom fetch: the Request it is handed carries the attempt's signal, so the socket is aborted too", async () => {
    // The global fetch is given the signal beside the Request; a custom fetch only gets the Request.
    const { api, response } = await stalling();
    const handed: AbortSignal[] = [];
    const error = await timedOutGet(api, response, {
      fetch: (request: Request) => {
        handed.push(request.signal);
        return globalThis.fetch(request);
      },
    });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(handed).toHaveLength(1);
    expect(handed[0]!.aborted).toBe(true);
    await closedBy(response);
  });

  it("case 6: a body that stalls after the headers times out, and the server sees the connection closed", async () => {
    const { api, response } = await stalling((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"ok": ');
    });
    const error = await timedOutGet(api, response);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    await closedBy(response);
  });
});

describe("case 24: an endless body", () => {
  it("case 24: reading stops at maxResponseBytes and the connection is dropped", async () => {
    let captured!: (res: ServerResponse) => void;
    const response = new Promise<ServerResponse>((resolve) => (captured = resolve));
    const chunk = Buffer.alloc(16 * 1024, "a");
    const api = await server((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      captured(res);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const error = await rejection(client(api.url, { maxResponseBytes: 64 * 1024 }).GET("/open"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe("response body exceeds the 65536-byte limit");
    expect((error as InvalidResponseError).status).toBe(200);
    expect(api.hits).toBe(1);
    await closedBy(response);
  });
});

describe("case 17: cross-origin redirects on credentialed calls (127.0.0.1 → localhost)", () => {
  async function origins() {
    const seen: IncomingHttpHeaders[] = [];
    const other = await server((req, res) => {
      seen.push(req.headers);
      json(res, 200, { ok: true });
    });
    const otherUrl = other.url.replace("127.0.0.1", "localhost");
    return { other, otherUrl, seen };
  }

  it.each([302, 307, 308, 301, 303])("case 17: a %i to another origin on an x-api-key call is refused; the key never leaves", async (status) => {
    const { other, otherUrl } = await origins();
    const api = await server((req, res) => {
      res.writeHead(status, { location: `${otherUrl}/landing?next=1` });
      res.end();
    });
    const error = await rejection(client(api.url).GET("/keyed"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).kind).toBe("redirect");
    expect((error as RedirectError).status).toBe(status);
    expect((error as RedirectError).url).toBe(`${api.url}/keyed`);
    expect((error as Error).message).toBe(
      `refused a redirect to another origin (${otherUrl}): the request carries credentials that would be forwarded`,
    );
    expect(other.hits).toBe(0);
    expect(api.hits).toBe(1);
  });

  it("case 17: a 307 on a POST carrying X-Stamp is refused; the stamp and body never reach the other origin", async () => {
    const { other, otherUrl } = await origins();
    const stamps: (string | undefined)[] = [];
    const api = await server((req, res) => {
      stamps.push(req.headers["x-stamp"] as string | undefined);
      res.writeHead(307, { location: `${otherUrl}/signed` });
      res.end();
    });
    const error = await rejection(client(api.url).POST("/signed", { body: { activity: "sign" } }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(stamps).toEqual(["stamp-value-for-this-body"]);
    expect(other.hits).toBe(0);
  });

  it("case 17: Basic and Bearer calls are refused too", async () => {
    const { other, otherUrl } = await origins();
    const api = await server((req, res) => {
      res.writeHead(302, { location: `${otherUrl}/x` });
      res.end();
    });
    expect(await rejection(client(api.url).GET("/items"))).toBeInstanceOf(RedirectError);
    expect(await rejection(client(api.url).GET("/me"))).toBeInstanceOf(RedirectError);
    expect(other.hits).toBe(0);
  });

  it("case 17: a credential header set through client headers (not a scheme) still pins the origin", async () => {
    const { other, otherUrl } = await origins();
    const api = await server((req, res) => {
      res.writeHead(302, { location: `${otherUrl}/x` });
      res.end();
    });
    const plain = fixtureClient({ baseUrl: api.url, headers: { "x-api-key": API_KEY } });
    expect(await rejection(plain.GET("/open"))).toBeInstanceOf(RedirectError);
    expect(other.hits).toBe(0);
  });

  it("case 17 (control): a same-origin redirect is followed with the key", async () => {
    const keys: (string | string[] | undefined)[] = [];
    const api = await server((req, res) => {
      keys.push(req.headers["x-api-key"]);
      if (req.url === "/keyed") {
        res.writeHead(302, { location: "/keyed-moved" });
        res.end();
      } else json(res, 200, { ok: true });
    });
    const result = await client(api.url).GET("/keyed");
    expect(result.data).toEqual({ ok: true });
    expect(keys).toEqual([API_KEY, API_KEY]);
  });

  it("case 17 (control): an uncredentialed call follows a cross-origin redirect, carrying no credential", async () => {
    const { other, otherUrl, seen } = await origins();
    const api = await server((req, res) => {
      res.writeHead(302, { location: `${otherUrl}/landing` });
      res.end();
    });
    const result = await client(api.url).GET("/open");
    expect(result.data).toEqual({ ok: true });
    expect(other.hits).toBe(1);
    expect(seen[0]!["x-api-key"]).toBeUndefined();
    expect(seen[0]!.authorization).toBeUndefined();
  });

  it("a redirect loop stops after 5 redirects", async () => {
    const api = await server((req, res) => {
      res.writeHead(302, { location: "/open" });
      res.end();
    });
    const error = await rejection(client(api.url).GET("/open"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe("more than 5 redirects");
    expect(api.hits).toBe(6);
  });

  it("a 303 after a POST becomes a GET without the body", async () => {
    const requests: string[] = [];
    const api = await server((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        requests.push(`${req.method} ${req.url} ${body}`);
        if (req.method === "POST") {
          res.writeHead(303, { location: "/open" });
          res.end();
        } else json(res, 200, { echo: "done" });
      });
    });
    const result = await client(api.url).POST("/search", { body: { q: "see-other" } });
    expect(result.data).toEqual({ echo: "done" });
    expect(requests).toEqual(['POST /search {"q":"see-other"}', "GET /open "]);
  });
});

describe("case 18: https → http", () => {
  it("case 18: a redirect from https to http is refused, even without credentials", async () => {
    nock(BASE).get("/open").reply(302, "", { location: "http://api.test.example/open" });
    const downgrade = nock("http://api.test.example").get("/open").reply(200, { ok: true });
    const error = await rejection(fixtureClient({}).GET("/open"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe("refused a redirect from https to http:");
    expect((error as RedirectError).status).toBe(302);
    expect(downgrade.isDone()).toBe(false);
    nock.cleanAll();
  });

  it("case 18: and on a credentialed call", async () => {
    nock(BASE).get("/items").reply(307, "", { location: "http://api.test.example/items" });
    const error = await rejection(fixtureClient({ credentials: creds }).GET("/items"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe("refused a redirect from https to http:");
  });

  it("case 18: a redirect without Location cannot be checked and is refused", async () => {
    nock(BASE).get("/open").reply(302, "");
    const error = await rejection(fixtureClient({}).GET("/open"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe("the server redirected and the target cannot be checked; redirects are not followed");
  });
});
