import { ConnectionError, RedirectError, TimeoutError } from "../errors.js";
import type { OperationMetadata } from "../metadata.js";
import { SECRET_HEADERS, safeUrl } from "../redact.js";
import { type Attempt, CONTEXT_KEY, type RequestContext, type ResponseInfo, knownContextOf, responseInfo, streamBodies } from "../request-context.js";
import { requestSecrets } from "../secrets/request-secrets.js";
import { attemptSignal, sleep } from "./attempt-signal.js";
import { challengeAllowsRefresh, classify, type Describe } from "./classify.js";
import { provesNothingWasSent } from "./connection-error.js";
import { NOT_PARSED, parseJsonSuccess } from "./json-check.js";
import { readBodyCapped } from "./read-body.js";
import { sharedDeadlines } from "./shared-deadline.js";
import { MAX_REDIRECTS, isRedirect, redirectTarget } from "./redirects.js";
import { applyStamps } from "./stamps.js";
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

const RETRY_WAIT_ABORTED = "request aborted by the caller while waiting to retry";

/**
 * The fetch that openapi-fetch calls, beneath its middleware. It owns everything that needs the request
 * more than once or the response before openapi-fetch parses it:
 *
 * 1. The first attempt sends the very Request openapi-fetch built (the client gave it this attempt's
 *    signal and `redirect: "manual"`), and a successful response goes back as it came, its body read
 *    and parsed once. A retry, a 401 replay or a redirect sends a new Request with the same bytes: the
 *    body string the client serialized, or a copy taken before the first send when a middleware
 *    replaced the Request. Stream bodies are sent once and never replayed.
 * 2. Each attempt has its own timeout (headers and body), merged with the caller's signal; a caller abort
 *    is an AbortError and is never retried; timers are always cleared. First attempts without a caller
 *    signal, sent with the global fetch, share an AbortController (shared-deadline.ts), not a deadline.
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
export interface Transport {
  (request: Request): Promise<Response>;
  /** The first attempt's signal, armed before openapi-fetch builds the Request (see client.ts). */
  firstAttempt(caller: AbortSignal | undefined): Attempt;
  /**
   * Whether the prepared Request must carry the first attempt's signal (a custom fetch, which is handed
   * only the Request); the global fetch is called as `fetch(request, { signal })` instead.
   */
  readonly signalInRequest: boolean;
}

export function createTransport(options: TransportOptions = {}): Transport {
  const retry = options.retry === false ? resolveRetryOptions({ maxRetries: 0 }) : resolveRetryOptions(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  // Read at call time, so a clock faked or replaced after the client was created is still honoured.
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const secrets = options.secrets ?? (() => []);
  const firstTimeoutMs = Math.min(timeoutMs, retry.deadlineMs ?? Infinity);
  // A custom fetch is handed only the Request, so the attempt's signal must travel in it.
  const signalInRequest = options.fetch !== undefined;
  // First attempts sent with the global fetch and no caller signal share a signal and a timer per
  // millisecond (see shared-deadline.ts); the others follow a signal of their own.
  const shared = !signalInRequest && Number.isFinite(firstTimeoutMs) ? sharedDeadlines(firstTimeoutMs) : undefined;

  // The Request the client prepared: a custom fetch finds the attempt's signal on it; the global fetch
  // (read at call time, so a fetch patched after client creation is used) is given it alongside.
  const sendPrepared = (request: Request, attempt: Attempt): Promise<Response> =>
    options.fetch ? options.fetch(request) : globalThis.fetch(request, { signal: attempt.signal });

  async function transport(request: Request): Promise<Response> {
    const context = knownContextOf(request) ?? options.recover?.(request) ?? {};
    // The credential middleware defers "no credentials for this operation" so a per-request
    // useCredentials() override can still supply them; if nothing did, fail before anything is sent.
    if (context.missingCredentials) throw context.missingCredentials;
    const isStream = request.body !== null && streamBodies.has(request.body);
    // The Request is sent as it is when the client prepared it and knows its body's bytes; otherwise
    // (a middleware replaced it) the body is copied first, and each attempt is a new Request.
    const prepared =
      (request as unknown as Record<string, unknown>)[CONTEXT_KEY] === context &&
      context.attempt !== undefined &&
      (request.body === null || isStream || context.body !== undefined);
    // Not sending the Request the client prepared: its first attempt's timer is not needed.
    if (!prepared) context.attempt?.dispose();
    const body: string | Uint8Array<ArrayBuffer> | undefined =
      request.body === null || isStream ? undefined : prepared ? context.body : new Uint8Array(await request.arrayBuffer());
    let headers = request.headers;
    if (context.stamps) {
      if (!prepared) headers = new Headers(headers);
      await applyStamps(context.stamps, headers, typeof body === "string" ? body : body === undefined ? "" : new TextDecoder().decode(body));
    }
    // openapi-fetch reads the body as text or JSON unless the call asked for a blob, a stream...
    const asText = !prepared || context.parseAs === undefined || context.parseAs === "json" || context.parseAs === "text";
    const sent: Sent = { request, context, body, headers, prepared, isStream, asText, startedAt: now() };
    if (!prepared) return exchange(sent);

    // The prepared Request goes out as it is, once. The success path: a 2xx that openapi-fetch reads as
    // text or JSON comes back as it came, its body read and parsed once. Anything else (a redirect, an
    // error status, a failure, a stream) continues in exchange(), which owns retries, replays, redirects
    // and errors, from this first outcome.
    const attempt = context.attempt!;
    let response: Response | undefined;
    let text = "";
    let handOver: { response?: Response; error?: unknown } | undefined;
    try {
      // The prepared attempt's timeout starts now, when it is sent, as every other attempt's does.
      attempt.start();
      response = await sendPrepared(request, attempt);
      // Not a plain success: exchange() reads it (under this attempt's timeout) and decides what follows.
      if (response.status < 200 || response.status >= 300 || isStream || !asText) handOver = { response };
      else text = await readText(response, maxBytes, attempt);
    } catch (error) {
      // A failed send or body read: classified, and retried where that is safe, by exchange().
      handOver = { error };
    }
    if (handOver) return exchange(sent, handOver);
    attempt.dispose();
    const info = new ExchangeInfo(request, context.operation, [headers], body, secrets, 1);
    const parsed = parseJsonSuccess(response!, text, context.operation?.responses, info.describe);
    return handBack(response!, text, parsed, info);
  }

  /**
   * Everything but the plain success: retries, the 401 replay, redirects and every error. Starts with
   * the first attempt's outcome when the client prepared the Request (transport() sent it); otherwise
   * every attempt, the first included, is a new Request.
   */
  async function exchange(sent: Sent, firstOutcome?: { response?: Response; error?: unknown }): Promise<Response> {
    const { request, context, body, prepared, isStream, asText } = sent;
    let { headers } = sent;
    const operation = context.operation;
    const retrySafe = operation?.retrySafe ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].includes(request.method);
    // The caller's own signal (the prepared Request carries the attempt's, which follows it).
    const caller = prepared ? context.caller : request.signal;
    const deadline = retry.deadlineMs === undefined ? Infinity : sent.startedAt + retry.deadlineMs;
    // The headers of every attempt (a 401 replay sends another token): all of it is secret.
    const sentHeaders = [headers];
    // What an error shows of this exchange: URL and secrets worked out only when an error needs them,
    // so a server that echoes a secret back, in any encoding, has it masked wherever it shows.
    const info = new ExchangeInfo(request, operation, sentHeaders, body, secrets, 0);
    const { describe } = info;
    let sentSecrets: string[] | undefined;
    const requestOnlySecrets = () =>
      (sentSecrets ??= requestSecrets({ url: request.url, headers: sentHeaders, body, pathTemplate: operation?.path }));
    // Credentials may also arrive through client `headers` or a middleware that replaced the Request:
    // any secret the request carries, wherever it sits, pins redirects to the same origin.
    const credentialed = () =>
      context.credentialed === true || [...SECRET_HEADERS].some((name) => headers.has(name)) || requestOnlySecrets().length > 0;
    // Headers are shared with the Request until something must change them (copy on write).
    const editHeaders = () => {
      if (headers === sentHeaders[sentHeaders.length - 1]) {
        headers = new Headers(headers);
        sentHeaders.push(headers);
      }
      return headers;
    };

    let url = request.url;
    let method = request.method;
    let sendBody = body;
    let retries = 0;
    let redirects = 0;
    let replayed401 = false;
    let pending = firstOutcome;

    for (;;) {
      const remaining = deadline - now();
      // The first attempt's outcome, when transport() sent the prepared Request (before the deadline).
      const outcome = pending;
      pending = undefined;
      if (remaining <= 0 && !outcome) throw new TimeoutError(`deadline of ${retry.deadlineMs} ms passed`, describe());
      info.attempts++;
      const attempt = outcome ? context.attempt! : attemptSignal(caller, Math.min(timeoutMs, remaining));
      let response: Response;
      let text: string;
      let bytes: Uint8Array<ArrayBuffer> | undefined;
      try {
        if (outcome && "error" in outcome) throw outcome.error;
        if (outcome?.response) response = outcome.response;
        else {
          const send = isStream
            ? new Request(request, { signal: attempt.signal, redirect: "manual" })
            : new Request(url, { method, headers, body: sendBody, signal: attempt.signal, redirect: "manual" });
          response = await (options.fetch ?? globalThis.fetch)(send);
        }
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
            editHeaders().delete("content-type");
          }
          info.attempts--;
          continue;
        }
        if (asText) text = await readText(response, maxBytes, attempt);
        else {
          bytes = await readBodyCapped(response, maxBytes, attempt);
          text = new TextDecoder().decode(bytes);
        }
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
        editHeaders().set("authorization", `Bearer ${token}`);
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

      const parsed = parseJsonSuccess(response, text, operation?.responses, describe);
      if (prepared && asText) return handBack(response, text, parsed, info);
      const result = rewrap(response, bytes ?? text);
      responseInfo.set(result, info);
      return result;
    }
  }

  return Object.assign(transport, {
    firstAttempt: (caller: AbortSignal | undefined) =>
      shared !== undefined && caller === undefined ? shared() : attemptSignal(caller, firstTimeoutMs, false),
    signalInRequest,
  });
}

const NO_BODY = new Set([204, 205, 304]);

const decoder = new TextDecoder();

/**
 * The body as text, under the size cap, ending when the attempt aborts. A declared length under the cap
 * is read in one call; otherwise the stream is read chunk by chunk and cancelled at the cap.
 */
async function readText(response: Response, maxBytes: number, attempt: Attempt): Promise<string> {
  if (!response.body) return "";
  const declared = response.headers.get("content-length");
  // fetch errors the body when the attempt's signal aborts; a custom fetch may not, so the wait ends on
  // the attempt either way.
  if (declared !== null && Number(declared) <= maxBytes) return attempt.guard(response.text());
  return decoder.decode(await readBodyCapped(response, maxBytes, attempt));
}

/**
 * The response openapi-fetch parses, for its `parseAs: "json"` or `"text"`: the response that came back,
 * with `text()`/`json()` answering from what was already read and parsed here, so nothing is read or
 * parsed twice. Shared functions over the exchange's info, which holds the body out of reach of anything
 * that walks the Response (see responseInfo).
 */
function handBack(response: Response, text: string, parsed: unknown, info: ExchangeInfo): Response {
  info.read = { text, parsed };
  responseInfo.set(response, info);
  // Plain assignments (cheaper than defineProperty): they hold shared functions, no data.
  const handed = response as { text: () => Promise<string>; json: () => Promise<unknown> };
  handed.text = handedText;
  handed.json = handedJson;
  return response;
}

function readOf(response: Response): { text: string; parsed: unknown } {
  return (responseInfo.get(response) as ExchangeInfo).read!;
}

function handedText(this: Response): Promise<string> {
  return Promise.resolve(readOf(this).text);
}

function handedJson(this: Response): Promise<unknown> {
  const { text, parsed } = readOf(this);
  try {
    return Promise.resolve(parsed === NOT_PARSED ? JSON.parse(text) : parsed);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A new Response over the bytes already read: for other `parseAs` values and for replaced Requests. */
function rewrap(response: Response, body: string | Uint8Array<ArrayBuffer>): Response {
  return new Response(NO_BODY.has(response.status) || body.length === 0 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** What the transport knows of a call before its first attempt, shared by the success path and exchange(). */
interface Sent {
  request: Request;
  context: RequestContext;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  headers: Headers;
  prepared: boolean;
  isStream: boolean;
  asText: boolean;
  startedAt: number;
}

/**
 * What `unwrap()` and the token helpers learn of the exchange behind a response. The URL and the secrets
 * are worked out when first read, which only an error does: a success pays for this one object.
 */
class ExchangeInfo implements ResponseInfo {
  #url: string | undefined;
  #secrets: readonly string[] | undefined;
  /** The body of a 2xx handed back, as read and parsed (see handBack). */
  read: { text: string; parsed: unknown } | undefined;
  #describe: (() => ReturnType<Describe>) | undefined;

  constructor(
    private readonly request: Request,
    private readonly operation: OperationMetadata | undefined,
    private readonly headers: readonly Headers[],
    private readonly body: string | Uint8Array<ArrayBuffer> | undefined,
    private readonly clientSecrets: () => readonly string[],
    public attempts: number,
  ) {}

  get method(): string {
    return this.request.method;
  }

  get url(): string {
    return (this.#url ??= safeUrl(this.request.url, this.operation?.path));
  }

  get secrets(): readonly string[] {
    return (this.#secrets ??= [
      ...this.clientSecrets(),
      ...requestSecrets({ url: this.request.url, headers: this.headers, body: this.body, pathTemplate: this.operation?.path }),
    ]);
  }

  /** For the errors a success can still become (a 2xx that is not the JSON the spec promises). */
  get describe(): Describe {
    return (this.#describe ??= () => ({ method: this.method, url: this.url, attempts: this.attempts, requestId: undefined, secrets: this.secrets }));
  }
}
