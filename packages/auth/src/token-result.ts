import { OAuthError } from "./errors.js";
import { type ParseTokenResponseOptions, type TokenSet, isOAuthErrorBody, parseTokenResponse } from "./oauth/token-response.js";
import { responseInfo } from "./request-context.js";
import { apiErrorFrom, requestIdOf } from "./unwrap.js";
import { parseWwwAuthenticate } from "./www-authenticate.js";

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
  try {
    return parseTokenResponse(response.ok ? result.data : result.error, { ...options, status: response.status });
  } catch (error) {
    // Add what the transport knows: the request (method, URL, attempts, request id) and the secrets it
    // sent, so an error_description that echoes the code or client secret is masked.
    // The challenge of a 401 (invalid_client with `WWW-Authenticate: Basic realm=...`) goes along too.
    const info = responseInfo.get(response);
    if (!(error instanceof OAuthError)) throw error;
    const challenges = parseWwwAuthenticate(response.headers.get("www-authenticate"));
    throw new OAuthError(
      { error: error.error, errorDescription: error.errorDescription, errorUri: error.errorUri, status: error.status, challenges },
      info
        ? { method: info.method, url: info.url, attempts: info.attempts, requestId: requestIdOf(response.headers), secrets: info.secrets }
        : { requestId: requestIdOf(response.headers) },
    );
  }
}
