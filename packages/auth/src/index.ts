// @oauth-kit/auth: what every provider package builds on.
//
// - createProviderClient(): an openapi-fetch client configured from a spec's generated metadata
// - credentials per security scheme: basic(), apiKey(), bearer() (static or a refreshing token source)
// - the transport beneath the middleware: timeouts, retries, Retry-After, safe redirects, body limits
// - OAuth authorization-code helpers: PKCE, state, authorize URL, callback check, pending store
// - token response validation, and errors that never print a secret

export type { Client, Middleware } from "openapi-fetch";
export { createProviderClient, formUrlEncode, type ProviderClientConfig, type ProviderClientOptions } from "./client.js";
export { basic, apiKey, bearer, stamp, type Credential } from "./credentials/credential.js";
export { useCredentials, type CredentialMap } from "./credentials/apply-credentials.js";
export { createTokenSource, type TokenSource, type TokenSourceOptions } from "./token-source.js";
export type { RefreshableToken } from "./request-context.js";
export type { RetryOptions } from "./transport/retry-policy.js";
export * from "./public-errors.js";
export { apiErrorFrom } from "./unwrap.js";
export { tokenFromResult } from "./token-result.js";
export { parseWwwAuthenticate } from "./www-authenticate.js";
export { redact, snippet } from "./redact.js";
export { createMasker, type Mask } from "./secrets/masker.js";
export { secretFieldsOf } from "./secrets/request-secrets.js";
export { maskDeep } from "./secrets/safe-data.js";
export { sleep, type SleepOptions } from "./transport/attempt-signal.js";
export { findOperation, type ApiMetadata, type OperationMetadata, type SecuritySchemeMetadata, type HttpMethod } from "./metadata.js";
export * from "./oauth/index.js";
export * from "./signing/index.js";
