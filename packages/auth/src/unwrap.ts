import { ApiError } from "./errors.js";
import { safeUrl } from "./redact.js";
import { responseInfo } from "./request-context.js";
import { retryAfterMs } from "./transport/retry-policy.js";
import { parseWwwAuthenticate } from "./www-authenticate.js";

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];

/** The server's request id, when it sent one under a common header name. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value.slice(0, 128);
  }
  return undefined;
}

/** An ApiError for a non-2xx response and its parsed body. */
export function apiErrorFrom<TBody>(response: Response, body: TBody): ApiError<TBody> {
  const info = responseInfo.get(response);
  return new ApiError<TBody>({
    status: response.status,
    body,
    method: info?.method,
    url: info?.url ?? (response.url ? safeUrl(response.url) : undefined),
    attempts: info?.attempts,
    requestId: requestIdOf(response.headers),
    challenges: parseWwwAuthenticate(response.headers.get("www-authenticate")),
    retryAfterMs: response.status === 429 || response.status === 503 ? retryAfterMs(response.headers, Date.now()) : undefined,
    secrets: info?.secrets ?? [],
  });
}

/** The success data type of an openapi-fetch result union (the member whose `error` is never). */
export type DataOf<R> = R extends { error?: never; data: infer D } ? D : never;

/**
 * The data of an openapi-fetch result, or a thrown ApiError (status, typed body, request id, method,
 * URL without query, attempt count) when the server answered with an error status.
 */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(result: R): DataOf<R> {
  if (result.response.ok) return result.data as DataOf<R>;
  throw apiErrorFrom(result.response, result.error);
}
