// RELIABILITY.md §9 case 57: plant a distinct secret in every credential, token and secret-bearing
// request field, drive every fault path (servers that echo the request back in every way they can),
// and check that no error rendering and no console line contains any of them.

import { inspect } from "node:util";
import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer, type TestServer, useNock } from "@oauth-kit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type Credential,
  type TokenSet,
  apiKey,
  basic,
  bearer,
  createTokenSource,
  parseTokenResponse,
  stamp,
  tokenFromResult,
  unwrap,
  useCredentials,
} from "../src/index.js";
import { BASE, fixtureClient, hangingFetch, metadata, type FixtureConfig } from "./fixtures.js";

const nock = useNock();

// ---- the planted secrets: all distinct, none a substring of another -------------------------------
const S = {
  basicPassword: "S57basicPASSWORDq1w2",
  apiKey: "S57apiKEYe3r4t5",
  staticBearer: "S57staticBEARERy6u7",
  accessOld: "S57accessOLDi8o9",
  accessNew: "S57accessNEWp0a1",
  refresh: "S57refreshTOKs2d3",
  refreshRotated: "S57refreshROTf4g5",
  stampValue: "S57xSTAMPh6j7",
  clientSecret: "S57clientSECRETk8l9",
  code: "S57authCODEz1x2",
  codeVerifier: "S57codeVERIFIERc3v4b5n6m7q8w9e0r1t2y3u4i5o6p7",
  userPassword: "S57userPASSWORDa9s8",
  overridePassword: "S57overridePWd7f6",
  queryToken: "S57queryTOKENg5h4",
};
const BASIC_USER = "sweep-user";
const encodedBasic = Buffer.from(`${BASIC_USER}:${S.basicPassword}`).toString("base64");
const encodedOverride = Buffer.from(`other:${S.overridePassword}`).toString("base64");
const planted = [...Object.values(S), encodedBasic, encodedOverride];

// ---- what we collect ------------------------------------------------------------------------------
// Renderings of the current test (checked by assertClean) and of the whole file (checked at the end).
let renderings: { path: string; text: string }[] = [];
const allRenderings: { path: string; text: string }[] = [];
const consoleLines: string[] = [];
beforeEach(() => {
  allRenderings.push(...renderings);
  renderings = [];
});

function collect(path: string, error: unknown) {
  expect(error, `${path} produced an error`).toBeInstanceOf(Error);
  const e = error as Error;
  renderings.push(
    { path: `${path} String`, text: String(e) },
    { path: `${path} JSON`, text: JSON.stringify(e) },
    { path: `${path} inspect`, text: inspect(e, { depth: 10 }) },
    { path: `${path} message`, text: e.message },
    { path: `${path} stack`, text: e.stack ?? "" },
    { path: `${path} toString`, text: `${e}` },
  );
}

async function failure(path: string, run: () => Promise<unknown>) {
  try {
    const result = await run();
    // a result with an error status: unwrap it, as callers do
    unwrap(result as Parameters<typeof unwrap>[0]);
  } catch (error) {
    collect(path, error);
    return error;
  }
  expect.unreachable(`${path} did not fail`);
}

function assertClean(list = renderings) {
  for (const { path, text } of list) {
    for (const secret of planted) {
      expect(text.includes(secret), `${path} contains ${secret}: ${text}`).toBe(false);
    }
  }
  for (const line of consoleLines) {
    for (const secret of planted) expect(line.includes(secret), `console line contains ${secret}`).toBe(false);
  }
}

beforeAll(() => {
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10 }))).join(" "));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

// ---- clients with every credential --------------------------------------------------------------
function tokenSource(client: () => ReturnType<typeof fixtureClient>, initial?: TokenSet) {
  return createTokenSource({
    initial: initial ?? { accessToken: S.accessOld, tokenType: "Bearer", refreshToken: S.refresh, expiresAt: Date.now() + 3_600_000 },
    refresh: async (current) =>
      tokenFromResult(
        await client().POST("/oauth/token", {
          body: { grant_type: "refresh_token", refresh_token: current!.refreshToken!, client_id: "cid", client_secret: S.clientSecret },
        }),
      ),
  });
}

function sweepClient(config: FixtureConfig = {}, bearerCredential?: Credential) {
  let client!: ReturnType<typeof fixtureClient>;
  const source = tokenSource(() => client);
  client = fixtureClient({
    credentials: {
      BasicAuth: basic(BASIC_USER, S.basicPassword),
      ApiKeyAuth: apiKey(S.apiKey),
      BearerAuth: bearerCredential ?? bearer(source),
      StampAuth: stamp({ stamp: async () => ({ headerName: "X-Stamp", headerValue: S.stampValue }) }),
    },
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    ...config,
  });
  return { client, source };
}

const codeExchange = {
  grant_type: "authorization_code" as const,
  code: S.code,
  code_verifier: S.codeVerifier,
  redirect_uri: "https://app.example/cb",
  client_id: "cid",
  client_secret: S.clientSecret,
};
const passwordGrant = { grant_type: "password" as const, username: "trader", password: S.userPassword, client_id: "cid" };

// ---- echoing servers: every way a server can hand our secrets back ---------------------------------
type Echo = "json" | "text" | "free" | "html" | "oauth";
function echoBody(kind: Echo, headers: Record<string, unknown>, rawBody: string, url: string): [string, string] {
  const credentialHeaders = {
    authorization: headers.authorization,
    "x-api-key": headers["x-api-key"],
    "x-stamp": headers["x-stamp"],
  };
  const parsed = (() => {
    try {
      return JSON.parse(rawBody) as unknown;
    } catch {
      return Object.fromEntries(new URLSearchParams(rawBody));
    }
  })();
  const values = [...Object.values(credentialHeaders).filter(Boolean), ...Object.values(parsed as Record<string, string>)].map(String);
  const auth = String(headers.authorization ?? "");
  const bare = auth.replace(/^\S+\s+/, "");
  switch (kind) {
    case "json":
      return ["application/json", JSON.stringify({ message: "rejected", url, headers: credentialHeaders, body: parsed })];
    case "text":
      return ["text/plain", `${Object.entries(credentialHeaders).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${rawBody}\n${url}`];
    case "free":
      return ["application/json", JSON.stringify({ message: `we got ${bare} and ${values.join(", ")} and none of them work` })];
    case "html":
      return ["text/html", `<html><body><pre>${values.join(" ")} ${bare}</pre></body></html>`];
    case "oauth":
      return [
        "application/json",
        JSON.stringify({ error: "invalid_grant", error_description: `grant ${values.join(" / ")} ${bare} is not valid` }),
      ];
  }
}

function echoReply(kind: Echo, status: number, extraHeaders: Record<string, string> = {}) {
  return function (this: { req: { headers: Record<string, unknown>; path: string } }, uri: string, body: unknown) {
    const raw = typeof body === "string" ? body : JSON.stringify(body ?? "");
    const [type, text] = echoBody(kind, this.req.headers, raw, `${BASE}${uri}`);
    return [status, text, { "content-type": type, ...extraHeaders }] as [number, string, Record<string, string>];
  };
}

const operations = [
  ["GET /items (Basic)", (c: ReturnType<typeof fixtureClient>) => c.GET("/items", { params: { query: { access_token: S.queryToken } } }), "get", "/items"],
  ["GET /keyed (x-api-key)", (c: ReturnType<typeof fixtureClient>) => c.GET("/keyed"), "get", "/keyed"],
  ["POST /signed (X-Stamp)", (c: ReturnType<typeof fixtureClient>) => c.POST("/signed", { body: { activity: "sign" } }), "post", "/signed"],
  ["POST /notes (bearer from a token source)", (c: ReturnType<typeof fixtureClient>) => c.POST("/notes", { body: { text: "n" } }), "post", "/notes"],
  ["POST /oauth/token (code exchange)", (c: ReturnType<typeof fixtureClient>) => c.POST("/oauth/token", { body: codeExchange }), "post", "/oauth/token"],
  ["POST /oauth/token (password grant)", (c: ReturnType<typeof fixtureClient>) => c.POST("/oauth/token", { body: passwordGrant }), "post", "/oauth/token"],
] as const;

describe("case 57: secrets sweep", () => {
  afterAll(() => {
    // every path below added renderings; the final check runs over all of them
    allRenderings.push(...renderings);
    expect(allRenderings.length).toBeGreaterThan(1000);
    assertClean(allRenderings);
  });

  describe("HTTP errors whose bodies echo the request (ApiError via unwrap)", () => {
    for (const [label, call, method, path] of operations) {
      for (const kind of ["json", "text", "free", "html"] as const) {
        for (const status of [400, 403, 404, 409, 422, 500] as const) {
          it(`case 57: ${label}, HTTP ${status}, ${kind} echo`, async () => {
            const { client } = sweepClient();
            const times = status === 500 && (method === "get" || path === "/signed") ? 3 : 1;
            nock(BASE)
              .intercept(path, method.toUpperCase())
              .query(true)
              .times(times)
              .reply(echoReply(kind, status) as never);
            await failure(`${label} ${status} ${kind}`, () => call(client));
            assertClean();
          });
        }
      }
    }
  });

  it("case 57: a 401 echo with a refresh and a replay that is rejected again", async () => {
    const { client } = sweepClient();
    nock(BASE)
      .post("/notes")
      .times(2)
      .reply(echoReply("free", 401, { "www-authenticate": 'Bearer error="invalid_token"' }) as never);
    nock(BASE).post("/oauth/token").reply(200, { access_token: S.accessNew, token_type: "Bearer", refresh_token: S.refreshRotated });
    await failure("401 replayed", () => client.POST("/notes", { body: { text: "x" } }));
    assertClean();
  });

  it("case 57: 429 and 503 with Retry-After on every credential", async () => {
    for (const [label, call, method, path] of operations) {
      const { client } = sweepClient({ retry: false });
      nock(BASE).intercept(path, method.toUpperCase()).query(true).reply(echoReply("json", 429, { "retry-after": "3600" }) as never);
      await failure(`${label} 429`, () => call(client));
    }
    assertClean();
  });

  it("case 57: a static bearer echoed back", async () => {
    const { client } = sweepClient({}, bearer(S.staticBearer));
    for (const kind of ["json", "text", "free", "html"] as const) {
      nock(BASE).get("/me").reply(echoReply(kind, 401) as never);
      await failure(`static bearer ${kind}`, () => client.GET("/me"));
    }
    assertClean();
  });

  it("case 57: a per-request useCredentials override echoed back", async () => {
    const { client } = sweepClient();
    nock(BASE).get("/either").reply(echoReply("free", 400) as never);
    await failure("override", () => client.GET("/either", { middleware: [useCredentials(metadata, { BasicAuth: basic("other", S.overridePassword) })] }));
    assertClean();
  });

  describe("OAuth errors from the token endpoint (OAuthError via tokenFromResult)", () => {
    for (const status of [200, 400, 401] as const) {
      for (const [grant, body] of [
        ["code exchange", codeExchange],
        ["password grant", passwordGrant],
        ["refresh", { grant_type: "refresh_token" as const, refresh_token: S.refresh, client_secret: S.clientSecret }],
      ] as const) {
        it(`case 57: ${grant}, HTTP ${status}, error_description echoing the request`, async () => {
          const { client } = sweepClient();
          nock(BASE).post("/oauth/token").reply(echoReply("oauth", status) as never);
          const result = await client.POST("/oauth/token", { body });
          try {
            tokenFromResult(result);
            expect.unreachable("tokenFromResult accepted an error body");
          } catch (error) {
            collect(`${grant} oauth ${status}`, error);
          }
          assertClean();
        });
      }
    }

    it("case 57: a refresh that fails with an echoing invalid_grant reaches every waiter clean", async () => {
      let client!: ReturnType<typeof fixtureClient>;
      const source = tokenSource(() => client, { accessToken: S.accessOld, tokenType: "Bearer", refreshToken: S.refresh, expiresAt: 0 });
      client = fixtureClient({ credentials: { BearerAuth: bearer(source) } });
      nock(BASE).post("/oauth/token").reply(echoReply("oauth", 400) as never);
      const errors = await Promise.all([1, 2, 3].map(() => client.GET("/me").catch((e: unknown) => e)));
      errors.forEach((e, i) => collect(`refresh waiter ${i}`, e));
      collect("latched", await client.GET("/me").catch((e: unknown) => e));
      assertClean();
    });

    it("case 57: unusable token responses never quote the token", () => {
      for (const body of [
        { access_token: `${S.accessNew} `, token_type: "Bearer" },
        { access_token: S.accessNew, token_type: "Bearer", refresh_token: `${S.refreshRotated}\n` },
        { access_token: S.accessNew, token_type: `mac ${S.refreshRotated}` },
        { access_token: S.accessNew, token_type: "Bearer", expires_in: S.refreshRotated },
        { access_token: S.accessNew, token_type: "Bearer", scope: [S.refreshRotated] },
      ]) {
        try {
          parseTokenResponse(body);
          expect.unreachable("accepted");
        } catch (error) {
          collect(`token parse ${Object.keys(body).join(",")}`, error);
        }
      }
      assertClean();
    });
  });

  describe("transport faults", () => {
    it("case 57: connection errors whose cause quotes the request", async () => {
      const { client } = sweepClient({ retry: false });
      for (const [label, call, method, path] of operations) {
        nock(BASE)
          .intercept(path, method.toUpperCase())
          .query(true)
          .replyWithError(
            Object.assign(new TypeError("fetch failed"), {
              cause: Object.assign(new Error(`socket hang up; sent Authorization: Basic ${encodedBasic}, x-api-key ${S.apiKey}, X-Stamp ${S.stampValue}, code=${S.code}`), {
                code: "ECONNRESET",
              }),
            }),
          );
        await failure(`${label} reset`, () => call(client));
      }
      assertClean();
    });

    it("case 57: timeouts and aborts", async () => {
      const wire = hangingFetch();
      const { client } = sweepClient({ fetch: wire.fetch, timeoutMs: 5, retry: false });
      for (const [label, call] of operations) await failure(`${label} timeout`, () => call(client));
      const aborting = sweepClient({ fetch: wire.fetch, retry: false }).client;
      const controller = new AbortController();
      const pending = aborting.GET("/items", { params: { query: { access_token: S.queryToken } }, signal: controller.signal });
      controller.abort(new Error(`aborted while holding ${S.apiKey}`));
      await failure("abort", () => pending);
      assertClean();
    });

    it("case 57: a refused redirect whose Location carries secrets", async () => {
      const { client } = sweepClient();
      nock(BASE)
        .get("/keyed")
        .reply(302, "", { location: `https://evil.example/steal?key=${S.apiKey}&code=${S.code}` });
      nock(BASE)
        .post("/signed")
        .reply(307, "", { location: `http://api.test.example/signed?stamp=${S.stampValue}` });
      await failure("redirect cross-origin", () => client.GET("/keyed"));
      await failure("redirect downgrade", () => client.POST("/signed", { body: {} }));
      assertClean();
    });

    it("case 57: invalid 2xx bodies that echo the request (HTML, broken JSON, too large)", async () => {
      const { client } = sweepClient({ retry: false, maxResponseBytes: 4096 });
      for (const [label, call, method, path] of operations) {
        nock(BASE).intercept(path, method.toUpperCase()).query(true).reply(echoReply("html", 200) as never);
        await failure(`${label} html 200`, () => call(client));
        nock(BASE)
          .intercept(path, method.toUpperCase())
          .query(true)
          .reply(function (uri, body) {
            const [, text] = echoBody("free", this.req.headers, typeof body === "string" ? body : JSON.stringify(body), uri);
            return [200, text.slice(0, -3), { "content-type": "application/json" }];
          });
        await failure(`${label} truncated json`, () => call(client));
        nock(BASE)
          .intercept(path, method.toUpperCase())
          .query(true)
          .reply(function (uri, body) {
            const [, text] = echoBody("text", this.req.headers, typeof body === "string" ? body : JSON.stringify(body), uri);
            return [200, text.repeat(200), { "content-type": "application/json" }];
          });
        await failure(`${label} too large`, () => call(client));
      }
      assertClean();
    });

    it("case 57: missing or malformed credentials (ConfigError) never quote a value", async () => {
      await failure("missing", () => fixtureClient({ credentials: { ApiKeyAuth: apiKey(S.apiKey) } }).GET("/items"));
      for (const build of [
        () => basic(BASIC_USER, `${S.basicPassword}\n`),
        () => basic(`${S.userPassword}:x`, "pw-123456"),
        () => apiKey(` ${S.apiKey}`),
        () => bearer(`${S.staticBearer}\r\n`),
      ]) {
        try {
          build();
          expect.unreachable("accepted");
        } catch (error) {
          collect("config", error);
        }
      }
      assertClean();
    });
  });

  describe("a real server that dumps the raw request", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer((req: IncomingMessage, res: ServerResponse) => {
        let raw = "";
        req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
        req.on("end", () => {
          const head = `${req.method} ${req.url} HTTP/1.1\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("\n")}`;
          res.writeHead(400, { "content-type": "text/plain" });
          res.end(`${head}\n\n${raw}`);
        });
      });
    });
    afterAll(() => server.close());

    it("case 57: raw request dumps in 400 bodies", async () => {
      const { client } = sweepClient({ baseUrl: server.url, retry: false });
      for (const [label, call] of operations) await failure(`${label} raw dump`, () => call(client));
      assertClean();
    });
  });
});
