import { type Middleware, OAuthKitError } from "@oauth-kit/auth";

// The `{token}` of /tokens/{token} is not an opaque id: it is the token itself, the Bearer value every
// other *.openapi.com API accepts. @oauth-kit/auth writes the request path into an error's message and
// `url`, and only masks the client's own credentials (the API key) in body snippets, so an error from
// getToken, deleteToken or a rotation would print a live token. These helpers take it out again.
// (An already-hidden `{token}` is left alone, so hiding twice changes nothing.)
const TOKEN_IN_PATH = /(\/tokens\/)(?!\{token\})([^/?#\s"'`]+)/g;
const REDACTED = "[redacted]";
// The fields an oauth-kit error renders (message, toJSON, util.inspect); `stack` starts with the message.
const RENDERED = ["message", "url", "snippet", "stack"] as const;

function tokensInPaths(text: unknown): string[] {
  if (typeof text !== "string") return [];
  return [...text.matchAll(TOKEN_IN_PATH)].flatMap(([, , token]) => {
    try {
      return [token!, decodeURIComponent(token!)];
    } catch {
      return [token!];
    }
  });
}

/**
 * Rewrites an oauth-kit error in place and returns it: `/tokens/<token>` reads `/tokens/{token}`, and that
 * token, plus any `secrets` given (a refresh token), is masked wherever else the error shows it (a body
 * snippet that echoes it). Other values pass through untouched.
 */
export function hideTokenInError<E>(error: E, secrets: readonly string[] = []): E {
  if (!(error instanceof OAuthKitError)) return error;
  const fields = error as unknown as Record<string, unknown>;
  // Short values would mask ordinary words; tokens are never this short.
  const known = [...secrets, ...tokensInPaths(fields.url), ...tokensInPaths(fields.message)].filter((value) => value.length >= 6);
  for (const key of RENDERED) {
    const value = fields[key];
    if (typeof value !== "string") continue;
    let hidden = value.replace(TOKEN_IN_PATH, "$1{token}");
    for (const secret of known) hidden = hidden.split(secret).join(REDACTED);
    const enumerable = Object.getOwnPropertyDescriptor(error, key)?.enumerable ?? false;
    Object.defineProperty(error, key, { value: hidden, writable: true, configurable: true, enumerable });
  }
  return error;
}

/**
 * Client middleware for the transport's errors (timeouts, connection failures, unusable responses):
 * they surface through openapi-fetch's `onError`, before the caller sees them.
 */
export const hideTokenInErrors: Middleware = {
  onError({ error }) {
    return error instanceof Error ? hideTokenInError(error) : undefined;
  },
};
