import { AbortError, ConfigError, ConnectionError, InvalidResponseError, OAuthKitError, RedirectError, TimeoutError, maskerFor } from "../errors.js";
import { SECRET_HEADERS, safeUrl, snippet } from "../redact.js";
import { type RequestContext, type ResponseInfo, knownContextOf, responseInfo, streamBodies } from "../request-context.js";
import { requestSecrets } from "../secrets/request-secrets.js";
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
  /** The context of a Request that oauth-kit's middleware did not see (a middleware replaced it). */
  recover?: ((request: Request) => RequestContext) | undefined;
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
 * 5. Redirects are followed by hand: never to another origin when the request carries a secret anywhere
 *    (a header, the query, the body), never https -> http, and never at all for an operation that is not
 *    safe to repeat (a token endpoint: RFC 9700 §4.12; its secrets travel in the body).
 * 6. Signature headers (X-Stamp) are computed here, last, over the exact bytes sent.
 * 7. The body is read under a size cap; a 2xx that should be JSON but is empty, HTML or broken JSON
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
    const context = knownContextOf(request) ?? options.recover?.(request) ?? {};
    // The credential middleware defers "no credentials for this operation" so a per-request
    // useCredentials() override can still supply them; if nothing did, fail before anything is sent.
    if (context.missingCredentials) throw context.missingCredentials;
    const operation = context.operation;
    const retrySafe = operation?.retrySafe ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].includes(request.method);
    const isStream = request.body !== null && streamBodies.has(request.body);
    const body = request.body === null || isStream ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    if (context.stamps) await applyStamps(context.stamps, headers, body);
    const caller = request.signal;
    const deadline = retry.deadlineMs === undefined ? Infinity : now() + retry.deadlineMs;
    // The headers of every attempt (a 401 replay sends another token): all of it is secret.
    const sentHeaders = [headers];
    // Everything secret this exchange sent, computed only when an error needs it, so a server that
    // echoes a secret back, in any encoding, has it masked wherever the error shows server text.
    let sentSecrets: string[] | undefined;
    const requestOnlySecrets = () =>
      (sentSecrets ??= requestSecrets({ url: request.url, headers: sentHeaders, body, pathTemplate: operation?.path }));
    // Memoised: an error's constructors share one masker per array (see maskerFor).
    let allSecrets: string[] | undefined;
    const known = () => (allSecrets ??= [...secrets(), ...requestOnlySecrets()]);
    const shownUrl = () => safeUrl(request.url, operation?.path);
    const describe = () => ({ method: request.method, url: shownUrl(), attempts, requestId: undefined, secrets: known() });
    // Credentials may also arrive through client `headers` or a middleware that replaced the Request:
    // any secret the request carries, wherever it sits, pins redirects to the same origin.
    const credentialed = () =>
      context.credentialed === true || [...SECRET_HEADERS].some((name) => headers.has(name)) || requestOnlySecrets().length > 0;

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
          const next = redirectTarget(response, url, retrySafe, credentialed, describe);
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
        sentHeaders.push(new Headers(headers));
        context.bearer.source.invalidate(context.bearer.token);
        const token = await context.bearer.source.getToken();
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

      checkJson(response, bytes, operation?.responses, describe);
      const result = new Response(status === 204 || status === 205 || status === 304 || bytes.length === 0 ? null : bytes, {
        status,
        statusText: response.statusText,
        headers: response.headers,
      });
      const finalAttempts = attempts;
      const info: ResponseInfo = {
        method: request.method,
        attempts: finalAttempts,
        get url() {
          return shownUrl();
        },
        get secrets() {
          return known();
        },
      };
      responseInfo.set(result, info);
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
  retrySafe: boolean,
  credentialed: () => boolean,
  describe: () => Record<string, unknown>,
): string {
  const context = () => ({ ...describe(), status: response.status });
  // A token request (a code exchange, a refresh, a password grant) carries its secrets in the body and
  // must not be sent anywhere else, whatever the target (RFC 9700 §4.12, as oauth4webapi does).
  if (!retrySafe) {
    throw new RedirectError("refused a redirect: this operation is not safe to repeat (a token endpoint), so it is never sent to another URL", context());
  }
  const location = response.headers.get("location");
  if (response.type === "opaqueredirect" || !location) {
    throw new RedirectError("the server redirected and the target cannot be checked; redirects are not followed", context());
  }
  const source = new URL(from);
  let target: URL;
  try {
    target = new URL(location, source);
  } catch {
    throw new RedirectError("the server redirected to an invalid URL", context());
  }
  if (source.protocol === "https:" && target.protocol !== "https:") {
    throw new RedirectError(`refused a redirect from https to ${snippet(target.protocol)}`, context());
  }
  if (target.origin !== source.origin && credentialed()) {
    throw new RedirectError(
      `refused a redirect to another origin (${snippet(target.origin)}): the request carries credentials that would be forwarded`,
      context(),
    );
  }
  return target.href;
}

/** Computes each signature header over the bytes that will be sent, after every middleware ran. */
async function applyStamps(stamps: NonNullable<RequestContext["stamps"]>, headers: Headers, body: Uint8Array | undefined) {
  const text = body === undefined ? "" : new TextDecoder().decode(body);
  for (const { scheme, header, stamper } of stamps) {
    const { headerName, headerValue } = await stamper.stamp(text);
    if (headerName.toLowerCase() !== header.toLowerCase()) {
      throw new ConfigError(`scheme ${scheme} is the ${header} header, but the stamper sets ${headerName}`);
    }
    headers.set(header, headerValue);
  }
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
  describe: () => { method: string; url: string; attempts: number; secrets: readonly string[] },
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
  describe: () => { method: string; url: string; attempts: number; secrets: readonly string[] },
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
  if (bytes.length === 0) throw new InvalidResponseError("empty response where JSON was expected", { ...describe(), status: response.status });
  const text = new TextDecoder().decode(bytes);
  const isJson = !contentType || isJsonMediaType(contentType);
  if (isJson) {
    try {
      JSON.parse(text);
      return;
    } catch {
      // reported below, with what the request sent masked
    }
  }
  const context = { ...describe(), status: response.status };
  const mask = maskerFor(context.secrets);
  throw new InvalidResponseError(
    isJson ? "response is not valid JSON (malformed or truncated)" : `response is not JSON (content-type ${snippet(contentType, mask)})`,
    { ...context, snippet: snippet(text, mask) },
  );
}
