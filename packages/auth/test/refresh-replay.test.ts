// A token source behind a client (RELIABILITY.md §9 F): one refresh for any number of concurrent 401s,
// each request replayed once with its own body, no refresh for 403 or insufficient_scope, no loop, and
// the refresh call itself never passing through the bearer middleware.

import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConnectionError,
  OAuthError,
  TimeoutError,
  type TokenSet,
  bearer,
  createTokenSource,
  parseTokenResponse,
  tokenFromResult,
  unwrap,
} from "../src/index.js";
import { BASE, T0, drive, fixtureClient, rejection, type FixtureConfig } from "./fixtures.js";

const nock = useNock();

afterEach(() => {
  vi.useRealTimers();
});

interface TokenRequest {
  form: URLSearchParams;
  authorization: string | undefined;
}

/**
 * A client whose bearer comes from a token source that refreshes through the same client's
 * POST /oauth/token (security: [] in the metadata, so no bearer middleware applies to it).
 */
function setup(
  options: { initial?: TokenSet; config?: FixtureConfig; onTokens?: (t: TokenSet) => void; rotatesRefreshToken?: boolean } = {},
) {
  const tokenRequests: TokenRequest[] = [];
  const onRequest = (req: Request) => {
    if (new URL(req.url).pathname === "/oauth/token") {
      return req
        .clone()
        .text()
        .then((text) => void tokenRequests.push({ form: new URLSearchParams(text), authorization: req.headers.get("authorization") ?? undefined }));
    }
    return undefined;
  };
  const source = createTokenSource({
    initial: options.initial ?? { accessToken: "at-old", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() + 3_600_000 },
    onTokens: options.onTokens,
    rotatesRefreshToken: options.rotatesRefreshToken,
    refresh: async (current) =>
      tokenFromResult(
        await client.POST("/oauth/token", {
          body: { grant_type: "refresh_token", refresh_token: current!.refreshToken!, client_id: "cid" },
        }),
      ),
  });
  const client = fixtureClient({
    credentials: { BearerAuth: bearer(source) },
    fetch: async (request) => {
      await onRequest(request);
      return globalThis.fetch(request);
    },
    ...options.config,
  });
  return { client, source, tokenRequests };
}

const issued = (n: number, extra: Record<string, unknown> = {}) => ({
  access_token: `at-new-${n}`,
  token_type: "bearer",
  expires_in: 3600,
  refresh_token: `rt-${n + 1}`,
  ...extra,
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.unreachable("expected a throw");
}

describe("case 39: which 401s refresh", () => {
  it.each([
    ['Bearer error="invalid_token"', { "www-authenticate": 'Bearer realm="api", error="invalid_token", error_description="expired"' }],
    ["no challenge", {}],
    ["a challenge without error", { "www-authenticate": 'Bearer realm="api"' }],
  ])("case 39: a 401 with %s gets one refresh and one replay with the new token", async (_label, headers) => {
    const { client, tokenRequests } = setup();
    const seen: string[] = [];
    nock(BASE)
      .get("/me")
      .times(2)
      .reply(function () {
        const auth = this.req.headers.authorization as string;
        seen.push(auth);
        return auth === "Bearer at-old" ? [401, { message: "expired" }, headers] : [200, { user: "alice" }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1));

    const result = await client.GET("/me");
    expect(unwrap(result)).toEqual({ user: "alice" });
    expect(seen).toEqual(["Bearer at-old", "Bearer at-new-1"]);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.form.get("refresh_token")).toBe("rt-1");
  });

  it.each([
    ["403", 403, {}],
    ["401 insufficient_scope", 401, { "www-authenticate": 'Bearer error="insufficient_scope", scope="admin"' }],
    ["401 invalid_request", 401, { "www-authenticate": 'Bearer error="invalid_request"' }],
  ])("case 39: a %s is not refreshed and not replayed", async (_label, status, headers) => {
    const { client, tokenRequests, source } = setup();
    nock(BASE).get("/me").reply(status, { message: "forbidden" }, headers);
    const result = await client.GET("/me");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(1);
    expect(tokenRequests).toHaveLength(0);
    expect(source.current()!.accessToken).toBe("at-old");
  });
});

describe("case 52: no loops", () => {
  it("case 52: still 401 after a successful refresh is surfaced after exactly one replay", async () => {
    const { client, tokenRequests } = setup();
    const seen: string[] = [];
    nock(BASE)
      .get("/me")
      .times(2)
      .reply(function () {
        seen.push(this.req.headers.authorization as string);
        return [401, { message: "account disabled" }, { "www-authenticate": 'Bearer error="invalid_token"' }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1));

    const result = await client.GET("/me");
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.attempts).toBe(2);
    expect(seen).toEqual(["Bearer at-old", "Bearer at-new-1"]);
    expect(tokenRequests).toHaveLength(1);
  });

  it("case 52: the refresh call carries no bearer and never re-enters the refresh path, even when it gets 401", async () => {
    const { client, tokenRequests } = setup();
    nock(BASE).get("/me").reply(401, {}, { "www-authenticate": 'Bearer error="invalid_token"' });
    nock(BASE).post("/oauth/token").reply(401, { error: "invalid_client" }, { "www-authenticate": 'Basic realm="token"' });

    const error = await rejection(client.GET("/me"));
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).error).toBe("invalid_client");
    expect((error as OAuthError).status).toBe(401);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.authorization).toBeUndefined();
  });
});

describe("case 49: concurrent requests with an expired token", () => {
  async function concurrent401s(n: number) {
    const { client, tokenRequests } = setup();
    const bodies = new Map<number, string[]>();
    nock(BASE)
      .post("/notes")
      .times(2 * n)
      .reply(function (_uri, body) {
        const auth = this.req.headers.authorization as string;
        const parsed = body as { n: number; text: string };
        bodies.set(parsed.n, [...(bodies.get(parsed.n) ?? []), `${auth} ${JSON.stringify(parsed)}`]);
        return auth === "Bearer at-new-1" ? [201, { echo: parsed }] : [401, {}, { "www-authenticate": 'Bearer error="invalid_token"' }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1));

    const results = await Promise.all(Array.from({ length: n }, (_, i) => client.POST("/notes", { body: { n: i, text: `note ${i} ✓` } })));
    expect(tokenRequests).toHaveLength(1);
    results.forEach((result, i) => {
      expect(result.response.status).toBe(201);
      expect(result.data).toEqual({ echo: { n: i, text: `note ${i} ✓` } });
      const body = JSON.stringify({ n: i, text: `note ${i} ✓` });
      expect(bodies.get(i)).toEqual([`Bearer at-old ${body}`, `Bearer at-new-1 ${body}`]);
    });
  }

  it("case 49: 10 concurrent 401s cause exactly one refresh; every request is replayed once with its own body", async () => {
    await concurrent401s(10);
  });

  it("case 49: 1000 concurrent 401s cause exactly one refresh; every request is replayed once with its own body", async () => {
    await concurrent401s(1000);
  }, 60_000);

  it("case 49: 1000 concurrent requests with a locally expired token wait for one refresh and are each sent once", async () => {
    const { client, tokenRequests } = setup({ initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() - 1 } });
    const seen = new Map<number, string>();
    nock(BASE)
      .post("/search")
      .times(1000)
      .reply(function (_uri, body) {
        const { n } = body as { n: number };
        expect(seen.has(n)).toBe(false);
        seen.set(n, this.req.headers.authorization as string);
        return [200, { echo: n }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1));

    const results = await Promise.all(Array.from({ length: 1000 }, (_, n) => client.POST("/search", { body: { n } })));
    expect(results.map((r) => r.data)).toEqual(Array.from({ length: 1000 }, (_, n) => ({ echo: n })));
    expect(tokenRequests).toHaveLength(1);
    expect(new Set(seen.values())).toEqual(new Set(["Bearer at-new-1"]));
  }, 60_000);
});

describe("case 50: the refresh fails with invalid_grant", () => {
  it("case 50: every waiter rejects with the same error, the tokens are cleared, and the next call does not hit the token endpoint", async () => {
    const { client, source, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-revoked", expiresAt: Date.now() - 1 },
    });
    nock(BASE).post("/oauth/token").reply(400, { error: "invalid_grant", error_description: "refresh token revoked" });

    const errors = await Promise.all(Array.from({ length: 10 }, (_, n) => rejection(client.POST("/search", { body: { n } }))));
    expect(errors[0]).toBeInstanceOf(OAuthError);
    expect((errors[0] as OAuthError).error).toBe("invalid_grant");
    expect((errors[0] as OAuthError).status).toBe(400);
    expect(new Set(errors).size).toBe(1);
    expect(tokenRequests).toHaveLength(1);
    expect(source.current()).toBeUndefined();

    const next = await rejection(client.GET("/me"));
    expect(next).toBe(errors[0]);
    expect(tokenRequests).toHaveLength(1);
  });
});

describe("case 51: the refresh times out (the response may be lost after a rotation)", () => {
  it("case 51: one token POST, no retry with the same refresh token; every waiter gets the TimeoutError", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 });
    const { client, source, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: T0 - 1 },
      config: { timeoutMs: 1000 },
    });
    nock(BASE).post("/oauth/token").delay(5000).reply(200, issued(1));

    const all = Promise.all(Array.from({ length: 5 }, () => client.GET("/me").then(
      () => expect.unreachable("the refresh timed out"),
      (error: unknown) => error,
    )));
    const { value: errors } = await drive(all, { inflight: 0 });
    expect(new Set(errors)).toEqual(new Set([errors![0]]));
    expect(errors![0]).toBeInstanceOf(TimeoutError);
    expect((errors![0] as TimeoutError).attempts).toBe(1);
    expect((errors![0] as Error).message).toMatch(/outcome is unknown/);
    expect(tokenRequests).toHaveLength(1);
    // the old refresh token is kept, for the caller to decide (retry once or re-authenticate)
    expect(source.current()!.refreshToken).toBe("rt-1");

    // ...and the next call does not present that refresh token again: the failure is remembered.
    const next = await rejection(client.GET("/me"));
    expect(next).toBe(errors![0]);
    expect(tokenRequests).toHaveLength(1);
  });

  it("case 51: after a reset (may have been sent) the next call fails with the same error, sending nothing", async () => {
    const { client, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() - 1 },
    });
    nock(BASE).post("/oauth/token").replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const first = await rejection(client.GET("/me"));
    expect(first).toBeInstanceOf(ConnectionError);
    expect(await rejection(client.GET("/me"))).toBe(first);
    expect(tokenRequests).toHaveLength(1);
  });

  it("case 51: with rotatesRefreshToken: false the next call refreshes again with the same refresh token", async () => {
    const { client, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() - 1 },
      rotatesRefreshToken: false,
    });
    nock(BASE)
      .post("/oauth/token")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
      .post("/oauth/token")
      .reply(200, issued(1))
      .get("/me")
      .reply(200, { user: "u" });
    expect(await rejection(client.GET("/me"))).toBeInstanceOf(ConnectionError);
    expect((await client.GET("/me")).data).toEqual({ user: "u" });
    expect(tokenRequests.map((r) => r.form.get("refresh_token"))).toEqual(["rt-1", "rt-1"]);
  });

  it("case 51: a refused connection proves nothing was sent, so it is not remembered", async () => {
    const { client, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() - 1 },
      config: { retry: false },
    });
    nock(BASE)
      .post("/oauth/token")
      .replyWithError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))
      .post("/oauth/token")
      .reply(200, issued(1))
      .get("/me")
      .reply(200, { user: "u" });
    expect(await rejection(client.GET("/me"))).toBeInstanceOf(ConnectionError);
    expect((await client.GET("/me")).data).toEqual({ user: "u" });
    expect(tokenRequests).toHaveLength(2);
  });
});

describe("case 53: bodies on replay", () => {
  it("case 53: a ReadableStream body is not replayed after a 401 (and nothing is refreshed for it)", async () => {
    const { client, tokenRequests } = setup();
    const received: unknown[] = [];
    nock(BASE)
      .post("/search")
      .reply(401, (_uri, body) => (received.push(body), { message: "expired" }), { "www-authenticate": 'Bearer error="invalid_token"' });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"q":"streamed"}'));
        controller.close();
      },
    });
    const result = await client.POST("/search", { body: stream as never });
    expect(result.response.status).toBe(401);
    expect(received).toEqual([{ q: "streamed" }]);
    expect(tokenRequests).toHaveLength(0);
    const error = thrown(() => unwrap(result)) as ApiError;
    expect(error.attempts).toBe(1);
  });

  it("case 53: a stream body is not retried after a 503 either", async () => {
    const { client } = setup();
    nock(BASE).post("/search").reply(503, {});
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{}"));
        controller.close();
      },
    });
    expect((await client.POST("/search", { body: stream as never })).response.status).toBe(503);
  });

  it("case 53: a bytes body (custom serializer) replays byte-for-byte, with no 'already used' error", async () => {
    const { client } = setup();
    const bytes = new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x22, 0x7d]); // {"q":"é"}
    const received: string[] = [];
    nock(BASE)
      .post("/search")
      .times(2)
      .reply(function (_uri, body) {
        received.push(JSON.stringify(body));
        return this.req.headers.authorization === "Bearer at-old" ? [401, {}] : [200, { echo: "ok" }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1));
    const result = await client.POST("/search", { body: { q: "é" }, bodySerializer: () => bytes as never });
    expect(result.data).toEqual({ echo: "ok" });
    expect(received).toEqual(['{"q":"é"}', '{"q":"é"}']);
  });
});

describe("rotation, persistence and clock", () => {
  it("onTokens persists the rotated tokens; a refresh without refresh_token keeps the old one", async () => {
    const persisted: TokenSet[] = [];
    const { client, source, tokenRequests } = setup({ onTokens: (t) => void persisted.push(t) });
    const reject401 = () => [401, {}, { "www-authenticate": 'Bearer error="invalid_token"' }] as const;
    nock(BASE).get("/me").reply(reject401).get("/me").reply(200, { user: "a" });
    nock(BASE).post("/oauth/token").reply(200, issued(1));
    await client.GET("/me");
    expect(source.current()).toMatchObject({ accessToken: "at-new-1", refreshToken: "rt-2", tokenType: "Bearer" });

    nock(BASE).get("/me").reply(reject401).get("/me").reply(200, { user: "a" });
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-new-2", token_type: "Bearer", expires_in: 3600 });
    await client.GET("/me");
    expect(source.current()).toMatchObject({ accessToken: "at-new-2", refreshToken: "rt-2" });
    expect(persisted.map((t) => [t.accessToken, t.refreshToken])).toEqual([
      ["at-new-1", "rt-2"],
      ["at-new-2", "rt-2"],
    ]);
    expect(tokenRequests.map((r) => r.form.get("refresh_token"))).toEqual(["rt-1", "rt-2"]);
  });

  it("case 54: a token is refreshed before expires_in - skew by the local clock, whatever the server's Date says", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 + 300_000 });
    const received = parseTokenResponse(issued(0, { access_token: "at-old", expires_in: 600 }));
    const { client, tokenRequests } = setup({ initial: received });
    const seen: string[] = [];
    nock(BASE)
      .get("/me")
      .times(2)
      .reply(function () {
        seen.push(this.req.headers.authorization as string);
        // The server's clock is 5 minutes behind ours.
        return [200, { user: "a" }, { date: new Date(Date.now() - 300_000).toUTCString() }];
      });
    nock(BASE).post("/oauth/token").reply(200, issued(1), { date: new Date(T0).toUTCString() });

    vi.setSystemTime(T0 + 300_000 + 540_000 - 1);
    await client.GET("/me");
    vi.setSystemTime(T0 + 300_000 + 540_000);
    await client.GET("/me");
    expect(seen).toEqual(["Bearer at-old", "Bearer at-new-1"]);
    expect(tokenRequests).toHaveLength(1);
  });

  it("clear() during an in-flight refresh: the stale token is not cached for later requests", async () => {
    const { client, source, tokenRequests } = setup({
      initial: { accessToken: "at-expired", tokenType: "Bearer", refreshToken: "rt-1", expiresAt: Date.now() - 1 },
    });
    nock(BASE)
      .post("/oauth/token")
      .reply(() => {
        source.clear();
        return [200, issued(1)];
      });
    nock(BASE).get("/me").reply(200, { user: "a" });
    await client.GET("/me");
    expect(tokenRequests).toHaveLength(1);
    expect(source.current()).toBeUndefined();
  });
});
