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
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
// What the helpers above take or return, so one install is enough.
export {
  MemoryPendingStore,
  generateState,
  type PendingAuthorization,
  type PendingAuthorizationStore,
  type TokenSet,
} from "@oauth-kit/auth";
