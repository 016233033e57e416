// Tradovate penalty tickets: instead of an answer, HTTP 200 with `p-ticket` and `p-time` (and maybe
// `p-captcha`). The client waits `p-time` seconds and resends the identical body plus `p-ticket`.
import { randomToken } from "../../oauth/random.js";

export interface PendingTicket {
  /** The body the ticket was issued for, without `p-ticket`, with sorted keys. */
  body: string;
  readyAt: number;
  captcha: boolean;
}

export interface PenaltyState {
  /** How many of the next token requests get a ticket instead of an answer. */
  ticketsLeft: number;
  seconds: number;
  captcha: boolean;
  tickets: Map<string, PendingTicket>;
}

const canonical = (body: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(body)
      .filter((key) => key !== "p-ticket")
      .sort()
      .map((key) => [key, body[key]]),
  );

/**
 * Undefined when the request may proceed; otherwise the 200 body to answer with: a new ticket, or an
 * error for a ticket resent too early, for another body, or after a captcha was required.
 */
export function penalize(penalty: PenaltyState, now: number, body: Record<string, unknown>): Record<string, unknown> | undefined {
  const presented = typeof body["p-ticket"] === "string" ? (body["p-ticket"] as string) : undefined;
  if (presented !== undefined) {
    const pending = penalty.tickets.get(presented);
    if (!pending || pending.body !== canonical(body)) return { errorText: "Invalid p-ticket" };
    if (pending.captcha) return { "p-ticket": presented, "p-time": 3600, "p-captcha": true };
    if (now < pending.readyAt) return { "p-ticket": presented, "p-time": Math.ceil((pending.readyAt - now) / 1000) };
    penalty.tickets.delete(presented);
    return undefined;
  }
  if (penalty.ticketsLeft <= 0) return undefined;
  penalty.ticketsLeft--;
  const ticket = randomToken("", 16);
  penalty.tickets.set(ticket, { body: canonical(body), readyAt: now + penalty.seconds * 1000, captcha: penalty.captcha });
  return penalty.captcha ? { "p-ticket": ticket, "p-time": penalty.seconds, "p-captcha": true } : { "p-ticket": ticket, "p-time": penalty.seconds };
}
