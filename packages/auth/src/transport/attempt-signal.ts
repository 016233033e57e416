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

/** Waits `ms`, or rejects with AbortError as soon as the caller aborts. */
export function sleep(ms: number, caller: AbortSignal | undefined, context: () => ErrorContext = () => ({})): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new AbortError("request aborted by the caller while waiting to retry", context());
    if (caller?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      caller?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    caller?.addEventListener("abort", onAbort, { once: true });
  });
}
