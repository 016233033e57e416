// Every operation of every spec answered with a 2xx that conforms to the spec. The mock checks each answer
// against the spec before sending it (a non-conforming one becomes a 500), so a scenario per provider that
// reaches every operation with a success, and a coverage check read from the spec, prove it.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { providers } from "../src/bundled/index.js";
import type { MockProvider, MockProviderName } from "../src/index.js";
import { specOperations } from "../src/spec/operations.js";
import { authorizeCode, basic, bearer, call, challengeOf, stamped, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";

type Scenario<P extends MockProviderName> = (mock: MockProvider<P>) => Promise<void>;

// Partial: a provider added with `pnpm new-provider` has no scenario (nor behaviour module) until someone
// writes one; it is still served from its spec (see the last test).
const scenarios: Partial<{ [P in MockProviderName]: Scenario<P> }> = {
  async alpaca(mock) {
    const c = mock.credentials as Record<string, string>;
    const broker = basic(c.brokerKey!, c.brokerSecret!);
    await call(mock, "GET", `/v1/oauth/clients/${c.clientId}`, { headers: broker, query: { response_type: "code", redirect_uri: REDIRECT } });
    const request = { client_id: c.clientId, client_secret: c.clientSecret, redirect_uri: REDIRECT, scope: "general", account_id: "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415" };
    const issued = await call(mock, "POST", "/v1/oauth/token", { headers: broker, json: request });
    await call(mock, "POST", "/v1/oauth/authorize", { headers: broker, json: request });
    await call(mock, "DELETE", `/v1/oauth/token/${issued.json.access_token}`, { headers: broker });
    const code = await authorizeCode(mock, "/oauth/authorize", { client_id: c.clientId!, redirect_uri: REDIRECT });
    await call(mock, "POST", "/oauth/token", { form: { grant_type: "authorization_code", code, client_id: c.clientId!, client_secret: c.clientSecret!, redirect_uri: REDIRECT } });
    await call(mock, "POST", "/v1/oauth2/token", { form: { grant_type: "client_credentials", client_id: c.authxClientId!, client_secret: c.authxClientSecret! } });
  },

  async tradovate(mock) {
    const c = mock.credentials as Record<string, string>;
    const session = await call(mock, "POST", "/auth/accesstokenrequest", { json: { name: c.name, password: c.password, cid: c.cid, sec: c.sec } });
    const renewed = await call(mock, "GET", "/auth/renewaccesstoken", { headers: bearer(session.json.accessToken) });
    await call(mock, "GET", "/auth/me", { headers: bearer(renewed.json.accessToken) });
    const code = await authorizeCode(mock, "/oauth", { client_id: c.clientId!, redirect_uri: REDIRECT });
    await call(mock, "POST", "/auth/oauthtoken", { form: { grant_type: "authorization_code", code, client_id: c.clientId!, client_secret: c.clientSecret!, redirect_uri: REDIRECT } });
  },

  async turnkey(mock) {
    const c = mock.credentials as Record<string, string>;
    const organizationId = c.organizationId!;
    const envelope = (type: string, parameters: object) => ({ type, timestampMs: String(Date.now()), organizationId, parameters });
    const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const code = await authorizeCode(mock, "/oauth2/authorize", { client_id: c.oauth2ClientId!, redirect_uri: REDIRECT, code_challenge: await challengeOf(verifier), code_challenge_method: "S256" });
    const sessionKey = "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d";
    const nonce = createHash("sha256").update(sessionKey).digest("hex");
    const authenticated = await stamped(mock, "/public/v1/submit/oauth2_authenticate", envelope("ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2CredentialId: c.oauth2CredentialId, authCode: code, redirectUri: REDIRECT, codeVerifier: verifier, nonce }));
    const { oidcToken } = authenticated.json.activity.result.oauth2AuthenticateResult;
    await stamped(mock, "/public/v1/submit/oauth_login", envelope("ACTIVITY_TYPE_OAUTH_LOGIN", { oidcToken, publicKey: sessionKey }));
    await stamped(mock, "/public/v1/submit/oauth", envelope("ACTIVITY_TYPE_OAUTH", { oidcToken, targetPublicKey: sessionKey }));
    const created = await stamped(mock, "/public/v1/submit/create_oauth2_credential", envelope("ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL", { provider: "OAUTH2_PROVIDER_DISCORD", clientId: "discord-client", encryptedClientSecret: "00ff" }));
    const { oauth2CredentialId } = created.json.activity.result.createOauth2CredentialResult;
    await stamped(mock, "/public/v1/submit/update_oauth2_credential", envelope("ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL", { oauth2CredentialId, provider: "OAUTH2_PROVIDER_DISCORD", clientId: "discord-client-2", encryptedClientSecret: "00ee" }));
    await stamped(mock, "/public/v1/query/get_oauth2_credential", { organizationId, oauth2CredentialId });
    await stamped(mock, "/public/v1/query/list_oauth2_credentials", { organizationId });
    await stamped(mock, "/public/v1/submit/delete_oauth2_credential", envelope("ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL", { oauth2CredentialId }));
    const providersCreated = await stamped(mock, "/public/v1/submit/create_oauth_providers", envelope("ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2", { userId: mock.state.userId, oauthProviders: [{ providerName: "X", oidcToken }] }));
    await stamped(mock, "/public/v1/query/get_oauth_providers", { organizationId, userId: mock.state.userId });
    const { providerIds } = providersCreated.json.activity.result.createOauthProvidersResultV2;
    await stamped(mock, "/public/v1/submit/delete_oauth_providers", envelope("ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS", { userId: mock.state.userId, providerIds }));
    await stamped(mock, "/public/v1/query/get_activity", { organizationId, activityId: authenticated.json.activity.id });
  },

  async predict(mock) {
    const c = mock.credentials as Record<string, string>;
    const key = { "x-api-key": c.apiKey! };
    const signer = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
    const account = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
    const envelope = (data: object) => ({ signer, account, signature: "0xabcdef", data: { timestamp: Math.floor(Date.now() / 1000), ...data } });
    const { json: message } = await call(mock, "GET", "/v1/auth/message", { headers: key });
    await call(mock, "POST", "/v1/auth", { headers: key, json: { signer, signature: "0xabcdef", message: message.data.message } });
    const authCode = await authorizeCode(mock, "/oauth/authorize", { client_id: c.clientId!, redirect_uri: REDIRECT });
    const finalized = await call(mock, "POST", "/v1/oauth/finalize", { headers: key, json: envelope({ clientId: c.clientId, authCode }) });
    const headers = { ...key, ...bearer(finalized.json.data.token) };
    const orders = await call(mock, "POST", "/v1/oauth/orders", { headers, json: envelope({ first: "2" }) });
    const order = { ...orders.json.data[0].order, expiration: Math.floor(Date.now() / 1000) + 3600, hash: `0x${"cd".repeat(32)}` };
    await call(mock, "POST", "/v1/oauth/orders/create", { headers, json: envelope({ pricePerShare: "550000000000000000", strategy: "LIMIT", order }) });
    await call(mock, "POST", "/v1/oauth/orders/cancel", { headers, json: envelope({ ids: [orders.json.data[0].id] }) });
    await call(mock, "POST", "/v1/oauth/positions", { headers, json: envelope({ first: "2" }) });
  },

  async "openapi-com"(mock) {
    const c = mock.credentials as Record<string, string>;
    const headers = basic(c.email!, c.apiKey!);
    const created = await call(mock, "POST", "/tokens", { headers, json: { name: "t", scopes: ["GET:company.openapi.com/IT-start"], ttl: 3600 } });
    await call(mock, "GET", "/tokens", { headers, query: { skip: "0", limit: "10" } });
    await call(mock, "GET", `/tokens/${created.json.token}`, { headers });
    await call(mock, "PATCH", `/tokens/${created.json.token}`, { headers, json: { name: "renamed" } });
    const rotated = await call(mock, "PATCH", `/tokens/${created.json.token}`, { headers: bearer(created.json.refreshToken), json: {} });
    await call(mock, "DELETE", `/tokens/${rotated.json.token}`, { headers });
    const scopes = await call(mock, "GET", "/scopes", { headers });
    await call(mock, "GET", `/scopes/${scopes.json.data[0].id}`, { headers });
    await call(mock, "GET", "/wallet", { headers });
    await call(mock, "GET", "/wallet/transactions", { headers, query: { skip: "0", limit: "1" } });
    for (const path of ["/stats", "/stats/ips", "/stats/apis", "/stats/apis/company.openapi.com"]) await call(mock, "GET", path, { headers, query: { date: "2026-04" } });
    await call(mock, "GET", "/errors", { headers });
    const callbacks = await call(mock, "GET", "/callbacks", { headers });
    await call(mock, "GET", `/callbacks/${callbacks.json.data[0]?.id ?? "x"}`, { headers });
    const subscriptions = await call(mock, "GET", "/subscriptions", { headers });
    await call(mock, "GET", `/subscriptions/${subscriptions.json.data[0]?.id ?? "x"}`, { headers });
  },
};

describe.each(Object.keys(scenarios) as MockProviderName[])("%s mock", (provider) => {
  it("answers every operation of its spec with a 2xx that conforms to the spec", async () => {
    const mock = await start(provider, { autoApprove: true, redirectUris: [REDIRECT] });
    const scenario = scenarios[provider] as Scenario<MockProviderName> | undefined;
    expect(scenario, `a scenario for ${provider}`).toBeDefined();
    await scenario!(mock);

    const failures = mock.state.requests.filter((request) => request.status >= 300 && request.operationId);
    expect(failures.map((request) => `${request.operationId} ${request.status}`)).toEqual([]);
    const answered = new Set(mock.state.requests.map((request) => request.operationId));
    const operations = specOperations(await providers[provider].spec()).map((operation) => operation.operationId);
    expect(operations.filter((operationId) => !answered.has(operationId))).toEqual([]);
  });
});

describe("providers without a scenario", () => {
  it("are exactly the ones without a behaviour module, and each still starts", async () => {
    const without = (Object.keys(providers) as MockProviderName[]).filter((provider) => scenarios[provider] === undefined);
    for (const provider of without) {
      const mock = await start(provider, {});
      expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    // The five providers of this repository all have a scenario.
    expect(Object.keys(scenarios).length).toBeGreaterThanOrEqual(5);
  });
});
