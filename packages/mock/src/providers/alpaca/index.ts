// Alpaca: Broker API OAuth (HTTP Basic with the broker key; clients, tokens, codes), Alpaca Connect (the
// authorize page and the form-encoded code exchange) and authx client-credentials tokens.
import { redeemCode } from "../../oauth/codes.js";
import { oauthError, redeemMessage } from "../../oauth/errors.js";
import { authorizePageRoutes } from "../../oauth/authorize-page.js";
import { checkToken, createGrant, issueToken } from "../../oauth/grants.js";
import { randomToken } from "../../oauth/random.js";
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../../provider.js";
import { empty, json, text } from "../../server/respond.js";
import { type MockState, createMockState } from "../../state.js";
import { documentedError } from "../generic.js";

export interface AlpacaMockState extends MockState {
  /** The broker's API key (HTTP Basic username and password). */
  broker: { key: string; secret: string };
  /** authx client-credentials clients: id → secret. */
  authxClients: Map<string, string>;
}

type Context = HandlerContext<AlpacaMockState, object>;

const CLIENT_UNAUTHORIZED = "Client does not exist, or you do not have access to the client, or client_secret is incorrect";
const UNPROCESSABLE = "Redirect URI or scope is invalid";
const CONNECT_SCOPES = new Set(["account:write", "trading", "data", "general"]);

function brokerAuthorized(context: Context): boolean {
  const basic = context.request.auth.basic;
  return basic?.username === context.state.broker.key && basic.password === context.state.broker.secret;
}

/** Broker token and authorize requests: the client, its secret, the redirect URI and the scope. */
function checkBrokerRequest(context: Context): MockResponse | undefined {
  if (!brokerAuthorized(context)) return text(401, CLIENT_UNAUTHORIZED);
  const body = context.request.body as { client_id: string; client_secret: string; redirect_uri: string; scope: string | number };
  const client = context.state.clients.get(body.client_id);
  if (!client || client.clientSecret !== body.client_secret) return text(401, CLIENT_UNAUTHORIZED);
  if (!client.redirectUris.includes(body.redirect_uri)) return text(422, UNPROCESSABLE);
  if (String(body.scope).split(" ").some((scope) => scope !== "" && !CONNECT_SCOPES.has(scope))) return text(422, UNPROCESSABLE);
  return undefined;
}

export const behaviour: ProviderBehaviour<AlpacaMockState> = {
  createState({ options }) {
    const state: AlpacaMockState = {
      ...createMockState(),
      broker: { key: randomToken("CK", 12), secret: randomToken("", 24) },
      authxClients: new Map([[crypto.randomUUID(), randomToken("", 24)]]),
    };
    const clientId = options.client?.clientId ?? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("hex");
    state.clients.set(clientId, { clientId, clientSecret: options.client?.clientSecret ?? randomToken("", 24), redirectUris: options.redirectUris, name: "Mock Trading App" });
    return state;
  },

  credentials(state, { baseUrl }) {
    const [client] = state.clients.values();
    const [authx] = state.authxClients.entries();
    return {
      brokerKey: state.broker.key,
      brokerSecret: state.broker.secret,
      clientId: client!.clientId,
      clientSecret: client!.clientSecret,
      redirectUri: client!.redirectUris[0] ?? "",
      authorizeUrl: `${baseUrl}/oauth/authorize`,
      authxClientId: authx![0],
      authxClientSecret: authx![1],
    };
  },

  routes: [
    ...authorizePageRoutes<AlpacaMockState, object>({ path: "/oauth/authorize", providerName: "Alpaca" }),
    {
      // Not in the spec (the Trading API is out of its scope): the first call an app makes with a Connect
      // token, so a flow can be tested end to end.
      method: "GET",
      path: "/v2/account",
      handle(context) {
        const bearer = /^Bearer\s+(\S+)$/i.exec(context.request.headers.authorization ?? "")?.[1];
        const checked = checkToken(context.state, context.now(), bearer, ["connect"]);
        if ("failure" in checked) return json(401, { code: 40110000, message: "request is not authorized" });
        return json(200, { id: checked.token.grantId, account_number: "PA3MOCK0001", status: "ACTIVE", currency: "USD", scope: checked.token.scope });
      },
    },
  ],

  operations: {
    getOAuthClient(context) {
      if (!brokerAuthorized(context)) return text(401, "Client does not exist, or you do not have access to the client");
      const client = context.state.clients.get(String(context.request.pathParams.client_id));
      if (!client) return text(401, "Client does not exist, or you do not have access to the client");
      return json(200, {
        client_id: client.clientId,
        name: client.name,
        description: "An OAuth client registered with the mock",
        url: "http://localhost",
        terms_of_use: "",
        privacy_policy: "",
        status: "ACTIVE",
        redirect_uri: client.redirectUris,
        live_trading_approved: false,
      });
    },

    issueOAuthToken(context) {
      const refused = checkBrokerRequest(context);
      if (refused) return refused;
      const body = context.request.body as { client_id: string; scope: string | number };
      const grant = createGrant(context.state, body.client_id, String(body.scope), false);
      const token = issueToken(context.state, context.now(), { kind: "broker", grantId: grant.id, clientId: body.client_id, scope: grant.scope, ttlSeconds: context.options.accessTokenTtlSeconds });
      return json(200, { access_token: token.token, token_type: "Bearer", scope: token.scope });
    },

    authorizeOAuthToken(context) {
      const refused = checkBrokerRequest(context);
      if (refused) return refused;
      const body = context.request.body as { client_id: string; redirect_uri: string; scope: string | number };
      const now = context.now();
      const code = randomToken("", 18);
      context.state.codes.set(code, {
        code,
        clientId: body.client_id,
        redirectUri: body.redirect_uri,
        scope: String(body.scope),
        codeChallenge: undefined,
        codeChallengeMethod: undefined,
        expiresAt: now + context.options.codeTtlSeconds * 1000,
        usedAt: undefined,
        grantId: undefined,
      });
      return json(200, { code, client_id: body.client_id, redirect_uri: body.redirect_uri, scope: String(body.scope) });
    },

    deleteOAuthToken(context) {
      if (!brokerAuthorized(context)) return text(401, CLIENT_UNAUTHORIZED);
      const token = context.state.tokens.get(String(context.request.pathParams.token_id));
      if (token) token.revoked = true;
      return empty(204);
    },

    async exchangeConnectAuthorizationCode(context) {
      const body = context.request.body as { code: string; client_id: string; client_secret: string; redirect_uri: string; code_verifier?: string };
      const client = context.state.clients.get(body.client_id);
      if (!client || client.clientSecret !== body.client_secret) return oauthError(401, "invalid_client", "Client authentication failed.");
      const now = context.now();
      const redeemed = await redeemCode(context.state, now, { code: body.code, clientId: body.client_id, redirectUri: body.redirect_uri, codeVerifier: body.code_verifier });
      if ("failure" in redeemed) return oauthError(400, "invalid_grant", redeemMessage[redeemed.failure]);
      const grant = createGrant(context.state, client.clientId, redeemed.code.scope, false);
      redeemed.code.grantId = grant.id;
      const token = issueToken(context.state, now, { kind: "connect", grantId: grant.id, clientId: client.clientId, scope: grant.scope, ttlSeconds: context.options.accessTokenTtlSeconds });
      return json(200, { access_token: token.token, token_type: "bearer", scope: token.scope });
    },

    issueClientCredentialsToken(context) {
      const body = context.request.body as { client_id: string; client_secret?: string; client_assertion?: string; client_assertion_type?: string };
      const secret = context.state.authxClients.get(body.client_id);
      const bySecret = secret !== undefined && body.client_secret === secret;
      // private_key_jwt: the mock has no key to verify against; it checks the assertion names the client.
      const byAssertion = secret !== undefined && body.client_assertion !== undefined && assertionIssuer(body.client_assertion) === body.client_id;
      if (!bySecret && !byAssertion) return json(401, { error: "invalid_client" });
      const ttl = context.options.accessTokenTtlSeconds ?? 900;
      const token = issueToken(context.state, context.now(), { kind: "authx", clientId: body.client_id, ttlSeconds: ttl });
      return json(200, { access_token: token.token, expires_in: ttl, token_type: "Bearer" });
    },
  },

  invalidRequest(context, problems) {
    switch (context.operation?.operationId) {
      case "exchangeConnectAuthorizationCode":
        return oauthError(400, /grant_type/.test(problems.join()) ? "unsupported_grant_type" : "invalid_request", problems.join("; "));
      case "issueClientCredentialsToken":
        return json(400, { error: "invalid_request", fields: fieldNames(problems).map((name) => ({ name })) });
      case "issueOAuthToken":
      case "authorizeOAuthToken":
        return text(422, `${UNPROCESSABLE}: ${problems.join("; ")}`);
      default:
        return documentedError(context, [400, 422]);
    }
  },

  unauthorized(context) {
    return documentedError(context, [401]);
  },
};

function assertionIssuer(assertion: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(assertion.split(".")[1] ?? "", "base64url").toString("utf8")) as { iss?: unknown };
    return typeof payload.iss === "string" ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}

/** The body fields named in Ajv's problems ("body/grant_type must be ..." or "must have required property 'x'"). */
function fieldNames(problems: string[]): string[] {
  const names = problems.map((problem) => /'([^']+)'/.exec(problem)?.[1] ?? /^body \/([^ /]+)/.exec(problem)?.[1] ?? "body");
  return [...new Set(names)];
}
