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
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error classes and unwrap() callers need, so one install is enough. Errors name /tokens/{token}, never
// the token: @oauth-kit/auth shows path templates and masks path parameter values.
export {
  unwrap,
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
