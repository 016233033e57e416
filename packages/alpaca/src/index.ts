export { createAlpacaClient, type AlpacaClient, type AlpacaClientOptions, type AlpacaEnvironment } from "./client.js";
export {
  CONNECT_AUTHORIZE_URL,
  buildConnectAuthorizeUrl,
  startConnectAuthorization,
  completeConnectAuthorization,
  exchangeConnectCode,
  type ConnectScope,
  type ConnectAuthorizeOptions,
  type ConnectCodeExchange,
} from "./connect.js";
export { issueClientCredentialsToken } from "./client-credentials.js";
export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error classes and unwrap() callers need, so one install is enough.
export {
  unwrap,
  ApiError,
  OAuthError,
  OAuthKitError,
  InvalidResponseError,
  TimeoutError,
  AbortError,
  ConnectionError,
  RedirectError,
  ConfigError,
  CallbackError,
  MemoryPendingStore,
  generateState,
  type TokenSet,
} from "@oauth-kit/auth";
