export { createPredictClient, type PredictClient, type PredictClientOptions, type PredictEnvironment } from "./client.js";
export {
  signEnvelope,
  type PredictWallet,
  type SignedEnvelope,
  type EnvelopeData,
  type EnvelopeFields,
} from "./signed-envelope.js";
export { loginWithSignature, createLoginTokenSource, type LoginTokenSourceOptions, type SignatureLogin } from "./jwt-login.js";
export { finalizeConnection, type ConnectionFinalization } from "./oauth-connection.js";
export {
  paginateOrders,
  paginatePositions,
  type PaginationOptions,
  type OrderPaginationOptions,
} from "./pagination.js";
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
// What the helpers above take or return, so one install is enough.
export {
  createTokenSource,
  type TokenSource,
  type TokenSet,
  type RefreshableToken,
} from "@oauth-kit/auth";
