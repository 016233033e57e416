// Public API of the authorization-code helpers. Encoding and randomness helpers stay internal.

export { generateCodeVerifier, assertCodeVerifier, computeCodeChallenge, createPkce } from "./pkce.js";
export type { Pkce } from "./pkce.js";
export { generateState } from "./state.js";
export { encodeScope } from "./scope.js";
export { buildAuthorizeUrl } from "./authorize-url.js";
export type { AuthorizeUrlOptions } from "./authorize-url.js";
export { MemoryPendingStore } from "./pending-store.js";
export type { PendingAuthorization, PendingAuthorizationStore, MemoryPendingStoreOptions } from "./pending-store.js";
export { startAuthorization } from "./start-authorization.js";
export type { StartAuthorizationOptions, StartedAuthorization } from "./start-authorization.js";
export { CallbackError, parseCallback, completeAuthorization } from "./callback.js";
export type {
  CallbackErrorReason,
  CallbackExpectations,
  CallbackInput,
  CallbackResult,
  CompleteAuthorizationOptions,
  CompletedAuthorization,
} from "./callback.js";
export { parseTokenResponse, isOAuthErrorBody, oauthErrorFromBody } from "./token-response.js";
export type { TokenSet, TokenFieldName, ParseTokenResponseOptions, OAuthErrorBody } from "./token-response.js";
export { createRefreshGrant } from "./refresh-grant.js";
export type { RefreshGrantOptions } from "./refresh-grant.js";
