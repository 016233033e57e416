// openapi.com OAuth V2: Basic authentication with the account email and API key on every operation;
// tokens created, listed (skip/limit), read, updated, rotated with the refresh token (the old token is
// deleted; a refresh token used twice deletes the token it rotated into) and deleted; scopes checked against
// the account's enabled APIs; the other lists paginated over the spec's examples.
import { randomToken } from "../../oauth/random.js";
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../../provider.js";
import { empty, json } from "../../server/respond.js";
import { type MockState, createMockState } from "../../state.js";
import { documentedError } from "../generic.js";

export interface OpenapiComToken {
  token: string;
  name: string;
  scopes: string[];
  refreshToken: string;
  limits: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  expireAt: number;
  /** Tokens rotated from one another share a lineage; a reused refresh token deletes the lineage's token. */
  lineage: string;
}

export interface OpenapiComMockState extends MockState {
  account: { email: string; apiKey: string };
  apiTokens: Map<string, OpenapiComToken>;
  /** Refresh tokens already used for a rotation, with the lineage they belong to. */
  usedRefreshTokens: Map<string, string>;
  /** `METHOD:host/path` scopes the account has enabled. */
  enabledScopes: string[];
}

type Context = HandlerContext<OpenapiComMockState, OpenapiComMockOptions>;

const YEAR = 365 * 24 * 3600;
const DEFAULT_TTL = 30 * 24 * 3600;
const SCOPE_FORMAT = /^(GET|POST|PUT|PATCH|DELETE|\*):[a-z0-9.-]+\/\S*$/;
const TOKEN_FORMAT = /^[0-9a-f]{24}$/;

const failure = (status: number, error: number, message: string): MockResponse => json(status, { success: false, message, error, data: null });
const objectId = () => Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString("hex");

function detail(token: OpenapiComToken) {
  return {
    token: token.token,
    name: token.name,
    createdAt: new Date(token.createdAt).toISOString(),
    expireAt: new Date(token.expireAt).toISOString(),
    updatedAt: new Date(token.updatedAt).toISOString(),
    scopes: token.scopes,
    refreshToken: token.refreshToken,
    limits: token.limits,
    stats: { totalRequests: 0, walletRequests: 0, subscriptionRequests: 0, errorRequests: 0, walletAmount: 0, ip: [] },
  };
}

/** undefined when every scope is well formed and enabled; else which of the two checks failed. */
function scopeProblem(context: Context, scopes: string[]): "format" | "not_enabled" | undefined {
  if (scopes.some((scope) => !SCOPE_FORMAT.test(scope))) return "format";
  const enabled = (scope: string) => context.state.enabledScopes.some((allowed) => allowed === scope || scope.startsWith(`${allowed}/`));
  return scopes.every(enabled) ? undefined : "not_enabled";
}

const ttlOf = (ttl: number | undefined) => (ttl === undefined || ttl <= 0 ? DEFAULT_TTL : Math.min(ttl, YEAR));

/** Lists: the spec's example items, `skip` and `limit` applied. */
function paginatedExample(context: Context): MockResponse {
  const example = context.example() as { data?: unknown };
  const { skip = 0, limit = 100 } = context.request.query as { skip?: number; limit?: number };
  if (Array.isArray(example.data)) example.data = example.data.slice(skip, skip + limit);
  return json(200, example);
}

export interface OpenapiComMockOptions {
  /** The account's email, the Basic username (default `mock@example.com`). */
  email: string;
  /** The account's API key, the Basic password (default: random). */
  apiKey: string;
}

export const behaviour: ProviderBehaviour<OpenapiComMockState, OpenapiComMockOptions> = {
  createState({ document, options }) {
    const scopes = (document.paths["/scopes"]?.get as { responses: Record<string, { content: Record<string, { example: { data: { scope: string }[] } }> }> })
      .responses["200"]!.content["application/json"]!.example.data.map(({ scope }) => scope);
    return {
      ...createMockState(),
      account: { email: options.email ?? "mock@example.com", apiKey: options.apiKey ?? randomToken("", 24) },
      apiTokens: new Map(),
      usedRefreshTokens: new Map(),
      enabledScopes: [...scopes, "GET:oauth.openapi.com/tokens", "POST:oauth.openapi.com/tokens", "PATCH:oauth.openapi.com/tokens", "DELETE:oauth.openapi.com/tokens"],
    };
  },

  credentials: (state) => ({ email: state.account.email, apiKey: state.account.apiKey }),

  // Basic must be the account's; a refresh-token Bearer is checked by the rotation itself.
  authenticate(context) {
    const basic = context.request.auth.basic;
    if (!basic) return undefined;
    if (basic.username === context.state.account.email && basic.password === context.state.account.apiKey) return undefined;
    return context.operation?.operationId === "updateToken" ? failure(401, 140, "Unauthorized") : empty(401);
  },

  operations: {
    createToken(context) {
      const body = context.request.body as { name?: string; scopes: string[]; ttl?: number; limits?: Record<string, unknown> };
      const problem = scopeProblem(context, body.scopes);
      if (problem === "format") return failure(422, 80, "invalid scopes format");
      if (problem === "not_enabled") return failure(422, 90, "Invalid scopes specified or API not enabled");
      const now = context.now();
      const token: OpenapiComToken = {
        token: objectId(),
        name: body.name ?? "",
        scopes: body.scopes,
        refreshToken: objectId(),
        limits: body.limits ?? {},
        createdAt: now,
        updatedAt: now,
        expireAt: now + ttlOf(body.ttl) * 1000,
        lineage: objectId(),
      };
      context.state.apiTokens.set(token.token, token);
      return json(200, detail(token));
    },

    listTokens(context) {
      const { skip = 0, limit = 100 } = context.request.query as { skip?: number; limit?: number };
      return json(200, { data: [...context.state.apiTokens.values()].slice(skip, skip + limit).map(detail) });
    },

    getToken(context) {
      const id = String(context.request.pathParams.token);
      if (!TOKEN_FORMAT.test(id)) return failure(422, 60, "Invalid Token Format");
      const token = context.state.apiTokens.get(id);
      return token ? json(200, detail(token)) : failure(404, 120, "Not Found");
    },

    updateToken(context) {
      const id = String(context.request.pathParams.token);
      const { state } = context;
      const now = context.now();
      if (context.request.auth.bearer !== undefined) {
        const presented = context.request.auth.bearer;
        const reused = state.usedRefreshTokens.get(presented);
        if (reused !== undefined) {
          // Reuse: whoever holds the rotated token loses it too.
          for (const token of state.apiTokens.values()) if (token.lineage === reused) state.apiTokens.delete(token.token);
          return failure(401, 130, "Unauthorized");
        }
        const current = state.apiTokens.get(id);
        if (!current || current.refreshToken !== presented) return failure(401, 130, "Unauthorized");
        state.usedRefreshTokens.set(presented, current.lineage);
        state.apiTokens.delete(id);
        const rotated: OpenapiComToken = { ...current, token: objectId(), refreshToken: objectId(), updatedAt: now };
        state.apiTokens.set(rotated.token, rotated);
        return json(200, detail(rotated));
      }
      const token = state.apiTokens.get(id);
      if (!token) return failure(404, 160, "Not Found");
      const body = context.request.body as { name?: string; scopes?: string[]; ttl?: number; limits?: Record<string, unknown> };
      if (body.scopes) {
        const problem = scopeProblem(context, body.scopes);
        if (problem === "format") return failure(422, 100, "invalid scopes format");
        if (problem === "not_enabled") return failure(422, 110, "Invalid scopes specified or API not enabled");
        token.scopes = body.scopes;
      }
      if (body.name !== undefined) token.name = body.name;
      if (body.limits !== undefined) token.limits = body.limits;
      if (body.ttl !== undefined) token.expireAt = now + ttlOf(body.ttl) * 1000;
      token.updatedAt = now;
      return json(200, detail(token));
    },

    deleteToken(context) {
      const id = String(context.request.pathParams.token);
      if (!context.state.apiTokens.delete(id)) return failure(404, 180, "Not Found");
      return json(200, { message: "Deleted", data: null });
    },

    getScope(context) {
      const id = String(context.request.pathParams.id);
      const example = context.example() as { data: Record<string, unknown> };
      const scopes = (context.document.paths["/scopes"]?.get as { responses: Record<string, { content: Record<string, { example: { data: { id: string }[] } }> }> })
        .responses["200"]!.content["application/json"]!.example.data;
      if (!scopes.some((scope) => scope.id === id) && example.data.id !== id) return failure(404, 10, "Scope not found");
      example.data.id = id;
      return json(200, example);
    },

    listWalletTransactions: paginatedExample,
    listErrors: paginatedExample,
    listCallbacks: paginatedExample,
    listSubscriptions: paginatedExample,
  },

  invalidRequest(context, problems) {
    switch (context.operation?.operationId) {
      case "createToken":
        return /scopes/.test(problems.join()) && /required/.test(problems.join()) ? failure(422, 70, "missing scopes array") : failure(422, 80, "invalid scopes format");
      case "updateToken":
        return failure(422, 100, "invalid scopes format");
      default:
        return documentedError(context, [422, 400]);
    }
  },

  unauthorized(context) {
    return context.operation?.operationId === "updateToken" ? failure(401, 140, "Unauthorized") : empty(401);
  },

  // The tokens themselves are the account's records, listed and deleted through the API: not forgotten.
  issuedTokenCollections: (state) => [state.usedRefreshTokens],
};
