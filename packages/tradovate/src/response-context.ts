import { ApiError, type ErrorContext, InvalidResponseError, OAuthError, apiErrorFrom, redact } from "@oauth-kit/auth";

/**
 * Method, URL (no query), attempt count and request id of the exchange behind `response`, as the auth
 * package's transport recorded them. (apiErrorFrom() is the only exported reader of that record.)
 */
export function contextOf(response: Response): ErrorContext {
  const { method, url, attempts, requestId } = apiErrorFrom(response, undefined);
  return { method, url, attempts, requestId };
}

/**
 * The same error with every exact value of `secrets` masked, and the request's context filled in where the
 * error had none. @oauth-kit/auth masks secret-named fields and the client's own credentials, but not a
 * request-body value that the server echoes in free text, e.g. `error_description: "code 8f3c… already
 * used"` or `errorText: "… password Correct-Horse …"`; the token calls know those values and pass them here.
 */
export function withoutSecrets(error: unknown, secrets: readonly string[], context: ErrorContext = {}): unknown {
  const known = secrets.filter((secret) => secret !== "");
  if (error instanceof OAuthError) {
    return new OAuthError(
      {
        error: redact(error.error, known),
        errorDescription: error.errorDescription === undefined ? undefined : redact(error.errorDescription, known),
        errorUri: error.errorUri,
        status: error.status,
      },
      { ...context, ...definedContext(error) },
    );
  }
  if (error instanceof ApiError) {
    return new ApiError(
      { status: error.status, body: error.body, retryAfterMs: error.retryAfterMs, secrets: known, ...context, ...definedContext(error) },
      error.kind,
    );
  }
  if (error instanceof InvalidResponseError) {
    const fields = { ...context, ...definedContext(error) };
    return new InvalidResponseError(redact(error.message, known), {
      ...fields,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.snippet === undefined ? {} : { snippet: redact(error.snippet, known) }),
    });
  }
  return error;
}

function definedContext(error: ErrorContext): ErrorContext {
  const out: ErrorContext = {};
  for (const key of ["method", "url", "attempts", "requestId"] as const) {
    if (error[key] !== undefined) (out as Record<string, unknown>)[key] = error[key];
  }
  return out;
}
