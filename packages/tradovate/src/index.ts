export {
  createTradovateClient,
  type TradovateClient,
  type TradovateClientOptions,
  type TradovateEnvironment,
} from "./client.js";
export {
  TRADOVATE_AUTHORIZE_URL,
  buildTradovateAuthorizeUrl,
  startTradovateAuthorization,
  completeTradovateAuthorization,
  type TradovateAuthorizeOptions,
} from "./authorization.js";
export {
  exchangeTradovateCode,
  refreshTradovateToken,
  type TokenRequestEncoding,
  type OAuthTokenCallOptions,
  type TradovateCodeExchange,
  type TradovateRefresh,
} from "./oauth-token.js";
export { createTradovateOAuthTokenSource, type TradovateOAuthTokenSourceOptions } from "./oauth-token-source.js";
export {
  requestTradovateAccessToken,
  renewTradovateAccessToken,
  type TradovateCredentials,
  type TradovateAccessToken,
  type TokenCallOptions,
} from "./access-token.js";
export { createTradovateSession, type TradovateSession, type TradovateSessionOptions } from "./session.js";
export type { PenaltyOptions } from "./penalty.js";
export { TradovateError, PenaltyTicketError, type PenaltyReason } from "./errors.js";
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
// What the helpers above take or return, so one install is enough.
export {
  createTokenSource,
  MemoryPendingStore,
  generateState,
  type PendingAuthorization,
  type PendingAuthorizationStore,
  type TokenSet,
  type TokenSource,
  type RetryOptions,
} from "@oauth-kit/auth";
