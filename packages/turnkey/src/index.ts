export { createTurnkeyClient, type TurnkeyClient, type TurnkeyClientOptions, type TurnkeyEnvironment } from "./client.js";
export {
  oauth2Authenticate,
  oauthLogin,
  oauth,
  createOauth2Credential,
  updateOauth2Credential,
  deleteOauth2Credential,
  createOauthProviders,
  deleteOauthProviders,
} from "./activities.js";
export { getActivity, getOauth2Credential, listOauth2Credentials, getOauthProviders, type QueryOptions } from "./queries.js";
export { waitForActivity, type ActivityOptions, type PollOptions } from "./activity.js";
export {
  oauthNonce,
  startOauth2Authorization,
  completeOauth2Login,
  type Oauth2AuthorizationOptions,
  type CompleteOauth2LoginOptions,
  type Oauth2Login,
} from "./oauth2-login.js";
export { ActivityError, ActivityTimeoutError } from "./errors.js";
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
// What the helpers above take or return, so one install is enough.
export {
  MemoryPendingStore,
  createPkce,
  generateState,
  type PendingAuthorization,
  type PendingAuthorizationStore,
  type StartedAuthorization,
} from "@oauth-kit/auth";
