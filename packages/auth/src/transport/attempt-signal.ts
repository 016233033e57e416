import { AbortError, type ErrorContext, TimeoutError } from "../errors.js";

/**
 * One AbortSignal per attempt that fires on the caller's abort or after `timeoutMs`, built on
 * setTimeout + AbortController rather than AbortSignal.timeout so fake timers can drive it in tests.
 * `dispose()` clears the timer and the listener; call it whatever happens.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  if (caller?.aborted) onAbort();
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort(new TimeoutError(`timed out after ${timeoutMs} ms`));
      }, Math.max(0, timeoutMs))
    : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
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
