import { AbortError, ConnectionError, InvalidResponseError, OAuthKitError, RedirectError, TimeoutError } from "../errors.js";
import { SECRET_HEADERS, pathParameterValues, requestSecrets, safeUrl, snippet } from "../redact.js";
import { contextOf, responseInfo, streamBodies } from "../request-context.js";
import { attemptSignal, sleep } from "./attempt-signal.js";
import { connectionCode, provesNothingWasSent } from "./connection-error.js";
import { documentedMediaTypes, isJsonMediaType } from "./media-type.js";
import { parseWwwAuthenticate } from "../www-authenticate.js";
import { readBodyCapped } from "./read-body.js";
import {
  backoffMs,
  isRetryableStatus,
  resolveRetryOptions,
  retryAfterMs,
  type RetryOptions,
} from "./retry-policy.js";

export interface TransportOptions {
  /** The fetch to send with. Read at call time, so a fetch patched after client creation is used. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retry?: RetryOptions | false | undefined;
  /** Per attempt, covering headers and body. Default 30 s. */
  timeoutMs?: number | undefined;
  /** Largest response body read. Default 1 MiB. */
  maxResponseBytes?: number | undefined;
  /** Credential values to mask if a response echoes them. */
  secrets?: (() => readonly string[]) | undefined;
  /** For tests: the clock and the jitter source. */
  now?: () => number;
  random?: () => number;
}

const MAX_REDIRECTS = 5;
const RETRY_WAIT_ABORTED = "request aborted by the caller while waiting to retry";

/**
 * The fetch that openapi-fetch calls, beneath its middleware. It owns everything that needs the request
 * more than once or the response before openapi-fetch parses it:
 *
 * 1. The body is copied before the first send, so a retry or a 401 replay sends the same bytes.
 *    Stream bodies are sent once and never replayed.
 * 2. Each attempt has its own timeout (headers and body), merged with the caller's signal; a caller abort
 *    is an AbortError and is never retried; timers are always cleared.
 * 3. Retries: 408/429/5xx, timeouts and connection errors for retry-safe operations; for the others
 *    (a code exchange, a rotating refresh, an order) only failures that prove nothing was sent.
 *    Full-jitter backoff, Retry-After honoured up to a cap, one optional deadline across all attempts.
 * 4. A 401 on a request whose bearer came from a token source is replayed once with a fresh token,
 *    unless the challenge names another error than `invalid_token`.
 * 5. Redirects are followed by hand: never to another origin with credentials, never https -> http.
 * 6. The body is read under a size cap; a 2xx that should be JSON but is empty, HTML or broken JSON
 *    becomes an InvalidResponseError with a short sanitised snippet instead of a SyntaxError.
 */
export function createTransport(options: TransportOptions = {}): (request: Request) => Promise<Response> {
  const retry = options.retry === false ? resolveRetryOptions({ maxRetries: 0 }) : resolveRetryOptions(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  // Read at call time, so a clock faked or replaced after the client was created is still honoured.
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const secrets = options.secrets ?? (() => []);

  return async function transport(request: Request): Promise<Response> {
    const context = contextOf(request);
    // The credential middleware defers "no credentials for this operation" so a per-request
    // useCredentials() override can still supply them; if nothing did, fail before anything is sent.
    if (context.missingCredentials) throw context.missingCredentials;
    const operation = context.operation;
    const retrySafe = operation?.retrySafe ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].includes(request.method);
    const isStream = request.body !== null && streamBodies.has(request.body);
    const body = request.body === null || isStream ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    // Credentials may also arrive through client `headers` or a middleware that replaced the Request
    // (and so lost its context): any credential-bearing header pins redirects to the same origin.
    const credentialed = context.credentialed === true || [...SECRET_HEADERS].some((name) => headers.has(name));
    const caller = request.signal;
    const deadline = retry.deadlineMs === undefined ? Infinity : now() + retry.deadlineMs;
    const shownUrl = safeUrl(request.url, operation?.path);
    const describe = () => ({ method: request.method, url: shownUrl, attempts, requestId: undefined });
    // Everything secret this exchange sent (every attempt's headers, the body's secret fields), so a
    // server that echoes it back, even in free text, has it masked in any snippet we show.
    const sent = new Set<string>(pathParameterValues(request.url, operation?.path));
    const known = () => [...secrets(), ...sent];

    let url = request.url;
    let method = request.method;
    let sendBody: Uint8Array<ArrayBuffer> | undefined = body;
    let attempts = 0;
    let retries = 0;
    let redirects = 0;
    let replayed401 = false;

    for (;;) {
      const remaining = deadline - now();
      if (remaining <= 0) throw new TimeoutError(`deadline of ${retry.deadlineMs} ms passed`, describe());
      attempts++;
      for (const secret of requestSecrets(url, headers, sendBody)) sent.add(secret);
      const attempt = attemptSignal(caller, Math.min(timeoutMs, remaining));
      let response: Response;
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        const send = isStream
          ? new Request(request, { signal: attempt.signal, redirect: "manual" })
          : new Request(url, { method, headers, body: sendBody, signal: attempt.signal, redirect: "manual" });
        const fetchImpl = options.fetch ?? globalThis.fetch;
        response = await fetchImpl(send);
        if (isRedirect(response)) {
          const next = redirectTarget(response, url, credentialed, describe);
          await response.body?.cancel().catch(() => {});
          if (++redirects > MAX_REDIRECTS) {
            throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`, { ...describe(), status: response.status });
          }
          if (isStream) throw new RedirectError("cannot follow a redirect with a stream body", { ...describe(), status: response.status });
          url = next;
          // 303, and 301/302 after a POST, turn into a GET without a body (as fetch itself does).
          if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
            method = "GET";
            sendBody = undefined;
            headers.delete("content-type");
          }
          attempts--;
          continue;
        }
        bytes = await readBodyCapped(response, maxBytes, attempt.signal);
      } catch (error) {
        const failure = classify(error, caller, attempt.timedOut(), describe, retrySafe && !isStream);
        const replayable = !isStream && (retrySafe || (failure instanceof ConnectionError && provesNothingWasSent(failure.code)));
        if (failure.kind === "timeout" || failure.kind === "connection") {
          if (replayable && retries < retry.maxRetries) {
            const delay = backoffMs(retries, retry, random);
            if (now() + delay < deadline) {
              retries++;
              await sleep(delay, caller, { abortMessage: RETRY_WAIT_ABORTED, context: describe });
              continue;
            }
          }
        }
        throw failure;
      } finally {
        attempt.dispose();
      }

      const status = response.status;
      // 401 with a refreshable bearer: one replay with a fresh token, shared by every waiter.
      if (status === 401 && context.bearer && !replayed401 && !isStream && challengeAllowsRefresh(response.headers)) {
        replayed401 = true;
        context.bearer.source.invalidate(context.bearer.token);
        const token = await context.bearer.source.getToken({ signal: caller });
        context.bearer = { source: context.bearer.source, token };
        headers.set("authorization", `Bearer ${token}`);
        continue;
      }

      if (isRetryableStatus(status) && retrySafe && !isStream && retries < retry.maxRetries) {
        const hinted = retryAfterMs(response.headers, now());
        const delay = hinted ?? backoffMs(retries, retry, random);
        // The cap is for what the server asks; our own backoff is already bounded by maxDelayMs.
        if ((hinted === undefined || hinted <= retry.maxRetryAfterMs) && now() + delay < deadline) {
          retries++;
          await sleep(delay, caller, { abortMessage: RETRY_WAIT_ABORTED, context: describe });
          continue;
        }
      }

      checkJson(response, bytes, operation?.responses, describe, known());
      const result = new Response(status === 204 || status === 205 || status === 304 || bytes.length === 0 ? null : bytes, {
        status,
        statusText: response.statusText,
        headers: response.headers,
      });
      responseInfo.set(result, { method: request.method, url: shownUrl, attempts, secrets: known() });
      return result;
    }
  };
}

function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

function redirectTarget(
  response: Response,
  from: string,
  credentialed: boolean,
  describe: () => Record<string, unknown>,
): string {
  const location = response.headers.get("location");
  if (response.type === "opaqueredirect" || !location) {
    throw new RedirectError("the server redirected and the target cannot be checked; redirects are not followed", {
      ...describe(),
      status: response.status,
    });
  }
  const source = new URL(from);
  const target = new URL(location, source);
  if (source.protocol === "https:" && target.protocol !== "https:") {
    throw new RedirectError(`refused a redirect from https to ${target.protocol}`, { ...describe(), status: response.status });
  }
  if (credentialed && target.origin !== source.origin) {
    throw new RedirectError(
      `refused a redirect to another origin (${target.origin}): the request carries credentials that would be forwarded`,
      { ...describe(), status: response.status },
    );
  }
  return target.href;
}

/** RFC 6750 §3.1: refresh only for `invalid_token` or a challenge with no error (expired or missing). */
function challengeAllowsRefresh(headers: Headers): boolean {
  const header = headers.get("www-authenticate");
  if (!header) return true;
  const challenges = parseWwwAuthenticate(header);
  // An unparseable header tells us nothing either way: treat it as absent, as for no challenge.
  const bearerChallenge = challenges.find((c) => c.scheme.toLowerCase() === "bearer") ?? challenges[0];
  const error = bearerChallenge?.params.error;
  return error === undefined || error.toLowerCase() === "invalid_token";
}

// Said when a request that is not safe to repeat (a code exchange, a rotating refresh, an order) may
// have reached the server: it was not retried, and only the server knows whether it took effect.
const OUTCOME_UNKNOWN = "; not retried because the operation is not safe to repeat: the server may have processed it, so the outcome is unknown (for a single-use code or refresh token, restart the flow)";

function classify(
  error: unknown,
  caller: AbortSignal,
  timedOut: boolean,
  describe: () => { method: string; url: string; attempts: number },
  retrySafe: boolean,
): OAuthKitError {
  if (caller.aborted) return new AbortError("request aborted by the caller", { ...describe(), cause: error });
  if (timedOut) {
    return new TimeoutError(`${describe().method} ${describe().url} timed out${retrySafe ? "" : OUTCOME_UNKNOWN}`, {
      ...describe(),
      cause: error,
    });
  }
  if (error instanceof OAuthKitError) return error;
  const code = connectionCode(error);
  const what = code ? ` (${code})` : "";
  const unknown = retrySafe || provesNothingWasSent(code) ? "" : OUTCOME_UNKNOWN;
  // A body cut off mid-stream surfaces as TypeError("terminated"): a transport failure, not bad JSON.
  return new ConnectionError(`${describe().method} ${describe().url} failed: no complete response${what}${unknown}`, {
    ...describe(),
    code,
    cause: error,
  });
}

function checkJson(
  response: Response,
  bytes: Uint8Array,
  responses: Readonly<Record<string, readonly string[]>> | undefined,
  describe: () => { method: string; url: string; attempts: number },
  secrets: readonly string[],
): void {
  if (response.status < 200 || response.status >= 300) return;
  if (response.status === 204 || response.status === 205) {
    // No content is fine where the spec documents this status; where it documents only JSON
    // successes, `data` would be undefined behind a type that promises an object.
    const status = String(response.status);
    if (!responses || responses[status] !== undefined || responses["2XX"] !== undefined) return;
    const jsonSuccess = Object.entries(responses).some(([code, types]) => /^2\d\d$/.test(code) && types.some(isJsonMediaType));
    if (jsonSuccess) {
      throw new InvalidResponseError(`empty response (HTTP ${status}) where JSON was expected`, { ...describe(), status: response.status });
    }
    return;
  }
  const documented = documentedMediaTypes(responses, response.status);
  const contentType = response.headers.get("content-type");
  // A status the spec does not document is read as JSON by openapi-fetch (its default parseAs), so a
  // non-empty body there must be JSON too, or the caller would get a bare SyntaxError.
  const expectJson = documented ? documented.some(isJsonMediaType) : bytes.length > 0;
  if (!expectJson) return;
  const context = { ...describe(), status: response.status };
  if (bytes.length === 0) throw new InvalidResponseError("empty response where JSON was expected", context);
  const text = new TextDecoder().decode(bytes);
  if (contentType && !isJsonMediaType(contentType)) {
    throw new InvalidResponseError(`response is not JSON (content-type ${snippet(contentType)})`, {
      ...context,
      snippet: snippet(text, secrets),
    });
  }
  try {
    JSON.parse(text);
  } catch {
    throw new InvalidResponseError("response is not valid JSON (malformed or truncated)", { ...context, snippet: snippet(text, secrets) });
  }
}
