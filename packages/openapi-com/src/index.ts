export {
  createOpenapiComClient,
  type OpenapiComClient,
  type OpenapiComClientOptions,
  type OpenapiComCredentials,
  type OpenapiComEnvironment,
} from "./client.js";
export { rotateToken, type RotateTokenOptions, type RotatedToken } from "./rotate-token.js";
export { buildScope, parseScope, SCOPE_METHODS, type ScopeMethod, type ScopeParts } from "./scope.js";
export {
  iterateTokens,
  iterateWalletTransactions,
  iterateErrors,
  iterateCallbacks,
  iterateSubscriptions,
  type PageOptions,
  type ScopedPageOptions,
} from "./list-iterators.js";
// Like @oauth-kit/auth's unwrap, but its errors never print the token of /tokens/{token}.
export { unwrap } from "./unwrap.js";
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error classes callers need, so one install is enough.
export {
  ApiError,
  OAuthKitError,
  InvalidResponseError,
  TimeoutError,
  AbortError,
  ConnectionError,
  RedirectError,
  ConfigError,
  type ErrorKind,
  type DataOf,
} from "@oauth-kit/auth";
