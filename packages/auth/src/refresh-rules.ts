import { AbortError, ConnectionError, type OAuthKitError, TimeoutError } from "./errors.js";
import type { TokenSet } from "./oauth/token-response.js";
import { provesNothingWasSent } from "./transport/connection-error.js";

// The rules every token source follows, with or without a store: when a token is due, how a waiter
// stops waiting, and which refresh failures leave the refresh token's fate unknown.

/**
 * Whether `set` is due for a refresh at `now`. The skew is capped at half the lifetime observed at receipt
 * (`expiresIn`, else `expiresAt - receivedAt`): a token living less than the skew would otherwise be
 * refreshed before every call, without limit. `expiresIn: 0` says nothing about the lifetime: unknown.
 */
export function needsRefresh(set: TokenSet, skewMs: number, now: number, receivedAt: number | undefined): boolean {
  if (set.expiresAt === undefined || set.expiresIn === 0) return false;
  const lifetimeMs = set.expiresIn !== undefined ? set.expiresIn * 1000 : receivedAt !== undefined ? set.expiresAt - receivedAt : Infinity;
  const skew = Math.min(skewMs, Math.max(0, lifetimeMs / 2));
  return set.expiresAt - skew <= now;
}

/** `promise`, or an AbortError as soon as `signal` aborts; the promise itself runs on for others. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new AbortError("aborted by the caller while waiting for a token refresh");
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** The request may have reached the server: a timeout, or a connection lost after it was opened. */
export function outcomeUnknown(error: unknown): error is OAuthKitError {
  return error instanceof TimeoutError || (error instanceof ConnectionError && !provesNothingWasSent(error.code));
}
