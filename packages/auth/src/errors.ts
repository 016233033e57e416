import { shorten, snippet } from "./redact.js";
import { SAFE_ERROR, safeCause, safeChallenges } from "./secrets/safe-data.js";
import { type Mask, createMasker } from "./secrets/masker.js";
import type { Challenge } from "./www-authenticate.js";

/**
 * What went wrong, as a discriminant that survives bundling and `instanceof` across package copies.
 * - `http`: the server answered with a status the caller must handle (4xx/5xx not covered below)
 * - `auth`: 401 or 403
 * - `rate_limit`: 429 (see `retryAfterMs`)
 * - `oauth`: an RFC 6749 §5.2 error body (also when sent with HTTP 200), or a rejected callback
 * - `invalid_response`: not JSON, empty, too large, wrong shape or an unusable token response
 * - `timeout`, `abort`, `connection`: transport outcomes; no usable response
 * - `redirect`: a redirect that would leak credentials or downgrade to http
 * - `config`: bad input to oauth-kit itself (missing credentials, malformed key, invalid verifier, ...)
 */
export type ErrorKind =
  | "http"
  | "auth"
  | "rate_limit"
  | "oauth"
  | "invalid_response"
  | "timeout"
  | "abort"
  | "connection"
  | "redirect"
  | "config";

export interface ErrorContext {
  /** HTTP method of the request, e.g. `POST`. */
  method?: string | undefined;
  /** Origin and path of the request; never the query string. */
  url?: string | undefined;
  /** How many attempts were made (1 = no retry). */
  attempts?: number | undefined;
  /** The server's request id (`x-request-id`, `request-id`, `x-amzn-requestid`), when it sent one. */
  requestId?: string | undefined;
  cause?: unknown;
  /**
   * Values this error must never show (what the request sent: credentials, codes, verifiers...). They
   * are masked in every field, in any encoding a server may have echoed them in.
   */
  secrets?: Iterable<string> | undefined;
}

const maskers = new WeakMap<object, Mask>();
const NO_SECRETS = createMasker([]);

/** One masker per set of secrets, shared by an error's base and subclass constructors. */
export function maskerFor(secrets: Iterable<string> | undefined): Mask {
  if (secrets === undefined) return NO_SECRETS;
  let mask = maskers.get(secrets);
  if (!mask) {
    mask = createMasker(secrets);
    maskers.set(secrets, mask);
  }
  return mask;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base class of every error oauth-kit throws. It holds no request headers, no request body and no
 * credentials. It is safe as data, not only as text: every enumerable field is masked, and `cause` is a
 * masked copy, so `JSON.stringify`, `util.inspect`, `structuredClone`, pino and `console.log` print
 * nothing secret.
 */
export class OAuthKitError extends Error {
  readonly kind: ErrorKind;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly attempts: number | undefined;
  readonly requestId: string | undefined;

  constructor(kind: ErrorKind, message: string, context: ErrorContext = {}) {
    const mask = maskerFor(context.secrets);
    super(mask.known(message), context.cause === undefined ? undefined : { cause: safeCause(context.cause, mask) });
    this.name = new.target.name;
    this.kind = kind;
    this.method = context.method;
    this.url = context.url === undefined ? undefined : mask(context.url);
    this.attempts = context.attempts;
    // A header the server chose: it may reflect a credential back.
    this.requestId = context.requestId === undefined ? undefined : shorten(mask(context.requestId));
    // A cause from fetch may hold the Request (and so its headers): only a masked copy of its message,
    // stack and error code is kept, out of enumeration and JSON (pino still prints a cause's message).
    if ("cause" in this) Object.defineProperty(this, "cause", { enumerable: false });
  }

  /** The fields that are safe to log. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const key of ["method", "url", "attempts", "requestId"] as const) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }

  [INSPECT](): string {
    return `${this.name} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}
Object.defineProperty(OAuthKitError.prototype, SAFE_ERROR, { value: true });

export interface ApiErrorInit<TBody> extends ErrorContext {
  status: number;
  body?: TBody;
  retryAfterMs?: number | undefined;
  /** The parsed WWW-Authenticate challenges, for a 401. */
  challenges?: readonly Challenge[] | undefined;
}

/**
 * The server answered, and the answer is an error. `body` is the parsed body (typed by status where the
 * spec defines it); it is kept for the caller to inspect but shown only as a short redacted snippet.
 */
export class ApiError<TBody = unknown> extends OAuthKitError {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  /** The parsed WWW-Authenticate challenges (RFC 9110 §11.6.1); empty when the server sent none. */
  readonly challenges: readonly Challenge[];
  readonly snippet: string;
  declare readonly body: TBody;

  constructor(init: ApiErrorInit<TBody>, kind: ErrorKind = kindForStatus(init.status), message?: string) {
    const mask = maskerFor(init.secrets);
    const excerpt = snippet(init.body, mask);
    super(
      kind,
      message ??
        `${init.method ?? "request"} ${init.url ?? ""} failed with HTTP ${init.status}${excerpt ? `: ${excerpt}` : ""}`.replace(
          "  ",
          " ",
        ),
      init,
    );
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.challenges = safeChallenges(init.challenges, mask);
    this.snippet = excerpt;
    // Non-enumerable: the raw body may echo secrets, so it stays out of JSON and inspect output.
    Object.defineProperty(this, "body", { value: init.body, enumerable: false });
  }

  override toJSON(): Record<string, unknown> {
    const out = { ...super.toJSON(), status: this.status, snippet: this.snippet };
    return this.retryAfterMs === undefined ? out : { ...out, retryAfterMs: this.retryAfterMs };
  }
}

function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limit";
  return "http";
}

/** An RFC 6749 §5.2 error (`error`, `error_description`, `error_uri`), from a token endpoint or a callback. */
export class OAuthError extends OAuthKitError {
  readonly error: string;
  readonly errorDescription: string | undefined;
  readonly errorUri: string | undefined;
  readonly status: number | undefined;
  /** The parsed WWW-Authenticate challenges of a 401 (e.g. `Basic realm="oauth"` for invalid_client). */
  readonly challenges: readonly Challenge[];

  /** `context.secrets`: values the request sent (a code, a client secret...) to mask if the server echoes them. */
  constructor(
    fields: {
      error: string;
      errorDescription?: string | undefined;
      errorUri?: string | undefined;
      status?: number | undefined;
      challenges?: readonly Challenge[] | undefined;
    },
    context: ErrorContext = {},
  ) {
    const mask = maskerFor(context.secrets);
    // Server text: masked in full (a description may echo a code or a client secret); the message
    // shows it shortened to one escaped line.
    const error = mask(String(fields.error));
    const description = fields.errorDescription === undefined ? undefined : mask(String(fields.errorDescription));
    super("oauth", `OAuth error ${shorten(error)}${description ? `: ${shorten(description)}` : ""}`, {
      method: context.method,
      url: context.url,
      attempts: context.attempts,
      requestId: context.requestId,
      cause: context.cause,
      secrets: context.secrets,
    });
    this.error = error;
    this.errorDescription = description;
    this.errorUri = fields.errorUri === undefined ? undefined : mask(String(fields.errorUri));
    this.status = fields.status;
    this.challenges = safeChallenges(fields.challenges, mask);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      error: shorten(this.error),
      ...(this.errorDescription === undefined ? {} : { errorDescription: shorten(this.errorDescription) }),
      ...(this.errorUri === undefined ? {} : { errorUri: shorten(this.errorUri) }),
      ...(this.status === undefined ? {} : { status: this.status }),
    };
  }
}

/** The response cannot be used: not JSON, empty, too large, truncated JSON or the wrong shape. */
export class InvalidResponseError extends OAuthKitError {
  readonly status: number | undefined;
  readonly snippet: string | undefined;
  constructor(message: string, context: ErrorContext & { status?: number; snippet?: string } = {}) {
    super("invalid_response", message, context);
    this.status = context.status;
    this.snippet = context.snippet === undefined ? undefined : maskerFor(context.secrets)(context.snippet);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, snippet: this.snippet };
  }
}

/** An attempt took longer than `timeoutMs`, or the overall deadline passed. */
export class TimeoutError extends OAuthKitError {
  constructor(message: string, context: ErrorContext = {}) {
    super("timeout", message, context);
  }
}

/** The caller's `AbortSignal` fired. Never retried. */
export class AbortError extends OAuthKitError {
  constructor(message: string, context: ErrorContext = {}) {
    super("abort", message, context);
  }
}

/** No response: refused, reset, DNS failure, or the body was cut off mid-stream. */
export class ConnectionError extends OAuthKitError {
  /** The system error code when known (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`, ...). */
  readonly code: string | undefined;
  constructor(message: string, context: ErrorContext & { code?: string | undefined } = {}) {
    super("connection", message, context);
    this.code = context.code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code };
  }
}

/** A redirect was refused because following it could leak credentials or drop to plain http. */
export class RedirectError extends OAuthKitError {
  readonly status: number;
  constructor(message: string, context: ErrorContext & { status: number }) {
    super("redirect", message, context);
    this.status = context.status;
  }
}

/** Bad input to oauth-kit itself: caught before anything is sent. */
export class ConfigError extends OAuthKitError {
  constructor(message: string) {
    super("config", message);
  }
}
