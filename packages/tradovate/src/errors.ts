import { type ErrorContext, OAuthKitError, redact } from "@oauth-kit/auth";

const EXCERPT_LENGTH = 200;

/**
 * A single-line, escaped, redacted and truncated excerpt of server text, safe for a message. (The same
 * rules as @oauth-kit/auth's internal `snippet()`, which is not exported.)
 */
export function excerpt(text: string, secrets: Iterable<string> = []): string {
  const oneLine = redact(text, secrets)
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .trim();
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH)}…` : oneLine;
}

/**
 * Tradovate refused the request with an `errorText` body, which it sends with HTTP 200 ("Incorrect username
 * or password", "Access is denied"). Kind `oauth`: the server answered and said no; sending the same request
 * again will not help.
 */
export class TradovateError extends OAuthKitError {
  /** The server's text, with any secret the request carried masked. */
  readonly errorText: string;
  readonly status: number;

  constructor(errorText: string, context: ErrorContext & { status: number; secrets?: Iterable<string> | undefined }) {
    const secrets = [...(context.secrets ?? [])];
    super("oauth", `Tradovate refused ${context.method ?? "the request"} ${context.url ?? ""}: ${excerpt(errorText, secrets)}`.replace("  ", " "), context);
    this.errorText = redact(errorText, secrets);
    this.status = context.status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, errorText: excerpt(this.errorText) };
  }
}

/**
 * Why a penalty ticket was not waited out:
 * - `captcha`: `p-captcha: true`; a third-party application cannot solve it (Tradovate: wait about an hour);
 * - `wait_too_long`: `p-time` is longer than the caller allows (`penalty.maxWaitMs`);
 * - `still_penalised`: the request was resent with `p-ticket` `penalty.maxResends` times and is still penalised;
 * - `not_resendable`: the request has no body to carry `p-ticket` (`renewaccesstoken` is a GET).
 */
export type PenaltyReason = "captcha" | "wait_too_long" | "still_penalised" | "not_resendable";

/**
 * Tradovate answered HTTP 200 with a penalty ticket (`p-ticket`, `p-time`, `p-captcha`) instead of a result,
 * and it could not be waited out. Kind `rate_limit`. The ticket itself is never shown.
 */
export class PenaltyTicketError extends OAuthKitError {
  readonly reason: PenaltyReason;
  /** How long to wait before trying again, when known: `p-time`, or about an hour for a captcha. */
  readonly retryAfterMs: number | undefined;

  constructor(reason: PenaltyReason, message: string, context: ErrorContext & { retryAfterMs?: number | undefined }) {
    super("rate_limit", message, context);
    this.reason = reason;
    this.retryAfterMs = context.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    const out = { ...super.toJSON(), reason: this.reason };
    return this.retryAfterMs === undefined ? out : { ...out, retryAfterMs: this.retryAfterMs };
  }
}
