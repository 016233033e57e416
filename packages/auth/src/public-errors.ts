// The error family and unwrap(): what a user of any provider package catches. Provider packages re-export
// this module whole (`export * from "@oauth-kit/auth/errors"`), so the list lives here once and every
// provider offers the same classes.
export { unwrap, type DataOf } from "./unwrap.js";
export {
  OAuthKitError,
  ApiError,
  OAuthError,
  InvalidResponseError,
  TimeoutError,
  AbortError,
  ConnectionError,
  RedirectError,
  ConfigError,
  StoreError,
  type StoreErrorReason,
  type ErrorKind,
  type ErrorContext,
} from "./errors.js";
export { CallbackError, type CallbackErrorReason } from "./oauth/callback.js";
export type { Challenge } from "./www-authenticate.js";
