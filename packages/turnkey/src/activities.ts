import { type ActivityOptions, runActivity } from "./activity.js";
import type { TurnkeyClient } from "./client.js";
import type {
  CreateOauth2CredentialIntent,
  CreateOauth2CredentialResult,
  CreateOauthProvidersIntentV2,
  CreateOauthProvidersResultV2,
  DeleteOauth2CredentialIntent,
  DeleteOauth2CredentialResult,
  DeleteOauthProvidersIntent,
  DeleteOauthProvidersResult,
  Oauth2AuthenticateIntent,
  Oauth2AuthenticateResult,
  OauthIntent,
  OauthLoginIntent,
  OauthLoginResult,
  OauthResult,
  UpdateOauth2CredentialIntent,
  UpdateOauth2CredentialResult,
} from "./types.js";

// One function per activity of specs/turnkey.yaml. Each builds the envelope, submits it, polls while
// Turnkey is still working (see waitForActivity) and returns the activity's typed result. They throw
// ApiError for an error status, ActivityError when the activity ends without a result,
// ActivityTimeoutError when polling runs out, and AbortError when `options.signal` fires.

/**
 * Exchanges an OAuth 2.0 authorization code (X, Discord) through one of your OAuth 2.0 credentials and
 * returns a Turnkey-issued OIDC token for `oauthLogin`. `nonce` must be `await oauthNonce(publicKey)` of the
 * key that will log in. Not retried after it may have reached Turnkey: the code is single-use.
 */
export function oauth2Authenticate(
  client: TurnkeyClient,
  parameters: Oauth2AuthenticateIntent,
  options?: ActivityOptions,
): Promise<Oauth2AuthenticateResult> {
  return runActivity(
    client,
    "/public/v1/submit/oauth2_authenticate",
    "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
    parameters,
    "oauth2AuthenticateResult",
    options,
  );
}

/** Logs a user in with an OIDC token: adds `publicKey` to the user and returns a session JWT (`session`). */
export function oauthLogin(client: TurnkeyClient, parameters: OauthLoginIntent, options?: ActivityOptions): Promise<OauthLoginResult> {
  return runActivity(client, "/public/v1/submit/oauth_login", "ACTIVITY_TYPE_OAUTH_LOGIN", parameters, "oauthLoginResult", options);
}

/** Authenticates with an OIDC token and creates an API key whose private key comes back HPKE-encrypted to `targetPublicKey`. */
export function oauth(client: TurnkeyClient, parameters: OauthIntent, options?: ActivityOptions): Promise<OauthResult> {
  return runActivity(client, "/public/v1/submit/oauth", "ACTIVITY_TYPE_OAUTH", parameters, "oauthResult", options);
}

/** Stores your app's OAuth 2.0 client ID and encrypted client secret for X or Discord. */
export function createOauth2Credential(
  client: TurnkeyClient,
  parameters: CreateOauth2CredentialIntent,
  options?: ActivityOptions,
): Promise<CreateOauth2CredentialResult> {
  return runActivity(
    client,
    "/public/v1/submit/create_oauth2_credential",
    "ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL",
    parameters,
    "createOauth2CredentialResult",
    options,
  );
}

/** Replaces an OAuth 2.0 credential's provider, client ID and encrypted client secret. */
export function updateOauth2Credential(
  client: TurnkeyClient,
  parameters: UpdateOauth2CredentialIntent,
  options?: ActivityOptions,
): Promise<UpdateOauth2CredentialResult> {
  return runActivity(
    client,
    "/public/v1/submit/update_oauth2_credential",
    "ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL",
    parameters,
    "updateOauth2CredentialResult",
    options,
  );
}

/** Deletes an OAuth 2.0 credential. */
export function deleteOauth2Credential(
  client: TurnkeyClient,
  parameters: DeleteOauth2CredentialIntent,
  options?: ActivityOptions,
): Promise<DeleteOauth2CredentialResult> {
  return runActivity(
    client,
    "/public/v1/submit/delete_oauth2_credential",
    "ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL",
    parameters,
    "deleteOauth2CredentialResult",
    options,
  );
}

/** Links OIDC identities (by token or by claims) to a user; uses the `_V2` activity type, the only one accepted. */
export function createOauthProviders(
  client: TurnkeyClient,
  parameters: CreateOauthProvidersIntentV2,
  options?: ActivityOptions,
): Promise<CreateOauthProvidersResultV2> {
  return runActivity(
    client,
    "/public/v1/submit/create_oauth_providers",
    "ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2",
    parameters,
    "createOauthProvidersResultV2",
    options,
  );
}

/** Removes OIDC identities from a user. */
export function deleteOauthProviders(
  client: TurnkeyClient,
  parameters: DeleteOauthProvidersIntent,
  options?: ActivityOptions,
): Promise<DeleteOauthProvidersResult> {
  return runActivity(
    client,
    "/public/v1/submit/delete_oauth_providers",
    "ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS",
    parameters,
    "deleteOauthProvidersResult",
    options,
  );
}
