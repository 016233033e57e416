import { AbortError } from "@oauth-kit/auth";

/**
 * Waits `ms`, or rejects with AbortError as soon as `signal` fires. Built on setTimeout so fake timers drive
 * it in tests. (@oauth-kit/auth has the same helper for its transport but does not export it.)
 */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError("aborted by the caller while waiting out a penalty ticket"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("aborted by the caller while waiting out a penalty ticket"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
