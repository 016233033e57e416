/** Tradovate's documented lock-out after a 429: "wait about one hour" (partner docs, rate limits). */
export const LOCKOUT_SECONDS = 3600;

/**
 * The fetch beneath the client's transport. Tradovate answers 429 with an empty body and no Retry-After,
 * and means "locked out for about an hour"; left alone, the transport would retry a retry-safe call after a
 * short backoff and only deepen the lock-out. Stating the documented hour as `Retry-After` lets the
 * transport do the right thing with its own rules: a wait longer than `retry.maxRetryAfterMs` is never
 * slept, and the resulting ApiError carries `retryAfterMs`. A 429 that does carry Retry-After is untouched,
 * so its wait is honoured as usual.
 */
export function lockoutAwareFetch(
  custom: ((request: Request) => Promise<Response>) | undefined,
): (request: Request) => Promise<Response> {
  return async (request) => {
    // Read the global fetch at call time, as the transport does, so a fetch patched later (nock) is used.
    const response = await (custom ?? globalThis.fetch)(request);
    if (response.status !== 429 || response.headers.has("retry-after") || response.headers.has("retry-after-ms")) return response;
    const headers = new Headers(response.headers);
    headers.set("retry-after", String(LOCKOUT_SECONDS));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
