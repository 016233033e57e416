import { ConfigError, OAuthError, OAuthKitError } from "../errors.js";
import { snippet } from "../redact.js";
import type { PendingAuthorizationStore } from "./pending-store.js";

/** Why a callback was refused, as a discriminant callers can branch on. */
export type CallbackErrorReason =
  | "state_missing"
  | "state_mismatch"
  | "state_duplicated"
  | "state_replayed"
  | "param_duplicated"
  | "csrf"
  | "implicit_tokens"
  | "issuer_mismatch"
  | "issuer_missing"
  | "code_missing"
  | "provider_mismatch";

/**
 * The authorization response was refused before any token request was made. Kind `oauth`, like the
 * provider's own `error=` responses (which are `OAuthError`s instead); `reason` says which check failed.
 */
export class CallbackError extends OAuthKitError {
  readonly reason: CallbackErrorReason;
  constructor(reason: CallbackErrorReason, message: string) {
    super("oauth", message);
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

export interface CallbackExpectations {
  /** The `state` sent in the authorize URL. */
  state: string;
  /** The provider's issuer; a callback `iss` that differs is refused (RFC 9207). */
  issuer?: string | undefined;
  /** Also refuse a callback without `iss` (for providers that always send it). Needs `issuer`. */
  requireIssuer?: boolean | undefined;
}

export interface CallbackResult {
  code: string;
  state: string;
  iss?: string;
}

/** A callback URL (absolute, or a path with query such as Node's `req.url`) or its query parameters. */
export type CallbackInput = string | URL | URLSearchParams;

/** Parameters whose repetition would let two parties each supply a value the client might read. */
const SINGLE_VALUED = ["state", "code", "iss", "error", "error_description", "error_uri"] as const;
/** Token-bearing parameters: the implicit and hybrid flows are not supported (RFC 9700 §2.1.2). */
const IMPLICIT_PARAMS = ["access_token", "id_token", "token"] as const;

/**
 * Validates an authorization response (RFC 6749 §4.1.2) in the order oauth4webapi uses, so a forged
 * callback is refused before its content is trusted:
 * 1. `state`/`code`/`iss`/`error*` given more than once → `state_duplicated` / `param_duplicated`;
 * 2. `access_token`, `id_token` or `token` in the query or the fragment → `implicit_tokens`;
 * 3. `state` missing or different → `state_missing` / `state_mismatch`, or `csrf` when the response
 *    is an `error=` one (an error that cannot be tied to our request must not be shown as genuine);
 * 4. `iss` differs from `expected.issuer` → `issuer_mismatch` (absent `iss` is allowed unless
 *    `requireIssuer`: not every provider implements RFC 9207);
 * 5. only now `error=` → `OAuthError` with the provider's `error`, `error_description`, `error_uri`;
 * 6. `code` missing or empty → `code_missing`.
 *
 * Parameters are read from the query; for `response_mode=fragment`, pass
 * `new URLSearchParams(url.hash.slice(1))`.
 * @throws {CallbackError | OAuthError | ConfigError}
 */
export function parseCallback(callbackUrl: CallbackInput, expected: CallbackExpectations): CallbackResult {
  if (typeof expected?.state !== "string" || expected.state === "") {
    throw new ConfigError("expected.state must be the non-empty state sent in the authorize URL");
  }
  if (expected.requireIssuer && !expected.issuer) throw new ConfigError("requireIssuer needs expected.issuer");
  const params = readCallbackParams(callbackUrl);
  const isError = params.has("error");
  const state = requireState(params, isError);
  if (!constantTimeEqual(state, expected.state)) {
    throw isError
      ? csrf("an error response whose state does not match")
      : new CallbackError("state_mismatch", "Authorization callback state does not match the request's state");
  }

  const iss = params.get("iss") ?? undefined;
  if (expected.issuer !== undefined) {
    if (iss === undefined && expected.requireIssuer) {
      throw new CallbackError("issuer_missing", "Authorization callback has no iss parameter but one is required");
    }
    if (iss !== undefined && iss !== expected.issuer) {
      throw new CallbackError(
        "issuer_mismatch",
        `Authorization callback iss "${snippet(iss)}" is not the expected issuer "${snippet(expected.issuer)}"`,
      );
    }
  }

  if (isError) {
    throw new OAuthError({
      error: params.get("error") || "unknown_error",
      errorDescription: params.get("error_description") ?? undefined,
      errorUri: params.get("error_uri") ?? undefined,
    });
  }

  const code = params.get("code");
  if (code === null || code === "") throw new CallbackError("code_missing", "Authorization callback has no code");
  return iss === undefined ? { code, state } : { code, state, iss };
}

export interface CompleteAuthorizationOptions {
  /** The provider whose callback route received this request. */
  provider: string;
  store: PendingAuthorizationStore;
  /** Refuse a callback without `iss`. Needs the `issuer` given to `startAuthorization` (else a ConfigError). */
  requireIssuer?: boolean | undefined;
}

export interface CompletedAuthorization {
  code: string;
  /** The exact string sent in the authorize URL, to repeat in the token request (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** Present when the request used PKCE. */
  codeVerifier?: string;
}

/**
 * Handles a callback end to end: takes the pending request for its `state` out of the store (one-time,
 * so a replayed or double-submitted callback fails with `state_replayed`, and a state the store never
 * issued with `state_mismatch`; a store without `wasIssued` reports every unknown state as
 * `state_mismatch`), checks it was started for
 * this `provider` (mix-up defence, RFC 9700 §4.4), then validates it with `parseCallback`. Returns what
 * the token request needs.
 * @throws {CallbackError | OAuthError | ConfigError}
 */
export async function completeAuthorization(
  callbackUrl: CallbackInput,
  options: CompleteAuthorizationOptions,
): Promise<CompletedAuthorization> {
  if (typeof options?.provider !== "string" || options.provider === "") {
    throw new ConfigError("provider must be a non-empty string");
  }
  const params = readCallbackParams(callbackUrl);
  const isError = params.has("error");
  const state = requireState(params, isError);

  const pending = await options.store.take(state);
  if (pending === undefined) {
    if (isError) throw csrf("an error response for an unknown state");
    // Only a store that remembers what it issued can say "used or expired"; otherwise the state may
    // never have been ours (see PendingAuthorizationStore.wasIssued).
    if ((await options.store.wasIssued?.(state)) === true) {
      throw new CallbackError("state_replayed", "Authorization callback state was already used or has expired");
    }
    throw new CallbackError("state_mismatch", "Authorization callback state was never issued by this client");
  }
  if (pending.provider !== options.provider) {
    throw new CallbackError(
      "provider_mismatch",
      `Authorization callback for provider "${snippet(options.provider)}" carries a state issued for "${snippet(pending.provider)}"`,
    );
  }

  // Fail closed, as parseCallback does: with no issuer stored there is nothing to check `iss` against, and
  // skipping the check would accept any (forged) `iss` although the caller asked for one.
  if (options.requireIssuer && !pending.issuer) {
    throw new ConfigError("requireIssuer needs the issuer passed to startAuthorization({ issuer })");
  }
  const { code } = parseCallback(params, { state, issuer: pending.issuer, requireIssuer: options.requireIssuer });
  return pending.codeVerifier === undefined
    ? { code, redirectUri: pending.redirectUri }
    : { code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier };
}

/**
 * The query parameters, after the checks that do not depend on what was expected: no duplicated
 * single-valued parameter, and no token in the query or the fragment.
 */
function readCallbackParams(input: CallbackInput): URLSearchParams {
  let params: URLSearchParams;
  let fragment: URLSearchParams | undefined;
  if (input instanceof URLSearchParams) {
    params = input;
  } else if (typeof input === "string" || input instanceof URL) {
    let url: URL;
    try {
      // The base only lets a path-only callback (`/callback?code=...`) parse; it is never contacted.
      url = new URL(input, "https://callback.invalid/");
    } catch {
      throw new ConfigError("callbackUrl is not a valid URL");
    }
    params = url.searchParams;
    fragment = new URLSearchParams(url.hash.slice(1));
  } else {
    throw new ConfigError("callbackUrl must be a string, URL or URLSearchParams");
  }

  for (const name of SINGLE_VALUED) {
    if (params.getAll(name).length > 1) {
      throw name === "state"
        ? new CallbackError("state_duplicated", "Authorization callback has more than one state parameter")
        : new CallbackError("param_duplicated", `Authorization callback has more than one ${name} parameter`);
    }
  }
  for (const name of IMPLICIT_PARAMS) {
    if (params.has(name) || fragment?.has(name)) {
      throw new CallbackError(
        "implicit_tokens",
        `Authorization callback carries ${name}; the implicit and hybrid flows are not supported`,
      );
    }
  }
  return params;
}

/** The callback's state; a callback without one is refused, as possible CSRF when it is an error response. */
function requireState(params: URLSearchParams, isError: boolean): string {
  const state = params.get("state");
  if (state === null || state === "") {
    throw isError
      ? csrf("an error response without state")
      : new CallbackError("state_missing", "Authorization callback has no state parameter");
  }
  return state;
}

function csrf(what: string): CallbackError {
  return new CallbackError("csrf", `Refused ${what}: possible CSRF, the callback is not tied to a request of ours`);
}

/** String equality whose duration does not depend on where the first difference is. */
function constantTimeEqual(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i % (y.length || 1)] ?? 0);
  return diff === 0;
}
