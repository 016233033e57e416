import { AbortError, ConnectionError, OAuthKitError, TimeoutError } from "../errors.js";
import { parseWwwAuthenticate } from "../www-authenticate.js";
import { connectionCode, provesNothingWasSent } from "./connection-error.js";

export type Describe = () => { method: string; url: string; attempts: number; secrets: readonly string[] };

/** RFC 6750 §3.1: refresh only for `invalid_token` or a challenge with no error (expired or missing). */
export function challengeAllowsRefresh(headers: Headers): boolean {
  const header = headers.get("www-authenticate");
  if (!header) return true;
  const challenges = parseWwwAuthenticate(header);
  // An unparseable header tells us nothing either way: treat it as absent, as for no challenge.
  const bearerChallenge = challenges.find((c) => c.scheme.toLowerCase() === "bearer") ?? challenges[0];
  const error = bearerChallenge?.params.error;
  return error === undefined || error.toLowerCase() === "invalid_token";
}

// Said when a request that is not safe to repeat (a code exchange, a rotating refresh, an order) may
// have reached the server: it was not retried, and only the server knows whether it took effect.
const OUTCOME_UNKNOWN = "; not retried because the operation is not safe to repeat: the server may have processed it, so the outcome is unknown (for a single-use code or refresh token, restart the flow)";

export function classify(
  error: unknown,
  caller: AbortSignal | undefined,
  timedOut: boolean,
  describe: Describe,
  retrySafe: boolean,
): OAuthKitError {
  if (caller?.aborted) return new AbortError("request aborted by the caller", { ...describe(), cause: error });
  if (timedOut) {
    return new TimeoutError(`${describe().method} ${describe().url} timed out${retrySafe ? "" : OUTCOME_UNKNOWN}`, {
      ...describe(),
      cause: error,
    });
  }
  if (error instanceof OAuthKitError) return error;
  const code = connectionCode(error);
  const what = code ? ` (${code})` : "";
  const unknown = retrySafe || provesNothingWasSent(code) ? "" : OUTCOME_UNKNOWN;
  // A body cut off mid-stream surfaces as TypeError("terminated"): a transport failure, not bad JSON.
  return new ConnectionError(`${describe().method} ${describe().url} failed: no complete response${what}${unknown}`, {
    ...describe(),
    code,
    cause: error,
  });
}

