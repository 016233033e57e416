import { type DataOf, unwrap as unwrapResult } from "@oauth-kit/auth";
import { hideTokenInError } from "./hide-token-in-errors.js";

/**
 * The data of an openapi-fetch result, or a thrown ApiError (status, typed body, request id, method, URL)
 * for an error status. Same as @oauth-kit/auth's `unwrap`, except that the error names `/tokens/{token}`
 * instead of the token it was called with (that token is a live credential).
 */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(result: R): DataOf<R> {
  try {
    return unwrapResult(result);
  } catch (error) {
    throw hideTokenInError(error);
  }
}
