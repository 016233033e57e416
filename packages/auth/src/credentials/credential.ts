import { ConfigError } from "../errors.js";
import type { RefreshableToken } from "../request-context.js";
import type { Stamper } from "../signing/stamper.js";

/** A credential for one security scheme of a spec. Build them with basic(), apiKey() and bearer(). */
export type Credential =
  | { readonly type: "basic"; readonly username: string; readonly password: string }
  | { readonly type: "apiKey"; readonly value: string }
  | { readonly type: "bearer"; readonly token: string | RefreshableToken }
  | { readonly type: "stamp"; readonly stamper: Stamper };

// A value with a control character could split a header (request smuggling) or corrupt a log line; one
// outside Latin-1 cannot be a header value at all (fetch would throw a raw TypeError on the first call).
// The messages never quote the value: it is a secret.
export function assertHeaderSafe(value: string, what: string): void {
  if (typeof value !== "string" || value.length === 0) throw new ConfigError(`${what} must be a non-empty string`);
  if (/[\u0000-\u001f\u007f]/.test(value) || value.trim() !== value) {
    throw new ConfigError(`${what} contains control characters or surrounding whitespace`);
  }
}

export function assertLatin1(value: string, what: string): void {
  if (/[^\u0000-\u00ff]/.test(value)) throw new ConfigError(`${what} contains characters outside Latin-1, which an HTTP header cannot carry`);
}

/** HTTP Basic (RFC 7617): `username:password`, UTF-8, base64. */
export function basic(username: string, password: string): Credential {
  assertHeaderSafe(username, "Basic username");
  assertHeaderSafe(password, "Basic password");
  if (username.includes(":")) throw new ConfigError("Basic username must not contain ':'");
  return { type: "basic", username, password };
}

/** An API key sent in the header the spec's security scheme names. */
export function apiKey(value: string): Credential {
  assertHeaderSafe(value, "API key");
  assertLatin1(value, "API key");
  return { type: "apiKey", value };
}

/** A bearer token: a fixed string, or a token source that refreshes (see createTokenSource). */
export function bearer(token: string | RefreshableToken): Credential {
  if (typeof token === "string") {
    assertHeaderSafe(token, "Bearer token");
    assertLatin1(token, "Bearer token");
  }
  else if (!token || typeof token.getToken !== "function") throw new ConfigError("bearer() takes a token string or a token source");
  return { type: "bearer", token };
}

/**
 * A request signature for a header API-key scheme (Turnkey's X-Stamp): the stamper signs the exact body
 * bytes that the transport will send, and its header is set on the request.
 */
export function stamp(stamper: Stamper): Credential {
  if (!stamper || typeof stamper.stamp !== "function") throw new ConfigError("stamp() takes a Stamper");
  return { type: "stamp", stamper };
}

/** The literal secret values of a credential, for redaction. */
export function secretsOf(credential: Credential): string[] {
  if (credential.type === "basic") return [credential.password, encodeBasic(credential)];
  if (credential.type === "apiKey") return [credential.value];
  if (credential.type === "stamp") return [];
  if (typeof credential.token === "string") return [credential.token];
  // A token source's current tokens, access and refresh: a server may echo either.
  const current = (credential.token as { current?: () => { accessToken?: string; refreshToken?: string } | undefined }).current?.();
  return [current?.accessToken, current?.refreshToken].filter((value): value is string => typeof value === "string");
}

export function encodeBasic(credential: { username: string; password: string }): string {
  const bytes = new TextEncoder().encode(`${credential.username}:${credential.password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
