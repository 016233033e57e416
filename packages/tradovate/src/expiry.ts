import { InvalidResponseError } from "@oauth-kit/auth";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The local expiry of a token whose server expiry is absolute (`expirationTime`). Comparing a server time
 * with the local clock would be off by however far the clocks disagree, so only a *lifetime* is taken from
 * the server: `expirationTime` minus the server's own "now" (its `Date` header, or the local receipt time
 * when it sent none), and that lifetime is added to the local receipt time.
 *
 * With a `Date` header the result is right whatever the local clock says. Without one, a fast local clock
 * shortens the lifetime (renewal comes early) and a slow one lengthens it by the same amount.
 * @returns undefined when the server sent no `expirationTime` (the token is then used until a 401)
 * @throws {InvalidResponseError} `expirationTime` is not a date-time, or not after the server's "now"
 */
export function localExpiry(
  expirationTime: unknown,
  dateHeader: string | null,
  receivedAt: number,
  status: number,
): { expiresAt: number; expiresIn: number } | undefined {
  if (expirationTime === undefined) return undefined;
  const expires = typeof expirationTime === "string" && ISO_DATE_TIME.test(expirationTime) ? Date.parse(expirationTime) : NaN;
  if (Number.isNaN(expires)) throw new InvalidResponseError("Token response expirationTime is not an ISO 8601 date-time", { status });
  const serverDate = dateHeader === null ? NaN : Date.parse(dateHeader);
  const serverNow = Number.isNaN(serverDate) ? receivedAt : serverDate;
  const lifetimeMs = expires - serverNow;
  if (lifetimeMs <= 0) {
    const clock = Number.isNaN(serverDate) ? "the local clock (the response had no Date header; is the clock right?)" : "the server's Date header";
    throw new InvalidResponseError(`Token response expirationTime is not in the future by ${clock}`, { status });
  }
  return { expiresAt: receivedAt + lifetimeMs, expiresIn: lifetimeMs / 1000 };
}
