import { AbortError, type ErrorContext, TimeoutError } from "../errors.js";
import type { Attempt } from "../request-context.js";

/**
 * One AbortSignal per attempt that fires on the caller's abort or after `timeoutMs`, built on
 * setTimeout + AbortController rather than AbortSignal.timeout so fake timers can drive it in tests.
 * With `armNow: false` the timer starts only at `start()`: the client creates the first attempt's signal
 * before openapi-fetch builds the Request, and the transport starts it when it sends (after signing, which
 * may wait for a person or a remote signer). `dispose()` clears the timer and the listener; call it
 * whatever happens.
 *
 * A class, and its own listener on the caller's signal (`handleEvent`), because one is made per call:
 * no closures to allocate on the success path.
 */
class AttemptSignal implements Attempt {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  #disposed = false;
  #pending: ((reason: unknown) => void) | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, armNow: boolean) {
    this.#caller = caller;
    this.#timeoutMs = timeoutMs;
    if (caller) {
      caller.addEventListener("abort", this, { once: true });
      if (caller.aborted) this.#abort(caller.reason);
    }
    if (armNow) this.start();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  /** The caller's signal aborted (EventListener interface). */
  handleEvent(): void {
    this.#abort(this.#caller?.reason);
  }

  start(): void {
    if (this.#timer !== undefined || this.#disposed || !Number.isFinite(this.#timeoutMs)) return;
    this.#timer = afterTimeout(this.#timeoutMs, (reason) => {
      this.#timedOut = true;
      this.#abort(reason);
    });
  }

  /**
   * `promise`, or a rejection with the abort reason as soon as the attempt aborts: a custom fetch may not
   * error its body when the signal aborts, and the wait must end either way. One wait at a time.
   */
  guard<T>(promise: Promise<T>): Promise<T> {
    const signal = this.#controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      this.#pending = reject;
      promise.then(resolve, reject);
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#pending = undefined;
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this);
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.#pending?.(reason);
  }
}

/**
 * Calls `onTimeout` with the attempt's TimeoutError once `timeoutMs` have passed; the timer to clear. The
 * timer is unref'd: a pending timer must not keep a Node process alive by itself (an in-flight request
 * keeps its socket).
 */
export function afterTimeout(timeoutMs: number, onTimeout: (reason: TimeoutError) => void): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => onTimeout(new TimeoutError(`timed out after ${timeoutMs} ms`)), Math.max(0, timeoutMs));
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number, armNow = true): Attempt {
  return new AttemptSignal(caller, timeoutMs, armNow);
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
