// The OAuth 2.0 flow end to end: PKCE and state from @oauth-kit/auth, nonce = SHA-256 of the session key,
// oauth2_authenticate → oidcToken → oauth_login → session. Every request's X-Stamp is verified in afterEach.
import { createHash } from "node:crypto";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CallbackError,
  ConfigError,
  MemoryPendingStore,
  completeOauth2Login,
  createTurnkeyClient,
  oauthNonce,
  startOauth2Authorization,
} from "../src/index.js";
import { API_PRIVATE_KEY, API_PUBLIC_KEY, BASE, OIDC_TOKEN, ORG, SESSION, SESSION_PUBLIC_KEY, activityResponse, verifyStamp } from "./helpers.js";

const nock = useNock();

// The spec's example pair: oauthLogin's publicKey (SESSION_PUBLIC_KEY) and oauth2Authenticate's nonce.
const SESSION_NONCE = "f46835bc086f7120772958809fb49f6db9b5b34417242dcd3195819ee36526de";
const REDIRECT_URI = "https://app.example.com/oauth/callback/x";
const CREDENTIAL_ID = "247bf35d-a47b-4aee-a9d0-6a97886107fa";

let recorder: ReturnType<typeof recordingFetch>;
beforeEach(() => {
  recorder = recordingFetch();
});
afterEach(() => {
  for (const request of recorder.requests) verifyStamp(request);
});

const client = () =>
  createTurnkeyClient({ apiPublicKey: API_PUBLIC_KEY, apiPrivateKey: API_PRIVATE_KEY, organizationId: ORG, fetch: recorder.fetch });

const completed = (type: string, result: Record<string, unknown>) => activityResponse("ACTIVITY_STATUS_COMPLETED", type, result);

async function start(store: MemoryPendingStore) {
  return startOauth2Authorization({
    provider: "OAUTH2_PROVIDER_X",
    authorizeUrl: "https://x.com/i/oauth2/authorize",
    clientId: "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
    redirectUri: REDIRECT_URI,
    scope: ["tweet.read", "users.read"],
    store,
  });
}

describe("oauthNonce", () => {
  it("is hex SHA-256 over the public key string's UTF-8 bytes (the spec's example pair)", async () => {
    expect(await oauthNonce(SESSION_PUBLIC_KEY)).toBe(SESSION_NONCE);
    expect(SESSION_NONCE).toBe(createHash("sha256").update(SESSION_PUBLIC_KEY, "utf8").digest("hex"));
    expect(SESSION_NONCE).not.toBe(createHash("sha256").update(Buffer.from(SESSION_PUBLIC_KEY, "hex")).digest("hex"));
  });

  it.each(["", " 02ab", "02ab\n"])("refuses %j, which would bind the token to another key", async (key) => {
    await expect(oauthNonce(key)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe("the OAuth 2.0 flow", () => {
  it("authorize URL with state and S256 PKCE → oauth2_authenticate → oidcToken → oauth_login → session", async () => {
    const store = new MemoryPendingStore();
    const { url, state } = await start(store);
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe("https://x.com/i/oauth2/authorize");
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
      redirect_uri: REDIRECT_URI,
      scope: "tweet.read users.read",
      state,
      code_challenge_method: "S256",
    });

    nock(BASE)
      .post("/public/v1/submit/oauth2_authenticate")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } }))
      .post("/public/v1/submit/oauth_login")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: SESSION } }));
    const login = await completeOauth2Login(client(), {
      callbackUrl: `${REDIRECT_URI}?code=the-code&state=${state}`,
      store,
      provider: "OAUTH2_PROVIDER_X",
      oauth2CredentialId: CREDENTIAL_ID,
      publicKey: SESSION_PUBLIC_KEY,
      expirationSeconds: "900",
    });

    expect(login).toEqual({ session: SESSION, oidcToken: OIDC_TOKEN });
    const [authenticate, loginRequest] = recorder.requests.map((request) => JSON.parse(request.body));
    expect(authenticate).toMatchObject({
      type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
      organizationId: ORG,
      parameters: { oauth2CredentialId: CREDENTIAL_ID, authCode: "the-code", redirectUri: REDIRECT_URI, nonce: SESSION_NONCE },
    });
    // The verifier sent to Turnkey is the one whose S256 challenge went to the provider.
    const challenge = createHash("sha256").update(authenticate.parameters.codeVerifier).digest("base64url");
    expect(challenge).toBe(authorize.searchParams.get("code_challenge"));
    expect(loginRequest).toMatchObject({
      type: "ACTIVITY_TYPE_OAUTH_LOGIN",
      parameters: { oidcToken: OIDC_TOKEN, publicKey: SESSION_PUBLIC_KEY, expirationSeconds: "900" },
    });
    expect(Object.keys(loginRequest.parameters)).toEqual(["oidcToken", "publicKey", "expirationSeconds"]);
  });

  it("refuses a replayed callback before any request", async () => {
    const store = new MemoryPendingStore();
    const { state } = await start(store);
    nock(BASE)
      .post("/public/v1/submit/oauth2_authenticate")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } }))
      .post("/public/v1/submit/oauth_login")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: SESSION } }));
    const options = {
      callbackUrl: `${REDIRECT_URI}?code=the-code&state=${state}`,
      store,
      provider: "OAUTH2_PROVIDER_X" as const,
      oauth2CredentialId: CREDENTIAL_ID,
      publicKey: SESSION_PUBLIC_KEY,
    };
    await completeOauth2Login(client(), options);

    await expect(completeOauth2Login(client(), options)).rejects.toMatchObject({ name: "CallbackError", reason: "state_replayed" });
    expect(recorder.requests).toHaveLength(2);
  });

  it.each([
    ["another provider", (state: string) => ({ callbackUrl: `${REDIRECT_URI}?code=c&state=${state}`, provider: "OAUTH2_PROVIDER_DISCORD" as const }), "provider_mismatch"],
    ["an unknown state", () => ({ callbackUrl: `${REDIRECT_URI}?code=c&state=forged` }), "state_mismatch"],
    ["no code", (state: string) => ({ callbackUrl: `${REDIRECT_URI}?state=${state}` }), "code_missing"],
  ])("refuses a callback with %s before any request", async (_, callback, reason) => {
    const store = new MemoryPendingStore();
    const { state } = await start(store);
    const error = await completeOauth2Login(client(), {
      store,
      provider: "OAUTH2_PROVIDER_X",
      oauth2CredentialId: CREDENTIAL_ID,
      publicKey: SESSION_PUBLIC_KEY,
      ...callback(state),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CallbackError);
    expect((error as CallbackError).reason).toBe(reason);
    expect(recorder.requests).toHaveLength(0);
  });

  it("a bad session key fails before the callback's state is used up", async () => {
    const store = new MemoryPendingStore();
    const { state } = await start(store);
    const options = {
      callbackUrl: `${REDIRECT_URI}?code=the-code&state=${state}`,
      store,
      provider: "OAUTH2_PROVIDER_X" as const,
      oauth2CredentialId: CREDENTIAL_ID,
    };
    await expect(completeOauth2Login(client(), { ...options, publicKey: ` ${SESSION_PUBLIC_KEY}` })).rejects.toBeInstanceOf(ConfigError);

    nock(BASE)
      .post("/public/v1/submit/oauth2_authenticate")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } }))
      .post("/public/v1/submit/oauth_login")
      .reply(200, completed("ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: SESSION } }));
    expect((await completeOauth2Login(client(), { ...options, publicKey: SESSION_PUBLIC_KEY })).session).toBe(SESSION);
  });
});
