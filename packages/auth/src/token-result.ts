import { type ParseTokenResponseOptions, type TokenSet, isOAuthErrorBody, parseTokenResponse } from "./oauth/token-response.js";
import { apiErrorFrom } from "./unwrap.js";

/**
 * The validated TokenSet of a token-endpoint call made through an oauth-kit client, or a typed error:
 * OAuthError for an RFC 6749 §5.2 body (whatever the status, including 200), ApiError for any other
 * error status, InvalidResponseError for a 2xx body that is not a usable token response.
 */
export function tokenFromResult(
  result: { data?: unknown; error?: unknown; response: Response },
  options: Omit<ParseTokenResponseOptions, "status"> = {},
): TokenSet {
  const { response } = result;
  if (!response.ok && !isOAuthErrorBody(result.error)) throw apiErrorFrom(response, result.error);
  return parseTokenResponse(response.ok ? result.data : result.error, { ...options, status: response.status });
}
