// Tradovate: the OAuth authorize page and /auth/oauthtoken (codes, refresh-token rotation, errors with
// HTTP 200), access-token requests that open sessions (at most 2 per user: a third closes the oldest),
// renewal, /auth/me, and penalty tickets. Bad requests get 400 and bad tokens 401, without a body, as
// Tradovate documents.
import { redeemCode } from "../../oauth/codes.js";
import { redeemMessage } from "../../oauth/errors.js";
import { authorizePageRoutes } from "../../oauth/authorize-page.js";
import { checkToken, createGrant, issueToken, rotateRefreshToken } from "../../oauth/grants.js";
import { randomToken } from "../../oauth/random.js";
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../../provider.js";
import { empty, json } from "../../server/respond.js";
import { type MockState, type MockToken, createMockState } from "../../state.js";
import { type PenaltyState, penalize } from "./penalty.js";

export interface TradovateUser {
  userId: number;
  name: string;
  password: string;
  fullName: string;
  email: string;
  /** Session tokens, oldest first; at most {@link MAX_SESSIONS}. */
  sessions: string[];
}

export interface TradovateMockOptions {
  /** How many of the first token requests get a penalty ticket. Default 0. */
  penaltyTickets: number;
  /** `p-time` of those tickets in seconds. Default 15. */
  penaltySeconds: number;
  /** Whether tickets demand a captcha (then they cannot be redeemed). Default false. */
  penaltyCaptcha: boolean;
}

export interface TradovateMockState extends MockState {
  user: TradovateUser;
  /** The API key (`cid`, `sec`) access-token requests must carry when they carry one. */
  apiKey: { cid: string; sec: string };
  penalty: PenaltyState;
}

type Context = HandlerContext<TradovateMockState, TradovateMockOptions>;

/** Tradovate allows two concurrent sessions per user. */
export const MAX_SESSIONS = 2;
/** Access tokens last 80 minutes (the newest docs; older ones say 90). */
const SESSION_TTL_SECONDS = 80 * 60;
const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

const tokenError = (error: string, description: string): MockResponse => json(200, { error, error_description: description });

function accessTokenResponse(context: Context, token: MockToken) {
  const { user } = context.state;
  return {
    accessToken: token.token,
    expirationTime: new Date(token.expiresAt!).toISOString(),
    passwordExpirationTime: new Date(context.now() + 90 * 24 * 3600_000).toISOString(),
    userStatus: "Active",
    userId: user.userId,
    name: user.name,
    hasLive: false,
    hasSimPlus: false,
    showKIDs: false,
  };
}

/** Opens a session for the user; the oldest is closed when there would be more than two. */
function openSession(context: Context): MockToken {
  const { state } = context;
  const token = issueToken(state, context.now(), { kind: "session", ttlSeconds: context.options.accessTokenTtlSeconds ?? SESSION_TTL_SECONDS });
  state.user.sessions.push(token.token);
  while (state.user.sessions.length > MAX_SESSIONS) {
    const closed = state.tokens.get(state.user.sessions.shift()!);
    if (closed) closed.revoked = true;
  }
  return token;
}

/** A bearer token that works on /auth/me: a session token or an OAuth access token. */
function bearerCheck(context: Context) {
  return checkToken(context.state, context.now(), context.request.auth.bearer, ["session", "oauth"]);
}

export const behaviour: ProviderBehaviour<TradovateMockState, TradovateMockOptions> = {
  createState({ options }) {
    const state: TradovateMockState = {
      ...createMockState(),
      user: { userId: 2456789, name: "mock_trader", password: randomToken("pw-", 12), fullName: "Mock Trader", email: "mock.trader@example.com", sessions: [] },
      apiKey: { cid: "4127", sec: crypto.randomUUID() },
      penalty: { ticketsLeft: options.penaltyTickets ?? 0, seconds: options.penaltySeconds ?? 15, captcha: options.penaltyCaptcha ?? false, tickets: new Map() },
    };
    const clientId = options.client?.clientId ?? "4127";
    state.clients.set(clientId, { clientId, clientSecret: options.client?.clientSecret ?? crypto.randomUUID(), redirectUris: options.redirectUris, name: "Mock Tradovate App" });
    return state;
  },

  credentials(state, { baseUrl }) {
    const [client] = state.clients.values();
    return {
      name: state.user.name,
      password: state.user.password,
      cid: state.apiKey.cid,
      sec: state.apiKey.sec,
      clientId: client!.clientId,
      clientSecret: client!.clientSecret,
      redirectUri: client!.redirectUris[0] ?? "",
      authorizeUrl: `${baseUrl}/oauth`,
    };
  },

  routes: authorizePageRoutes<TradovateMockState, TradovateMockOptions>({ path: "/oauth", providerName: "Tradovate" }),

  operations: {
    async oauthToken(context) {
      const body = context.request.body as Record<string, string>;
      const now = context.now();
      const ticket = penalize(context.state.penalty, now, body);
      if (ticket) return json(200, ticket);
      const client = context.state.clients.get(body.client_id ?? "");
      if (!client || client.clientSecret !== body.client_secret) return tokenError("invalid_client", "Client authentication failed.");
      const ttl = context.options.accessTokenTtlSeconds ?? SESSION_TTL_SECONDS;
      const issue = (grantId: string, scope: string) => {
        const grant = context.state.grants.get(grantId)!;
        const token = issueToken(context.state, now, { kind: "oauth", grantId, clientId: client.clientId, scope, ttlSeconds: ttl });
        return json(200, { access_token: token.token, refresh_token: grant.refreshToken, token_type: "Bearer", expires_in: ttl, refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS });
      };
      if (body.grant_type === "authorization_code") {
        if (!body.code) return tokenError("invalid_request", "code is required.");
        const redeemed = await redeemCode(context.state, now, { code: body.code, clientId: client.clientId, redirectUri: body.redirect_uri, codeVerifier: body.code_verifier });
        if ("failure" in redeemed) return tokenError("invalid_grant", redeemMessage[redeemed.failure]);
        const grant = createGrant(context.state, client.clientId, redeemed.code.scope, true);
        redeemed.code.grantId = grant.id;
        return issue(grant.id, grant.scope);
      }
      if (body.grant_type === "refresh_token") {
        if (!body.refresh_token) return tokenError("invalid_request", "refresh_token is required.");
        const rotated = rotateRefreshToken(context.state, now, body.refresh_token);
        if ("failure" in rotated) {
          const reason = rotated.failure === "reused" ? "The refresh token was already used; the grant is revoked." : "The refresh token is invalid.";
          return tokenError("invalid_grant", reason);
        }
        if (rotated.grant.clientId !== client.clientId) return tokenError("invalid_grant", "The refresh token was issued to another client.");
        return issue(rotated.grant.id, rotated.grant.scope);
      }
      return tokenError("unsupported_grant_type", `grant_type ${JSON.stringify(body.grant_type)} is not supported.`);
    },

    accessTokenRequest(context) {
      const body = context.request.body as Record<string, unknown>;
      const ticket = penalize(context.state.penalty, context.now(), body);
      if (ticket) return json(200, ticket);
      const { user, apiKey } = context.state;
      if (body.name !== user.name || body.password !== user.password) return json(200, { errorText: "Incorrect username or password. Please try again." });
      if ((body.cid !== undefined || body.sec !== undefined) && (body.cid !== apiKey.cid || body.sec !== apiKey.sec)) {
        return json(200, { errorText: "The app is not registered" });
      }
      return json(200, accessTokenResponse(context, openSession(context)));
    },

    renewAccessToken(context) {
      const checked = bearerCheck(context);
      if ("failure" in checked) return checked.failure === "revoked" ? json(200, { errorText: "Access is denied" }) : empty(401);
      const { state } = context;
      // The renewed token takes the old one's place in the same session: no new session is opened.
      const renewed = issueToken(state, context.now(), { kind: checked.token.kind, grantId: checked.token.grantId, ttlSeconds: context.options.accessTokenTtlSeconds ?? SESSION_TTL_SECONDS });
      const slot = state.user.sessions.indexOf(checked.token.token);
      if (slot >= 0) state.user.sessions[slot] = renewed.token;
      return json(200, accessTokenResponse(context, renewed));
    },

    getMe(context) {
      const checked = bearerCheck(context);
      if ("failure" in checked) return checked.failure === "revoked" ? json(200, { errorText: "Access is denied" }) : empty(401);
      const { user } = context.state;
      return json(200, { userId: user.userId, name: user.name, fullName: user.fullName, email: user.email, emailVerified: true, isTrial: false });
    },
  },

  invalidRequest: () => empty(400),
  unauthorized: () => empty(401),
};
