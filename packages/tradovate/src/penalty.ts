import { type ErrorContext, InvalidResponseError, sleep } from "@oauth-kit/auth";
import { PenaltyTicketError } from "./errors.js";
import { LOCKOUT_SECONDS } from "./lockout.js";
import { contextOf } from "./response-context.js";

export interface PenaltyOptions {
  /** How many times a penalised request is resent with its `p-ticket` before giving up. Default 3. */
  maxResends?: number | undefined;
  /** The longest `p-time` waited out. Default 60 000 ms; a longer penalty fails at once, with `retryAfterMs`. */
  maxWaitMs?: number | undefined;
}

interface PenaltyTicket {
  ticket: string;
  waitMs: number;
  captcha: boolean;
}

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * The penalty ticket in a token response, if the body is one: Tradovate answers HTTP 200 with `p-ticket`,
 * `p-time` (seconds) and optionally `p-captcha` instead of a token when a rate threshold is near.
 */
function penaltyOf(result: Result): PenaltyTicket | undefined {
  const body = result.data;
  if (!result.response.ok || typeof body !== "object" || body === null || !("p-ticket" in body)) return undefined;
  const fields = body as Record<string, unknown>;
  // A penalty comes instead of a token; a body that carries a token is a token response.
  if (fields.accessToken !== undefined || fields.access_token !== undefined) return undefined;
  const ticket = fields["p-ticket"];
  const seconds = fields["p-time"];
  const captcha = fields["p-captcha"] === true;
  const context = { ...contextOf(result.response), status: result.response.status };
  if (typeof ticket !== "string" || ticket === "") {
    throw new InvalidResponseError("penalty ticket response has no usable p-ticket", context);
  }
  if (!captcha && (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)) {
    throw new InvalidResponseError("penalty ticket response has no usable p-time (seconds to wait)", context);
  }
  return { ticket, waitMs: typeof seconds === "number" && Number.isFinite(seconds) ? seconds * 1000 : 0, captcha };
}

/** "POST https://host/v1/auth/oauthtoken", for messages. */
function where(context: ErrorContext): string {
  return [context.method, context.url].filter(Boolean).join(" ") || "the request";
}

function captchaError(context: ErrorContext): PenaltyTicketError {
  return new PenaltyTicketError(
    "captcha",
    `Tradovate answered ${where(context)} with a captcha penalty (p-captcha: true), which a ` +
      "third-party application cannot solve; wait about an hour before trying again",
    { ...context, retryAfterMs: LOCKOUT_SECONDS * 1000 },
  );
}

/**
 * Sends a token request and waits out Tradovate's penalty tickets. `send(ticket)` must build the identical
 * request every time, adding `p-ticket` when it is given. A penalty is waited out (`p-time`, abortable)
 * and the request resent with its ticket, at most `maxResends` times; `p-captcha: true` fails at once, as
 * does a wait longer than `maxWaitMs`. Anything that is not a penalty is handed back untouched.
 * @throws {PenaltyTicketError} captcha, wait too long, or still penalised after `maxResends`
 * @throws {AbortError} `signal` fired while waiting
 */
export async function sendWithPenalties<R extends Result>(
  send: (ticket: string | undefined) => Promise<R>,
  options: { penalty?: PenaltyOptions | undefined; signal?: AbortSignal | undefined },
): Promise<R> {
  const maxResends = options.penalty?.maxResends ?? 3;
  const maxWaitMs = options.penalty?.maxWaitMs ?? 60_000;
  let ticket: string | undefined;
  for (let resends = 0; ; resends++) {
    const result = await send(ticket);
    const penalty = penaltyOf(result);
    if (!penalty) return result;
    const context = contextOf(result.response);
    if (penalty.captcha) throw captchaError(context);
    if (resends >= maxResends) {
      throw new PenaltyTicketError(
        "still_penalised",
        `Tradovate still answers ${where(context)} with a penalty ticket after ${resends} resends with p-ticket`,
        { ...context, retryAfterMs: penalty.waitMs },
      );
    }
    if (penalty.waitMs > maxWaitMs) {
      throw new PenaltyTicketError(
        "wait_too_long",
        `Tradovate issued a penalty ticket for ${where(context)} asking to wait ${penalty.waitMs / 1000} s, ` +
          `longer than penalty.maxWaitMs (${maxWaitMs} ms); not waiting`,
        { ...context, retryAfterMs: penalty.waitMs },
      );
    }
    await sleep(penalty.waitMs, options.signal, { abortMessage: "aborted by the caller while waiting out a penalty ticket" });
    ticket = penalty.ticket;
  }
}

/**
 * For a request that cannot carry a ticket (the `renewaccesstoken` GET has no body, and Tradovate documents
 * resending a ticket only in a request body): a penalty fails at once, with the wait it asked for.
 * @throws {PenaltyTicketError}
 */
export function refusePenalty(result: Result): void {
  const penalty = penaltyOf(result);
  if (!penalty) return;
  const context = contextOf(result.response);
  if (penalty.captcha) throw captchaError(context);
  throw new PenaltyTicketError(
    "not_resendable",
    `Tradovate answered ${where(context)} with a penalty ticket; this request has no body to resend it in, ` +
      `so try again after ${penalty.waitMs / 1000} s`,
    { ...context, retryAfterMs: penalty.waitMs },
  );
}
