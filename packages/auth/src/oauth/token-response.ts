import { ApiError, ConfigError, InvalidResponseError, OAuthError } from "../errors.js";

/** A validated token response, in the library's own shape; unknown fields of the body are not copied. */
export interface TokenSet {
  accessToken: string;
  /** Normalised: `"Bearer"` (or `"DPoP"`) whatever case the server used. */
  tokenType: string;
  refreshToken?: string;
  /**
   * Epoch ms: receipt time + `expires_in` seconds. Absent when the server sent no `expires_in`, or sent 0,
   * which says nothing usable about the lifetime: the token is then used until the server rejects it.
   */
  expiresAt?: number;
  /** Lifetime in seconds as sent (coerced from a numeric string). */
  expiresIn?: number;
  /** As granted; may be narrower than requested (RFC 6749 §3.3). */
  scope?: string;
  idToken?: string;
}

export type TokenFieldName = "accessToken" | "tokenType" | "expiresIn" | "refreshToken" | "scope";

export interface ParseTokenResponseOptions {
  /** When the response arrived, epoch ms; default `Date.now()`. Expiry is local, not server time. */
  receivedAt?: number | undefined;
  /** Token types the caller can use, compared lower-case; default `["bearer"]` (RFC 6749 §7.1). */
  allowedTokenTypes?: readonly string[] | undefined;
  /** HTTP status, copied to errors; a non-2xx status without an OAuth error body gives an `ApiError`. */
  status?: number | undefined;
  /** Body member names for providers that use their own (e.g. `{ accessToken: "accessToken" }`). */
  fieldNames?: Partial<Record<TokenFieldName, string>> | undefined;
  /** Refuse a body without `token_type`; default true. When false, a missing type means Bearer. */
  requireTokenType?: boolean | undefined;
}

export interface OAuthErrorBody {
  error: string;
  error_description?: string;
  error_uri?: string;
}

const DEFAULT_FIELD_NAMES: Record<TokenFieldName, string> = {
  accessToken: "access_token",
  tokenType: "token_type",
  expiresIn: "expires_in",
  refreshToken: "refresh_token",
  scope: "scope",
};

const CANONICAL_TOKEN_TYPES: Readonly<Record<string, string>> = { bearer: "Bearer", dpop: "DPoP" };

/** Visible ASCII only: no control character, space or non-ASCII, which could split or corrupt a header. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;
/** RFC 6749 App. A.14 allows only digits; a decimal fraction is tolerated as oauth4webapi does. */
const NUMERIC_STRING = /^\d+(?:\.\d+)?$/;

/**
 * Validates a token-endpoint body (RFC 6749 §5.1, following oauth4webapi's checks) and returns a
 * `TokenSet`. An RFC 6749 §5.2 error body is thrown as an `OAuthError` whatever the status, since some
 * providers send errors with HTTP 200. No error message ever contains a token value.
 * @throws {OAuthError} the body has a non-empty string `error`
 * @throws {ApiError} `status` is not 2xx and the body is not an OAuth error body
 * @throws {InvalidResponseError} the body is not an object or a field is missing or malformed
 */
export function parseTokenResponse(body: unknown, options: ParseTokenResponseOptions = {}): TokenSet {
  const { status } = options;
  if (hasOAuthError(body)) throw oauthErrorFromBody(body, status);
  if (status !== undefined && (status < 200 || status > 299)) throw new ApiError({ status, body });
  if (!isPlainObject(body)) {
    throw invalid(`Token response must be a JSON object, got ${describe(body)}`, status);
  }

  const names = { ...DEFAULT_FIELD_NAMES, ...options.fieldNames };
  const receivedAt = options.receivedAt ?? Date.now();
  if (!Number.isFinite(receivedAt)) throw new ConfigError("receivedAt must be a finite number of epoch ms");

  const accessToken = body[names.accessToken];
  if (accessToken === undefined) throw invalid(`Token response has no ${names.accessToken}`, status);
  assertHeaderSafeToken(names.accessToken, accessToken, status);

  const tokenSet: TokenSet = {
    accessToken,
    tokenType: parseTokenType(body[names.tokenType], names.tokenType, options, status),
  };

  const refreshToken = body[names.refreshToken];
  if (refreshToken !== undefined) {
    assertHeaderSafeToken(names.refreshToken, refreshToken, status);
    tokenSet.refreshToken = refreshToken;
  }

  const rawExpiresIn = body[names.expiresIn];
  if (rawExpiresIn !== undefined) {
    const expiresIn = parseExpiresIn(rawExpiresIn, names.expiresIn, status);
    const expiresAt = receivedAt + Math.round(expiresIn * 1000);
    if (!Number.isSafeInteger(expiresAt)) {
      throw invalid(`Token response ${names.expiresIn} is too large to be a usable lifetime`, status);
    }
    tokenSet.expiresIn = expiresIn;
    // A token already expired at receipt would be refreshed before every call: treat 0 as "unknown".
    if (expiresIn > 0) tokenSet.expiresAt = expiresAt;
  }

  const scope = body[names.scope];
  if (scope !== undefined) {
    if (typeof scope !== "string") throw invalid(`Token response ${names.scope} must be a string, got ${describe(scope)}`, status);
    tokenSet.scope = scope;
  }

  const idToken = body["id_token"];
  if (idToken !== undefined) {
    if (typeof idToken !== "string" || idToken === "") {
      throw invalid(`Token response id_token must be a non-empty string, got ${describe(idToken)}`, status);
    }
    tokenSet.idToken = idToken;
  }
  return tokenSet;
}

/** True for an RFC 6749 §5.2 error body: a non-empty string `error`, and string-or-absent extras. */
export function isOAuthErrorBody(body: unknown): body is OAuthErrorBody {
  return (
    hasOAuthError(body) &&
    (body.error_description === undefined || typeof body.error_description === "string") &&
    (body.error_uri === undefined || typeof body.error_uri === "string")
  );
}

/**
 * The `OAuthError` for an error body. Members that are not strings are dropped rather than trusted;
 * the message shows `error_description` truncated and escaped (see `snippet`).
 */
export function oauthErrorFromBody(body: { error: string; error_description?: unknown; error_uri?: unknown }, status?: number): OAuthError {
  return new OAuthError({
    error: body.error,
    errorDescription: typeof body.error_description === "string" ? body.error_description : undefined,
    errorUri: typeof body.error_uri === "string" ? body.error_uri : undefined,
    status,
  });
}

function hasOAuthError(body: unknown): body is Record<string, unknown> & { error: string } {
  return isPlainObject(body) && typeof body.error === "string" && body.error !== "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function parseTokenType(
  raw: unknown,
  field: string,
  options: ParseTokenResponseOptions,
  status: number | undefined,
): string {
  if (raw === undefined && options.requireTokenType === false) return "Bearer";
  if (typeof raw !== "string" || raw === "") {
    throw invalid(`Token response ${field} must be a non-empty string, got ${describe(raw)}`, status);
  }
  const type = raw.toLowerCase();
  const allowed = (options.allowedTokenTypes ?? ["bearer"]).map((t) => t.toLowerCase());
  if (!allowed.includes(type)) {
    // The type is not a secret, but it comes from the server: show it only if it is a short plain word.
    const shown = /^[A-Za-z0-9_-]{1,32}$/.test(raw) ? `"${raw}"` : "an unrecognised value";
    throw invalid(`Token response ${field} ${shown} is not supported (allowed: ${allowed.join(", ")})`, status);
  }
  return CANONICAL_TOKEN_TYPES[type] ?? raw;
}

function parseExpiresIn(raw: unknown, field: string, status: number | undefined): number {
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && NUMERIC_STRING.test(raw)) value = Number(raw);
  else throw invalid(`Token response ${field} must be a number of seconds, got ${describe(raw)}`, status);
  if (!Number.isFinite(value) || value < 0) {
    throw invalid(`Token response ${field} must be a finite number >= 0`, status);
  }
  return value;
}

function assertHeaderSafeToken(field: string, value: unknown, status: number | undefined): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw invalid(`Token response ${field} must be a non-empty string, got ${describe(value)}`, status);
  }
  if (!HEADER_SAFE_TOKEN.test(value)) {
    throw invalid(
      `Token response ${field} contains whitespace, control or non-ASCII characters and cannot be sent in a header`,
      status,
    );
  }
}

/** A value's type for a message; never the value itself, which may be a token. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === "") return "an empty string";
  if (typeof value === "object" && !isPlainObject(value)) return "a non-plain object";
  return typeof value;
}

function invalid(message: string, status: number | undefined): InvalidResponseError {
  return new InvalidResponseError(message, status === undefined ? {} : { status });
}
