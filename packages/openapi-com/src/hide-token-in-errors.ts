import { type Middleware, OAuthKitError } from "@oauth-kit/auth";

// The `{token}` of /tokens/{token} is not an opaque id: it is the token itself, the Bearer value every
// other *.openapi.com API accepts. @oauth-kit/auth writes the request path into an error's message and
// `url`, so an error from getToken, updateToken (rotation) or deleteToken would print a live credential.
// These helpers put the path template back in its place.
const TOKEN_IN_PATH = /(\/tokens\/)[^/?#\s"'`]+/g;

function hideTokenIn(text: string): string {
  return text.replace(TOKEN_IN_PATH, "$1{token}");
}

/** Rewrites an oauth-kit error in place so that `/tokens/<token>` reads `/tokens/{token}`; returns it. */
export function hideTokenInError<E>(error: E): E {
  if (!(error instanceof OAuthKitError)) return error;
  // `stack` starts with the message, so it carries the same URL.
  for (const key of ["message", "url", "stack"] as const) {
    const value: unknown = error[key];
    if (typeof value !== "string") continue;
    const enumerable = Object.getOwnPropertyDescriptor(error, key)?.enumerable ?? false;
    Object.defineProperty(error, key, { value: hideTokenIn(value), writable: true, configurable: true, enumerable });
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
