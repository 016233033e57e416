// Turnkey: every request carries an X-Stamp verified over the exact body; activities are created and
// complete after a configurable number of get_activity polls; OAuth 2.0 credentials, OAuth providers and
// OIDC tokens are stored. The mock also plays the OAuth 2.0 provider (X) whose codes oauth2_authenticate
// exchanges: its authorize page issues codes bound to the credential's client id, redirect URI and PKCE.
import { redeemCode } from "../../oauth/codes.js";
import { redeemMessage } from "../../oauth/errors.js";
import { authorizePageRoutes } from "../../oauth/authorize-page.js";
import { randomToken } from "../../oauth/random.js";
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../../provider.js";
import { json } from "../../server/respond.js";
import { type MockState, createMockState } from "../../state.js";
import { generateApiKey, verifyStamp } from "./stamp.js";

export interface TurnkeyMockOptions {
  /** get_activity polls that still see the activity pending before it completes. Default 0 (completes at once). */
  pollsBeforeCompletion: number;
  /** Register this API public key (compressed hex) instead of generating a key pair. */
  apiPublicKey: string;
  /** Use this organization id (default: random). */
  organizationId: string;
  /** Id of the OAuth 2.0 credential (for X) the mock starts with (default: random). */
  oauth2CredentialId: string;
}

export interface TurnkeyActivity {
  id: string;
  organizationId: string;
  type: string;
  status: string;
  intent: Record<string, unknown>;
  result: Record<string, unknown>;
  pollsLeft: number;
  createdAt: number;
  updatedAt: number;
}

export interface TurnkeyOauth2Credential {
  oauth2CredentialId: string;
  organizationId: string;
  provider: string;
  clientId: string;
  encryptedClientSecret: string;
  createdAt: number;
  updatedAt: number;
}

export interface TurnkeyOauthProvider {
  providerId: string;
  userId: string;
  providerName: string;
  issuer: string;
  audience: string;
  subject: string;
  createdAt: number;
  updatedAt: number;
}

export interface TurnkeyMockState extends MockState {
  organizationId: string;
  userId: string;
  /** Registered API public keys (compressed hex); the generated private key is in `credentials` only. */
  apiKeys: Set<string>;
  activities: Map<string, TurnkeyActivity>;
  oauth2Credentials: Map<string, TurnkeyOauth2Credential>;
  oauthProviders: Map<string, TurnkeyOauthProvider>;
  /** OIDC tokens issued by oauth2_authenticate, with the nonce they carry. */
  oidcTokens: Map<string, { nonce: string; subject: string; audience: string }>;
  /** Generated key pair, when no apiPublicKey option was given. */
  generatedKey: { apiPublicKey: string; apiPrivateKey: string } | undefined;
}

type Context = HandlerContext<TurnkeyMockState, TurnkeyMockOptions>;

const status = (code: number, message: string, httpStatus: number): MockResponse => json(httpStatus, { code, message, details: [] });
const badRequest = (message: string) => status(3, message, 400);
const notFound = (message: string) => status(5, message, 404);
const timestamp = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: String((ms % 1000) * 1_000_000) });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function sha256Hex(text: string): Promise<string> {
  return Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("hex");
}

function activityBody(activity: TurnkeyActivity) {
  return {
    activity: {
      id: activity.id,
      organizationId: activity.organizationId,
      status: activity.status,
      type: activity.type,
      intent: activity.intent,
      result: activity.status === "ACTIVITY_STATUS_COMPLETED" ? activity.result : {},
      votes: [],
      fingerprint: `sha256:${activity.id.replace(/-/g, "")}`,
      canApprove: false,
      canReject: false,
      createdAt: timestamp(activity.createdAt),
      updatedAt: timestamp(activity.updatedAt),
    },
  };
}

type Run = (context: Context, parameters: Record<string, unknown>) => Promise<Record<string, unknown> | MockResponse> | Record<string, unknown> | MockResponse;

const isResponse = (value: unknown): value is MockResponse => typeof (value as MockResponse).status === "number";

/** An activity operation: checks the envelope, runs the intent, stores the activity. */
function activity(type: string, intentKey: string, resultKey: string, run: Run) {
  return async (context: Context): Promise<MockResponse> => {
    const body = context.request.body as { type: string; organizationId: string; parameters: Record<string, unknown> };
    if (body.organizationId !== context.state.organizationId) {
      return badRequest(`organization mismatch: request is targeting organization (${JSON.stringify(body.organizationId)}), but voters are in organization (${JSON.stringify(context.state.organizationId)})`);
    }
    const outcome = await run(context, body.parameters);
    if (isResponse(outcome)) return outcome;
    const now = context.now();
    const pollsLeft = context.options.pollsBeforeCompletion ?? 0;
    const stored: TurnkeyActivity = {
      id: crypto.randomUUID(),
      organizationId: body.organizationId,
      type,
      status: pollsLeft > 0 ? "ACTIVITY_STATUS_CREATED" : "ACTIVITY_STATUS_COMPLETED",
      intent: { [intentKey]: body.parameters },
      result: { [resultKey]: outcome },
      pollsLeft,
      createdAt: now,
      updatedAt: now,
    };
    context.state.activities.set(stored.id, stored);
    return json(200, activityBody(stored));
  };
}

function credentialBody(credential: TurnkeyOauth2Credential) {
  return { ...credential, createdAt: timestamp(credential.createdAt), updatedAt: timestamp(credential.updatedAt) };
}

export const behaviour: ProviderBehaviour<TurnkeyMockState, TurnkeyMockOptions> = {
  async createState({ options }) {
    const generatedKey = options.apiPublicKey ? undefined : await generateApiKey();
    const state: TurnkeyMockState = {
      ...createMockState(),
      organizationId: options.organizationId ?? crypto.randomUUID(),
      userId: crypto.randomUUID(),
      apiKeys: new Set([(options.apiPublicKey ?? generatedKey!.apiPublicKey).toLowerCase()]),
      activities: new Map(),
      oauth2Credentials: new Map(),
      oauthProviders: new Map(),
      oidcTokens: new Map(),
      generatedKey,
    };
    // One OAuth 2.0 credential for X, whose client is the mock's authorize page client.
    const clientId = options.client?.clientId ?? randomToken("", 16);
    state.clients.set(clientId, { clientId, clientSecret: options.client?.clientSecret ?? randomToken("", 24), redirectUris: options.redirectUris, name: "Mock X App" });
    const now = options.now();
    const oauth2CredentialId = options.oauth2CredentialId ?? crypto.randomUUID();
    state.oauth2Credentials.set(oauth2CredentialId, { oauth2CredentialId, organizationId: state.organizationId, provider: "OAUTH2_PROVIDER_X", clientId, encryptedClientSecret: randomToken("", 32), createdAt: now, updatedAt: now });
    return state;
  },

  credentials(state, { baseUrl }) {
    const [credential] = state.oauth2Credentials.values();
    return {
      organizationId: state.organizationId,
      ...(state.generatedKey ?? { apiPublicKey: [...state.apiKeys][0]! }),
      oauth2CredentialId: credential!.oauth2CredentialId,
      oauth2ClientId: credential!.clientId,
      redirectUri: state.clients.get(credential!.clientId)!.redirectUris[0] ?? "",
      authorizeUrl: `${baseUrl}/oauth2/authorize`,
    };
  },

  routes: authorizePageRoutes<TurnkeyMockState, TurnkeyMockOptions>({ path: "/oauth2/authorize", providerName: "X" }),

  operations: {
    oauth2Authenticate: activity("ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", "oauth2AuthenticateIntent", "oauth2AuthenticateResult", async (context, parameters) => {
      const p = parameters as { oauth2CredentialId: string; authCode: string; redirectUri: string; codeVerifier: string; nonce: string };
      const credential = context.state.oauth2Credentials.get(p.oauth2CredentialId);
      if (!credential) return notFound(`oauth2 credential not found: ${p.oauth2CredentialId}`);
      const redeemed = await redeemCode(context.state, context.now(), { code: p.authCode, clientId: credential.clientId, redirectUri: p.redirectUri, codeVerifier: p.codeVerifier });
      if ("failure" in redeemed) return badRequest(`oauth2 authentication failed: invalid_grant: ${redeemMessage[redeemed.failure]}`);
      const subject = `x|${context.state.userId.slice(0, 8)}`;
      const issuedAt = Math.floor(context.now() / 1000);
      const oidcToken = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: context.baseUrl, sub: subject, aud: credential.clientId, nonce: p.nonce, iat: issuedAt, exp: issuedAt + 600 })}.${randomToken("", 32)}`;
      context.state.oidcTokens.set(oidcToken, { nonce: p.nonce, subject, audience: credential.clientId });
      return { oidcToken };
    }),

    oauthLogin: activity("ACTIVITY_TYPE_OAUTH_LOGIN", "oauthLoginIntent", "oauthLoginResult", async (context, parameters) => {
      const p = parameters as { oidcToken: string; publicKey: string; expirationSeconds?: string };
      const issued = context.state.oidcTokens.get(p.oidcToken);
      if (!issued) return badRequest("invalid OIDC token");
      // The OIDC token is bound to the session key: its nonce is sha256(publicKey).
      if (issued.nonce !== (await sha256Hex(p.publicKey))) return badRequest("OIDC token nonce does not match sha256(publicKey)");
      const issuedAt = Math.floor(context.now() / 1000);
      const ttl = Number(p.expirationSeconds ?? context.options.accessTokenTtlSeconds ?? 900);
      const session = `${b64({ alg: "ES256", typ: "JWT" })}.${b64({ organization_id: context.state.organizationId, user_id: context.state.userId, public_key: p.publicKey, iat: issuedAt, exp: issuedAt + ttl })}.${randomToken("", 32)}`;
      context.state.tokens.set(session, { token: session, kind: "session", grantId: undefined, clientId: undefined, scope: "", issuedAt: context.now(), expiresAt: context.now() + ttl * 1000, revoked: false });
      return { session };
    }),

    oauth: activity("ACTIVITY_TYPE_OAUTH", "oauthIntent", "oauthResult", (context, parameters) => {
      const p = parameters as { oidcToken: string };
      if (!context.state.oidcTokens.has(p.oidcToken)) return badRequest("invalid OIDC token");
      return { userId: context.state.userId, apiKeyId: crypto.randomUUID(), credentialBundle: randomToken("", 64) };
    }),

    createOauth2Credential: activity("ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL", "createOauth2CredentialIntent", "createOauth2CredentialResult", (context, parameters) => {
      const p = parameters as { provider: string; clientId: string; encryptedClientSecret: string };
      const now = context.now();
      const oauth2CredentialId = crypto.randomUUID();
      context.state.oauth2Credentials.set(oauth2CredentialId, { oauth2CredentialId, organizationId: context.state.organizationId, provider: p.provider, clientId: p.clientId, encryptedClientSecret: p.encryptedClientSecret, createdAt: now, updatedAt: now });
      return { oauth2CredentialId };
    }),

    updateOauth2Credential: activity("ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL", "updateOauth2CredentialIntent", "updateOauth2CredentialResult", (context, parameters) => {
      const p = parameters as { oauth2CredentialId: string; provider: string; clientId: string; encryptedClientSecret: string };
      const credential = context.state.oauth2Credentials.get(p.oauth2CredentialId);
      if (!credential) return notFound(`oauth2 credential not found: ${p.oauth2CredentialId}`);
      Object.assign(credential, { provider: p.provider, clientId: p.clientId, encryptedClientSecret: p.encryptedClientSecret, updatedAt: context.now() });
      return { oauth2CredentialId: p.oauth2CredentialId };
    }),

    deleteOauth2Credential: activity("ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL", "deleteOauth2CredentialIntent", "deleteOauth2CredentialResult", (context, parameters) => {
      const p = parameters as { oauth2CredentialId: string };
      if (!context.state.oauth2Credentials.delete(p.oauth2CredentialId)) return notFound(`oauth2 credential not found: ${p.oauth2CredentialId}`);
      return { oauth2CredentialId: p.oauth2CredentialId };
    }),

    createOauthProviders: activity("ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2", "createOauthProvidersIntentV2", "createOauthProvidersResultV2", (context, parameters) => {
      const p = parameters as { userId: string; oauthProviders: { providerName: string; oidcToken?: string; oidcClaims?: { iss: string; sub: string; aud: string } }[] };
      if (p.userId !== context.state.userId) return notFound(`user not found: ${p.userId}`);
      const now = context.now();
      const providerIds = p.oauthProviders.map((provider) => {
        const fromToken = provider.oidcToken ? context.state.oidcTokens.get(provider.oidcToken) : undefined;
        const providerId = crypto.randomUUID();
        context.state.oauthProviders.set(providerId, {
          providerId,
          userId: p.userId,
          providerName: provider.providerName,
          issuer: provider.oidcClaims?.iss ?? context.baseUrl,
          audience: provider.oidcClaims?.aud ?? fromToken?.audience ?? "",
          subject: provider.oidcClaims?.sub ?? fromToken?.subject ?? "",
          createdAt: now,
          updatedAt: now,
        });
        return providerId;
      });
      return { providerIds };
    }),

    deleteOauthProviders: activity("ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS", "deleteOauthProvidersIntent", "deleteOauthProvidersResult", (context, parameters) => {
      const p = parameters as { userId: string; providerIds: string[] };
      const missing = p.providerIds.find((id) => context.state.oauthProviders.get(id)?.userId !== p.userId);
      if (missing) return notFound(`oauth provider not found: ${missing}`);
      for (const id of p.providerIds) context.state.oauthProviders.delete(id);
      return { providerIds: p.providerIds };
    }),

    getActivity(context) {
      const body = context.request.body as { organizationId: string; activityId: string };
      const stored = context.state.activities.get(body.activityId);
      if (!stored || stored.organizationId !== body.organizationId) return notFound(`activity not found: ${body.activityId}`);
      if (stored.pollsLeft > 0) {
        stored.pollsLeft--;
        stored.status = stored.pollsLeft > 0 ? "ACTIVITY_STATUS_PENDING" : "ACTIVITY_STATUS_COMPLETED";
        stored.updatedAt = context.now();
      }
      return json(200, activityBody(stored));
    },

    getOauth2Credential(context) {
      const body = context.request.body as { organizationId: string; oauth2CredentialId: string };
      const credential = context.state.oauth2Credentials.get(body.oauth2CredentialId);
      if (!credential || credential.organizationId !== body.organizationId) return notFound(`oauth2 credential not found: ${body.oauth2CredentialId}`);
      return json(200, { oauth2Credential: credentialBody(credential) });
    },

    listOauth2Credentials(context) {
      const body = context.request.body as { organizationId: string };
      const credentials = [...context.state.oauth2Credentials.values()].filter((credential) => credential.organizationId === body.organizationId);
      return json(200, { oauth2Credentials: credentials.map(credentialBody) });
    },

    getOauthProviders(context) {
      const body = context.request.body as { organizationId: string; userId?: string };
      if (body.organizationId !== context.state.organizationId) return notFound(`organization not found: ${body.organizationId}`);
      const providers = [...context.state.oauthProviders.values()].filter((provider) => body.userId === undefined || provider.userId === body.userId);
      return json(200, {
        oauthProviders: providers.map(({ userId: _user, ...provider }) => ({ ...provider, createdAt: timestamp(provider.createdAt), updatedAt: timestamp(provider.updatedAt) })),
      });
    },
  },

  // Every Turnkey request is stamped: the stamp is checked over the exact bytes before anything else.
  async authenticate(context) {
    const checked = await verifyStamp(context.request.headers["x-stamp"], context.request.rawBody, context.state.apiKeys);
    return "failure" in checked ? status(16, checked.failure, 401) : undefined;
  },

  invalidRequest: (_context, problems) => badRequest(`invalid request: ${problems.join("; ")}`),
  unauthorized: () => status(16, "could not verify stamp: missing X-Stamp header", 401),
  issuedTokenCollections: (state) => [state.oidcTokens],
};
