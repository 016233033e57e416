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
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
