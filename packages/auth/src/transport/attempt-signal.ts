import { AbortError, type ErrorContext, TimeoutError } from "../errors.js";
import type { Attempt } from "../request-context.js";

/**
 * One AbortSignal per attempt that fires on the caller's abort or after `timeoutMs`, built on
 * setTimeout + AbortController rather than AbortSignal.timeout so fake timers can drive it in tests.
 * With `armNow: false` the timer starts only at `start()`: the client creates the first attempt's signal
 * before openapi-fetch builds the Request, and the transport starts it when it sends (after signing, which
 * may wait for a person or a remote signer). `dispose()` clears the timer and the listener; call it
 * whatever happens.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number, armNow = true): Attempt {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  if (caller?.aborted) onAbort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const start = () => {
    if (timer !== undefined || disposed || !Number.isFinite(timeoutMs)) return;
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TimeoutError(`timed out after ${timeoutMs} ms`));
    }, Math.max(0, timeoutMs));
    // A pending timer must not keep a Node process alive by itself: an in-flight request keeps its socket.
    (timer as { unref?: () => void }).unref?.();
  };
  if (armNow) start();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    start,
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

export interface SleepOptions {
  /** The AbortError's message. Default: "aborted by the caller while waiting". */
  abortMessage?: string | undefined;
  /** The AbortError's context (method, URL, attempts...), read when the abort happens. */
  context?: (() => ErrorContext) | undefined;
}

/**
 * Waits `ms`, or rejects with {@link AbortError} as soon as `signal` aborts (at once if it already has).
 * Built on setTimeout, so fake timers drive it in tests; the timer and the listener are cleared either way.
 */
export function sleep(ms: number, signal: AbortSignal | undefined, options: SleepOptions = {}): Promise<void> {
  const { abortMessage = "aborted by the caller while waiting", context = () => ({}) } = options;
  return new Promise((resolve, reject) => {
    const aborted = () => new AbortError(abortMessage, context());
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
