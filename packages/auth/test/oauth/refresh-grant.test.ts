// createRefreshGrant(): the standard refresh grant at the spec's token endpoint, client authentication as
// the spec declares it, media type as the spec lists it, and a bearer client that uses it with no cycle.
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { type ApiMetadata, ConfigError, OAuthError, bearer, createProviderClient, createRefreshGrant, unwrap } from "../../src/index.js";
import { rejected, thrown } from "./helpers.js";

const nock = useNock();
const BASE = "https://api.grant.example";
const JSON_TYPES = ["application/json"] as const;

const metadata = {
  spec: "specs/grant-fixture.yaml",
  servers: { production: BASE },
  securitySchemes: {
    ClientBasic: { type: "http", scheme: "basic" },
    BearerAuth: { type: "http", scheme: "bearer" },
    ApiKeyAuth: { type: "apiKey", in: "header", name: "x-api-key" },
  },
  operations: {
    "POST /oauth/token": {
      operationId: "issueToken",
      method: "POST",
      path: "/oauth/token",
      servers: null,
      security: [["ClientBasic"]],
      requestMediaTypes: ["application/x-www-form-urlencoded", "application/json"],
      responses: { "200": JSON_TYPES, "400": JSON_TYPES },
      retrySafe: false,
    },
    "POST /public/token": {
      operationId: "publicToken",
      method: "POST",
      path: "/public/token",
      servers: null,
      security: [],
      requestMediaTypes: ["application/json"],
      responses: { "200": JSON_TYPES, "400": JSON_TYPES },
      retrySafe: false,
    },
    "POST /keyed/token": {
      operationId: "keyedToken",
      method: "POST",
      path: "/keyed/token",
      servers: null,
      security: [["ApiKeyAuth"]],
      requestMediaTypes: ["application/json"],
      responses: { "200": JSON_TYPES },
      retrySafe: false,
    },
    "GET /me": {
      operationId: "me",
      method: "GET",
      path: "/me",
      servers: null,
      security: [["BearerAuth"]],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES, "401": JSON_TYPES },
      retrySafe: true,
    },
  },
} as const satisfies ApiMetadata;

const basicOf = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
const expired = { accessToken: "at-old", tokenType: "Bearer", refreshToken: "rt-one", expiresAt: 0 };

describe("createRefreshGrant", () => {
  it("sends the grant form-encoded with client_secret_basic when the token endpoint declares Basic", async () => {
    let seen: { body: string; authorization: string | undefined; type: string | undefined } | undefined;
    nock(BASE)
      .post("/oauth/token")
      .reply(function (_uri, body) {
        seen = { body: String(body), authorization: this.req.headers.authorization, type: this.req.headers["content-type"] };
        return [200, { access_token: "at-new", token_type: "bearer", expires_in: 3600 }];
      });
    const tokens = createRefreshGrant({ metadata, tokenEndpoint: "POST /oauth/token", clientId: "app", clientSecret: "app-secret", initial: expired });

    expect(await tokens.getToken()).toBe("at-new");
    expect(seen?.type).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen!.body))).toEqual({ grant_type: "refresh_token", refresh_token: "rt-one" });
    expect(seen?.authorization).toBe(basicOf("app", "app-secret"));
    // A response without a refresh token keeps the old one (RFC 6749 §6).
    expect(tokens.current()?.refreshToken).toBe("rt-one");
  });

  it("sends JSON when asked, with extra params", async () => {
    let body: unknown;
    nock(BASE)
      .post("/oauth/token", (b) => ((body = b), true))
      .reply(200, { access_token: "at-json", token_type: "Bearer", refresh_token: "rt-two" });
    const tokens = createRefreshGrant({
      metadata,
      tokenEndpoint: "POST /oauth/token",
      clientId: "app",
      clientSecret: "app-secret",
      mediaType: "application/json",
      params: { scope: "read" },
      initial: expired,
    });
    expect(await tokens.getToken()).toBe("at-json");
    expect(body).toEqual({ scope: "read", grant_type: "refresh_token", refresh_token: "rt-one" });
    expect(tokens.current()?.refreshToken).toBe("rt-two");
  });

  it("puts client_id and client_secret in the body when the token endpoint declares no security", async () => {
    let seen: { body: unknown; authorization: string | undefined } | undefined;
    nock(BASE)
      .post("/public/token")
      .reply(function (_uri, body) {
        seen = { body, authorization: this.req.headers.authorization };
        return [200, { access_token: "at-post", token_type: "Bearer" }];
      });
    const tokens = createRefreshGrant({ metadata, tokenEndpoint: "POST /public/token", clientId: "app", clientSecret: "app-secret", initial: expired });
    expect(await tokens.getToken()).toBe("at-post");
    expect(seen).toEqual({
      body: { grant_type: "refresh_token", refresh_token: "rt-one", client_id: "app", client_secret: "app-secret" },
      authorization: undefined,
    });
  });

  it("backs a bearer client: a 401 refreshes once and the request is replayed, with no client/token-source cycle", async () => {
    const authorizations: (string | undefined)[] = [];
    nock(BASE)
      .get("/me")
      .times(2)
      .reply(function () {
        authorizations.push(this.req.headers.authorization);
        return authorizations.length === 1 ? [401, { message: "expired" }] : [200, { id: "u1" }];
      });
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-fresh", token_type: "Bearer", expires_in: 3600 });
    const tokens = createRefreshGrant({
      metadata,
      tokenEndpoint: "POST /oauth/token",
      clientId: "app",
      clientSecret: "app-secret",
      initial: { accessToken: "at-stale", tokenType: "Bearer", refreshToken: "rt-one" },
    });
    const client = createProviderClient<Record<string, never>>({ metadata, credentials: { BearerAuth: bearer(tokens) } });
    const me = (client as unknown as { GET: (path: string) => Promise<{ data?: unknown; error?: unknown; response: Response }> }).GET;

    expect(unwrap(await me("/me"))).toEqual({ id: "u1" });
    expect(authorizations).toEqual(["Bearer at-stale", "Bearer at-fresh"]);
  });

  it("latches invalid_grant as an OAuthError that never shows the refresh token or the client secret", async () => {
    nock(BASE).post("/oauth/token").reply(400, { error: "invalid_grant", error_description: "refresh token rt-one is revoked" });
    const tokens = createRefreshGrant({ metadata, tokenEndpoint: "POST /oauth/token", clientId: "app", clientSecret: "app-secret", initial: expired });
    const error = await rejected(tokens.getToken());
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).error).toBe("invalid_grant");
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain("rt-one");
    expect(shown).not.toContain("app-secret");
    // Latched: no second request (nock would fail on an unmocked call).
    expect(await rejected(tokens.getToken())).toBe(error);
  });

  it("refuses what it cannot do, before any request", async () => {
    expect(thrown(() => createRefreshGrant({ metadata, tokenEndpoint: "POST /nope", clientId: "app" }))).toBeInstanceOf(ConfigError);
    expect(thrown(() => createRefreshGrant({ metadata, tokenEndpoint: "GET /me", clientId: "app" }))).toBeInstanceOf(ConfigError);
    // The endpoint requires an API key the caller did not give.
    expect(thrown(() => createRefreshGrant({ metadata, tokenEndpoint: "POST /keyed/token", clientId: "app" }))).toBeInstanceOf(ConfigError);
    // No refresh token yet: a ConfigError, and nothing sent.
    const tokens = createRefreshGrant({ metadata, tokenEndpoint: "POST /oauth/token", clientId: "app", clientSecret: "s" });
    expect(await rejected(tokens.getToken())).toBeInstanceOf(ConfigError);
  });
});
