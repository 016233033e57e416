import { type ErrorContext, OAuthKitError, redact, snippet } from "@oauth-kit/auth";

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
    super("oauth", `Tradovate refused ${context.method ?? "the request"} ${context.url ?? ""}: ${snippet(errorText, secrets)}`.replace("  ", " "), context);
    this.errorText = redact(errorText, secrets);
    this.status = context.status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, errorText: snippet(this.errorText) };
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
