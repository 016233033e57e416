import {
  type CallbackInput,
  ConfigError,
  type PendingAuthorizationStore,
  type StartedAuthorization,
  completeAuthorization,
  startAuthorization,
} from "@oauth-kit/auth";
import type { ActivityOptions } from "./activity.js";
import { oauth2Authenticate, oauthLogin } from "./activities.js";
import type { TurnkeyClient } from "./client.js";
import type { Oauth2Provider } from "./types.js";

// The OAuth 2.0 login of Turnkey (X, Discord): the app runs authorization-code + PKCE with the provider,
// Turnkey exchanges the code with the app's stored client secret (oauth2_authenticate) and issues an OIDC
// token whose nonce binds it to the session key, and oauth_login turns that token into a session.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * The `nonce` Turnkey expects: lower-case hex SHA-256 over the UTF-8 bytes of the public key *string*
 * (the hex you will pass as `oauthLogin`'s `publicKey`), not over the decoded key bytes. That is what
 * Turnkey's own SDKs do (`bytesToHex(sha256(publicKey))` on the hex string in @turnkey/react-wallet-kit);
 * the spec's example pair (publicKey `0213a646…`, nonce `f46835bc…`) checks out the same way.
 * @throws {ConfigError} an empty key or one with surrounding whitespace (it would hash to another nonce)
 */
export async function oauthNonce(publicKey: string): Promise<string> {
  if (typeof publicKey !== "string" || publicKey === "" || publicKey.trim() !== publicKey) {
    throw new ConfigError("publicKey must be a non-empty string without surrounding whitespace");
  }
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ConfigError("oauthNonce needs WebCrypto (globalThis.crypto.subtle), which is not available here");
  const digest = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(publicKey)));
  let hex = "";
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/** The pending-store provider name: one per OAuth 2.0 provider, so an X state cannot complete a Discord login. */
function storeProvider(provider: Oauth2Provider): string {
  if (typeof provider !== "string" || (provider as string) === "") throw new ConfigError("provider must be an Oauth2Provider such as OAUTH2_PROVIDER_X");
  return `turnkey:${provider}`;
}

export interface Oauth2AuthorizationOptions {
  /** The provider whose OAuth 2.0 credential will exchange the code. */
  provider: Oauth2Provider;
  /** The provider's authorization endpoint, from its documentation. */
  authorizeUrl: string | URL;
  /** Your app's client ID at the provider (the one stored in the Turnkey OAuth 2.0 credential). */
  clientId: string;
  /** Must be registered with the provider; it is sent to Turnkey byte-for-byte at the exchange. */
  redirectUri: string;
  scope?: string | readonly string[] | undefined;
  store: PendingAuthorizationStore;
  extraParams?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Starts the provider login: a fresh `state` and PKCE (S256) pair from @oauth-kit/auth, the authorize URL,
 * and the pending request (state, redirect URI, verifier) saved in `store` for completeOauth2Login.
 */
export function startOauth2Authorization(options: Oauth2AuthorizationOptions): Promise<StartedAuthorization> {
  return startAuthorization({
    provider: storeProvider(options.provider),
    authorizeUrl: options.authorizeUrl,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    scope: options.scope,
    pkce: true,
    store: options.store,
    extraParams: options.extraParams,
  });
}

export interface CompleteOauth2LoginOptions {
  /** The URL (or query) the provider redirected the user back to. */
  callbackUrl: CallbackInput;
  store: PendingAuthorizationStore;
  provider: Oauth2Provider;
  /** The Turnkey OAuth 2.0 credential holding your app's client ID and encrypted secret for `provider`. */
  oauth2CredentialId: string;
  /** The session key (compressed P-256, hex) to log in with; the OIDC token's nonce is bound to it. */
  publicKey: string;
  /** Have the provider's bearer token returned encrypted to this P-256 key (OIDC claim `encrypted_bearer_token`). */
  bearerTokenTargetPublicKey?: string | undefined;
  /** Session lifetime in seconds, as a decimal string; Turnkey's default is 15 minutes. */
  expirationSeconds?: string | undefined;
  invalidateExisting?: boolean | undefined;
  sessionProfileId?: string | undefined;
}

export interface Oauth2Login {
  /** The session JWT from oauth_login. */
  session: string;
  /** The Turnkey-issued OIDC token, e.g. to link the identity to a new user with createOauthProviders. */
  oidcToken: string;
}

/**
 * The callback half, end to end: checks the callback against the pending request (state present,
 * matching, unused, started for this provider) before any request is made, then
 * `oauth2_authenticate` (code, redirect URI, PKCE verifier, nonce = oauthNonce(publicKey)) → `oidcToken`
 * → `oauth_login` (oidcToken, publicKey) → `session`. `activityOptions` apply to both activities.
 */
export async function completeOauth2Login(
  client: TurnkeyClient,
  options: CompleteOauth2LoginOptions,
  activityOptions?: ActivityOptions,
): Promise<Oauth2Login> {
  // Before the state is consumed, so a bad key does not burn the user's one callback.
  const nonce = await oauthNonce(options.publicKey);
  const completed = await completeAuthorization(options.callbackUrl, { provider: storeProvider(options.provider), store: options.store });
  if (completed.codeVerifier === undefined) throw new ConfigError("the pending authorization has no PKCE verifier; start it with startOauth2Authorization");

  const { oidcToken } = await oauth2Authenticate(
    client,
    {
      oauth2CredentialId: options.oauth2CredentialId,
      authCode: completed.code,
      redirectUri: completed.redirectUri,
      codeVerifier: completed.codeVerifier,
      nonce,
      ...(options.bearerTokenTargetPublicKey === undefined ? {} : { bearerTokenTargetPublicKey: options.bearerTokenTargetPublicKey }),
    },
    activityOptions,
  );
  const { session } = await oauthLogin(
    client,
    {
      oidcToken,
      publicKey: options.publicKey,
      ...(options.expirationSeconds === undefined ? {} : { expirationSeconds: options.expirationSeconds }),
      ...(options.invalidateExisting === undefined ? {} : { invalidateExisting: options.invalidateExisting }),
      ...(options.sessionProfileId === undefined ? {} : { sessionProfileId: options.sessionProfileId }),
    },
    activityOptions,
  );
  return { session, oidcToken };
}
