import type { OperationMetadata } from "./metadata.js";
import type { Stamper } from "./signing/stamper.js";

export interface GetTokenOptions {
  /** The caller's signal: stop waiting (not the shared refresh) when it aborts. */
  signal?: AbortSignal | undefined;
}

/** A bearer credential that can be refreshed: what the transport needs to replay once after a 401. */
export interface RefreshableToken {
  /**
   * The current access token, refreshing first when it is missing or about to expire. A caller whose
   * `signal` aborts while it waits for a refresh rejects at once with an AbortError; the refresh itself
   * goes on for the other waiters.
   */
  getToken(options?: GetTokenOptions): Promise<string>;
  /** The server rejected `token`; forget it unless a newer one has already replaced it. */
  invalidate(token: string): void;
}

/**
 * What the client's middleware learned about a request, for the transport beneath it. Keyed by the
 * Request object, which oauth-kit's middleware mutates in place and never replaces.
 */
export interface RequestContext {
  operation?: OperationMetadata | undefined;
  /** The request carries credentials: do not follow it to another origin. */
  credentialed?: boolean;
  /** Set when the Authorization header came from a refreshable token source. */
  bearer?: { source: RefreshableToken; token: string } | undefined;
  /**
   * The operation needs credentials the client does not hold. Deferred to the transport (which throws
   * it before sending) so a per-request useCredentials() override can still supply them.
   */
  missingCredentials?: Error | undefined;
  /**
   * Signature headers (Turnkey's X-Stamp) to compute over the exact bytes sent. The transport computes
   * them last, after every middleware, so a middleware that changes the body cannot leave a stale stamp.
   */
  stamps?: { scheme: string; header: string; stamper: Stamper }[] | undefined;
  // Set by the client before openapi-fetch builds the Request, so the transport can send that very
  // Request on the first attempt (see client.ts):
  /** The body exactly as serialized, to replay without copying the Request's body. */
  body?: string | undefined;
  /** The caller's own signal; the Request carries the first attempt's signal, which follows it. */
  caller?: AbortSignal | undefined;
  /** The first attempt's signal and timer. */
  attempt?: Attempt | undefined;
  /** openapi-fetch's parseAs for this call. */
  parseAs?: string | undefined;
}

/** One attempt's abort signal: the caller's abort or the attempt's timeout. */
export interface Attempt {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  /** Starts the timeout (when it was created unarmed). */
  start(): void;
  /** `promise`, or a rejection with the abort reason as soon as the attempt aborts. */
  guard<T>(promise: Promise<T>): Promise<T>;
  dispose(): void;
}

/**
 * The init key under which the client hands a call's context to openapi-fetch, which copies unknown
 * init keys onto the Request it builds (a string key: it enumerates them with for...in).
 */
export const CONTEXT_KEY = "oauthKitContext";

const contexts = new WeakMap<Request, RequestContext>();

/** The context oauth-kit recorded for this Request, if the Request is one it built or saw. */
export function knownContextOf(request: Request): RequestContext | undefined {
  return (request as unknown as Record<string, RequestContext | undefined>)[CONTEXT_KEY] ?? contexts.get(request);
}

export function contextOf(request: Request): RequestContext {
  let context = knownContextOf(request);
  if (!context) {
    context = {};
    contexts.set(request, context);
  }
  return context;
}

/** Stream bodies are sent once and never replayed; the body serializer registers them here. */
export const streamBodies = new WeakSet<ReadableStream>();

/** What the transport knew about the exchange that produced a response, for `unwrap()`'s errors. */
export interface ResponseInfo {
  readonly method: string;
  /** Origin and path template: computed when first read, which only an error does. */
  readonly url: string;
  readonly attempts: number;
  /** Everything secret the exchange sent: computed when first read, which only an error does. */
  readonly secrets: readonly string[];
}

// Kept on the Response as a function that returns the info, not the info itself: nothing that walks the
// Response (a browser console, util.inspect with customInspect off, Object.assign, JSON) reaches the
// request's headers and body through it, and it costs less than a WeakMap entry, once per call.
const INFO = Symbol("oauth-kit exchange");
type WithInfo = { [INFO]?: () => ResponseInfo };

export const responseInfo = {
  get(response: Response): ResponseInfo | undefined {
    return (response as WithInfo)[INFO]?.();
  },
  set(response: Response, info: ResponseInfo): void {
    (response as WithInfo)[INFO] = () => info;
  },
};
