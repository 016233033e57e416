import { type ErrorContext, InvalidResponseError, apiErrorFrom } from "@oauth-kit/auth";

/**
 * Method, URL (no query), attempt count and request id of the exchange behind `response`, as the auth
 * package's transport recorded them. (apiErrorFrom() is the only exported reader of that record.)
 */
export function contextOf(response: Response): ErrorContext {
  const { method, url, attempts, requestId } = apiErrorFrom(response, undefined);
  return { method, url, attempts, requestId };
}

/**
 * The error with the request's context filled in, when it is an InvalidResponseError raised after the
 * transport (a token body or an expiry that does not validate) and so knows nothing of the request.
 * Masking needs nothing here: such messages never quote a value, and the errors of @oauth-kit/auth
 * (transport, unwrap, tokenFromResult) already mask every secret the request carried.
 */
export function withRequestContext(error: unknown, response: Response): unknown {
  if (!(error instanceof InvalidResponseError) || error.url !== undefined) return error;
  return new InvalidResponseError(error.message, {
    ...contextOf(response),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.snippet === undefined ? {} : { snippet: error.snippet }),
  });
}
