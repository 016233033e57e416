// Credentials applied per operation from the generated metadata: exactly what `security` declares,
// nothing where nothing is declared, a ConfigError before sending when the client lacks them.

import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { ConfigError, apiKey, basic, bearer, createProviderClient, stamp, useCredentials } from "../src/index.js";
import { AUTH_HOST, BASE, fixtureClient, metadata, rejection, type paths } from "./fixtures.js";

const nock = useNock();

const BASIC = basic("alice", "s3cret-pässword");
// base64("alice:s3cret-pässword") with the password as UTF-8
const BASIC_HEADER = `Basic ${Buffer.from("alice:s3cret-pässword", "utf8").toString("base64")}`;
const KEY = "key-0123456789";
const TOKEN = "static-bearer-0123456789";
const all = { BasicAuth: BASIC, ApiKeyAuth: apiKey(KEY), BearerAuth: bearer(TOKEN) };

function recorded(credentials = all) {
  const recorder = recordingFetch();
  const client = fixtureClient({ credentials, fetch: recorder.fetch, retry: false });
  return { client, requests: recorder.requests };
}

describe("applied per operation", () => {
  it("Basic only where Basic is declared (GET /items), UTF-8 encoded", async () => {
    nock(BASE).get("/items").reply(200, { items: [] });
    const { client, requests } = recorded();
    await client.GET("/items");
    expect(requests[0]!.headers.get("authorization")).toBe(BASIC_HEADER);
    expect(requests[0]!.headers.get("x-api-key")).toBeNull();
  });

  it("nothing where the operation declares no security (GET /open), whatever the client holds", async () => {
    nock(BASE).get("/open").reply(200, { ok: true });
    const { client, requests } = recorded();
    await client.GET("/open");
    expect(requests[0]!.headers.get("authorization")).toBeNull();
    expect(requests[0]!.headers.get("x-api-key")).toBeNull();
  });

  it("nothing on the token endpoint: client credentials travel in the form body there", async () => {
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-1", token_type: "Bearer" });
    const { client, requests } = recorded();
    await client.POST("/oauth/token", { body: { grant_type: "client_credentials", client_id: "cid", client_secret: "csecret-1" } });
    expect(requests[0]!.headers.get("authorization")).toBeNull();
    expect(requests[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(requests[0]!.body).toBe("grant_type=client_credentials&client_id=cid&client_secret=csecret-1");
  });

  it("the API key in the header the scheme names (x-api-key), and no Authorization", async () => {
    nock(BASE).get("/keyed").reply(200, { ok: true });
    const { client, requests } = recorded();
    await client.GET("/keyed");
    expect(requests[0]!.headers.get("x-api-key")).toBe(KEY);
    expect(requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("a static bearer token on GET /me", async () => {
    nock(BASE).get("/me").reply(200, { user: "alice" });
    const { client, requests } = recorded();
    await client.GET("/me");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("a bearer token from a token source", async () => {
    nock(BASE).get("/me").reply(200, { user: "alice" });
    const { client, requests } = recorded({ ...all, BearerAuth: bearer({ getToken: async () => "sourced-token-1", invalidate: () => undefined }) });
    await client.GET("/me");
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer sourced-token-1");
  });

  it("the first alternative the client can satisfy: API key before Basic on GET /either", async () => {
    nock(BASE).get("/either").times(2).reply(200, { ok: true });
    const both = recorded();
    await both.client.GET("/either");
    expect(both.requests[0]!.headers.get("x-api-key")).toBe(KEY);
    expect(both.requests[0]!.headers.get("authorization")).toBeNull();

    const basicOnly = recorded({ BasicAuth: BASIC } as typeof all);
    await basicOnly.client.GET("/either");
    expect(basicOnly.requests[0]!.headers.get("authorization")).toBe(BASIC_HEADER);
    expect(basicOnly.requests[0]!.headers.get("x-api-key")).toBeNull();
  });

  it("optional security ([BearerAuth] or []): the bearer when held, nothing (and no error) otherwise", async () => {
    nock(BASE).get("/optional").times(2).reply(200, { ok: true });
    const withToken = recorded();
    await withToken.client.GET("/optional");
    expect(withToken.requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    const without = recorded({} as typeof all);
    await without.client.GET("/optional");
    expect(without.requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("a stamp credential signs the exact body bytes that are sent", async () => {
    nock(BASE).post("/signed").reply(200, { ok: true });
    const signed: string[] = [];
    const recorder = recordingFetch();
    const client = fixtureClient({
      credentials: { StampAuth: stamp({ stamp: async (body) => (signed.push(body), { headerName: "X-Stamp", headerValue: `sig(${body.length})` }) }) },
      fetch: recorder.fetch,
    });
    await client.POST("/signed", { body: { text: "héllo ✓" } });
    expect(signed).toEqual(['{"text":"héllo ✓"}']);
    expect(recorder.requests[0]!.body).toBe(signed[0]);
    expect(recorder.requests[0]!.headers.get("x-stamp")).toBe(`sig(${signed[0]!.length})`);
  });
});

describe("missing or mismatched credentials: ConfigError before anything is sent", () => {
  it("an operation whose scheme the client lacks fails with ConfigError and nothing reaches the server", async () => {
    const scope = nock(BASE).get("/items").reply(200, { items: [] });
    const client = fixtureClient({ credentials: { ApiKeyAuth: apiKey(KEY) } });
    const error = await rejection(client.GET("/items"));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).kind).toBe("config");
    expect((error as Error).message).toBe("listItems needs credentials for BasicAuth, and the client has none of them");
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });

  it("names every alternative when none is held", async () => {
    const error = await rejection(fixtureClient({}).GET("/either"));
    expect((error as Error).message).toBe("getEither needs credentials for ApiKeyAuth or BasicAuth, and the client has none of them");
  });

  it("the wrong credential type for a scheme is a ConfigError", async () => {
    const client = fixtureClient({ credentials: { BearerAuth: basic("bob", "pw-123456") } });
    const error = await rejection(client.GET("/me"));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe("scheme BearerAuth takes bearer(), got basic()");
  });

  it("a stamper for another header than the scheme names is a ConfigError", async () => {
    const client = fixtureClient({ credentials: { StampAuth: stamp({ stamp: async () => ({ headerName: "X-Other", headerValue: "v" }) }) } });
    const error = await rejection(client.POST("/signed", { body: {} }));
    expect((error as Error).message).toBe("scheme StampAuth is the X-Stamp header, but the stamper sets X-Other");
  });

  it.each([
    ["a username with ':'", () => basic("a:b", "pw-123456"), "Basic username must not contain ':'"],
    ["an empty password", () => basic("a", ""), "Basic password must be a non-empty string"],
    ["a password with a newline", () => basic("a", "pw\nX-Injected: 1"), "Basic password contains control characters or surrounding whitespace"],
    ["an API key with surrounding spaces", () => apiKey(" key "), "API key contains control characters or surrounding whitespace"],
    ["a bearer token with CR", () => bearer("tok\r"), "Bearer token contains control characters or surrounding whitespace"],
    ["a bearer that is neither a string nor a source", () => bearer({} as never), "bearer() takes a token string or a token source"],
    ["a stamp without a stamper", () => stamp(undefined as never), "stamp() takes a Stamper"],
  ])("rejects %s when the credential is built", (_label, build, message) => {
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(message);
  });

  it("the error for a bad credential never quotes the value", () => {
    try {
      basic("a", "pw-secret-with\nnewline");
    } catch (error) {
      expect(String(error)).not.toContain("pw-secret");
    }
  });
});

describe("useCredentials: a per-request override", () => {
  it("replaces the client's credentials with another declared alternative", async () => {
    nock(BASE).get("/either").reply(200, { ok: true });
    const { client, requests } = recorded();
    await client.GET("/either", { middleware: [useCredentials(metadata, { BasicAuth: basic("carol", "carol-pw-1") })] });
    expect(requests[0]!.headers.get("authorization")).toBe(`Basic ${btoa("carol:carol-pw-1")}`);
    expect(requests[0]!.headers.get("x-api-key")).toBeNull();
  });

  it("supplies a credential the client does not hold (e.g. a per-user token)", async () => {
    nock(BASE).get("/me").reply(200, { user: "dave" });
    const recorder = recordingFetch();
    const client = fixtureClient({ fetch: recorder.fetch });
    const result = await client.GET("/me", { middleware: [useCredentials(metadata, { BearerAuth: bearer("per-user-token-1") })] });
    expect(result.data).toEqual({ user: "dave" });
    expect(recorder.requests[0]!.headers.get("authorization")).toBe("Bearer per-user-token-1");
  });

  it("refuses a scheme the operation does not declare", async () => {
    const { client } = recorded();
    const error = await rejection(client.GET("/keyed", { middleware: [useCredentials(metadata, { BasicAuth: BASIC })] }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe("getKeyed does not accept BasicAuth");
  });

  it("refuses an operation that is not in the metadata", async () => {
    const raw = fixtureClient({}) as unknown as { GET(path: string, init: unknown): Promise<unknown> };
    const error = await rejection(raw.GET("/nowhere", { middleware: [useCredentials(metadata, { BasicAuth: BASIC })] }));
    expect((error as Error).message).toBe("GET /nowhere is not in packages/auth/test/fixture-api.yaml");
  });
});

describe("hosts and bodies from the metadata", () => {
  it("an operation with its own servers goes to its host in the chosen environment", async () => {
    nock(AUTH_HOST).post("/oauth/client-token").reply(200, { access_token: "at-2", token_type: "Bearer" });
    nock("https://auth.sandbox.test.example").post("/oauth/client-token").reply(200, { access_token: "at-3", token_type: "Bearer" });
    nock("https://sandbox.test.example").get("/open").reply(200, { ok: true });
    const body = { grant_type: "client_credentials" as const, client_id: "cid", client_secret: "cs-123456" };
    expect((await fixtureClient({}).POST("/oauth/client-token", { body })).data).toEqual({ access_token: "at-2", token_type: "Bearer" });
    const sandbox = fixtureClient({ environment: "sandbox" });
    expect((await sandbox.POST("/oauth/client-token", { body })).data).toEqual({ access_token: "at-3", token_type: "Bearer" });
    expect((await sandbox.GET("/open")).data).toEqual({ ok: true });
  });

  it("refuses an unknown environment and plain http off loopback", () => {
    expect(() => fixtureClient({ environment: "staging" as never })).toThrow('unknown environment "staging"; expected one of: production, sandbox');
    expect(() => fixtureClient({ baseUrl: "http://api.test.example" })).toThrow(ConfigError);
    expect(() => fixtureClient({ baseUrl: "http://127.0.0.1:8080" })).not.toThrow();
    expect(() => fixtureClient({ baseUrl: "http://api.test.example", allowInsecureHttp: true })).not.toThrow();
    expect(() => createProviderClient<paths>({ metadata, baseUrl: "not a url" })).toThrow("baseUrl must be an absolute URL");
  });

  it("sends a JSON body as JSON.stringify writes it, and a form body form-encoded", async () => {
    const { client, requests } = recorded();
    nock(BASE).post("/items").reply(201, { id: "i-1", name: "n" });
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-1", token_type: "Bearer" });
    await client.POST("/items", { body: { name: "n", tags: ["a", "b"], nested: { ok: true } } });
    await client.POST("/oauth/token", { body: { grant_type: "client_credentials", client_id: "cid", client_secret: "cs-9" } });
    expect(requests.map((request) => [request.headers.get("content-type"), request.body])).toEqual([
      ["application/json", JSON.stringify({ name: "n", tags: ["a", "b"], nested: { ok: true } })],
      ["application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=cid&client_secret=cs-9"],
    ]);
  });

  it("a form body keeps the caller's other headers, in a record or a Headers, with the form media type in place of theirs", async () => {
    const { client, requests } = recorded();
    const body = { grant_type: "client_credentials", client_id: "cid", client_secret: "cs-7" } as const;
    const given = [new Headers({ "X-Trace": "t-1" }), { "content-type": "application/x-www-form-urlencoded; charset=utf-8", "X-Trace": "t-2" }];
    for (const headers of given) {
      nock(BASE).post("/oauth/token").reply(200, { access_token: "at-1", token_type: "Bearer" });
      await client.POST("/oauth/token", { body, headers: headers as never });
    }
    expect(requests.map((request) => [request.headers.get("x-trace"), request.headers.get("content-type"), request.body])).toEqual(
      ["t-1", "t-2"].map((trace) => [trace, "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=cid&client_secret=cs-7"]),
    );
  });

  it("a caller's `redirect` does not replace oauth-kit's own redirect handling", async () => {
    const seen: string[] = [];
    const client = fixtureClient({
      credentials: all,
      retry: false,
      fetch: async (request) => {
        seen.push(request.redirect);
        return new Response(JSON.stringify({ items: [] }), { headers: { "content-type": "application/json" } });
      },
    });
    await client.GET("/items", { redirect: "follow" } as never);
    expect(seen).toEqual(["manual"]);
  });

  it("a body JSON cannot write is a rejected call, and nothing is sent", async () => {
    const { client, requests } = recorded();
    const error = await rejection(client.POST("/items", { body: { name: "n", count: 10n } as never }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/BigInt/);
    expect(requests).toEqual([]);
  });

  it("a caller's bodySerializer gets the request's headers, and what it returns is sent", async () => {
    const { client, requests } = recorded();
    nock(BASE).post("/items").reply(201, { id: "i-2", name: "n" });
    const seen: unknown[] = [];
    await client.POST("/items", {
      body: { name: "n" },
      headers: { "X-Trace": "t-1" },
      // openapi-fetch calls it with the merged headers too, though its type names only the body.
      bodySerializer: ((body: unknown, headers: HeadersInit) => {
        seen.push(new Headers(headers).get("x-trace"));
        return `custom:${JSON.stringify(body)}`;
      }) as never,
    });
    expect(seen).toEqual(["t-1"]);
    expect(requests[0]!.body).toBe('custom:{"name":"n"}');
  });

  it("refuses a content-type the operation does not accept, before sending", async () => {
    const error = await rejection(
      fixtureClient({}).POST("/oauth/token", {
        body: { grant_type: "refresh_token", refresh_token: "rt-1" },
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe("token accepts application/x-www-form-urlencoded, not application/json");
  });
});
