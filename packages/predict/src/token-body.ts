import { InvalidResponseError } from "@oauth-kit/auth";

// Visible ASCII only: the token goes into an Authorization header next, where a control character or a
// space could split the header. (@oauth-kit/auth checks a token source's tokens again before sending them,
// but loginWithSignature and finalizeConnection hand the token to the caller, so a broken response is
// refused here, as the InvalidResponseError it is.)
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * `data.token` of a 200 body from `POST /v1/auth` or `POST /v1/oauth/finalize`, checked to be usable as a
 * bearer token. The message names the call, never the value.
 */
export function tokenFromBody(body: unknown, call: string): string {
  const token: unknown = (body as { data?: { token?: unknown } } | null)?.data?.token;
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) {
    throw new InvalidResponseError(`${call} returned no usable token (data.token must be a non-empty string without spaces)`);
  }
  return token;
}
