import type { Attempt } from "../request-context.js";
import { afterTimeout } from "./attempt-signal.js";

// At most this many attempts follow one signal before a fresh one is made: fetch adds an abort listener
// per request, removed only when that request is garbage-collected, and Node's fetch lists a signal's
// listeners on every request that follows it (so 256 cost more than the AbortController they save).
const MAX_ATTEMPTS_PER_SIGNAL = 32;

/**
 * The first attempts of one transport, sent with the global fetch and without a caller signal, share an
 * AbortController: an AbortSignal per call costs as much as the rest of oauth-kit's work on a successful
 * call (issue #11). The timeouts stay each attempt's own:
 *
 * - the timer runs only while an attempt is in flight, and is cleared when the last one ends;
 * - an attempt joins a running timer only if it starts in the same millisecond, so each times out
 *   `timeoutMs` after it was sent, at most a fraction of a millisecond early (setTimeout's own resolution);
 * - any other attempt, while the timer runs, takes a new signal and timer (no attempt ever waits on a
 *   deadline that is not its own), as does every attempt once a signal has fired or has had 32 followers.
 *
 * Nothing else needs a signal of the attempt's own here: a caller signal, or a custom fetch (handed only a
 * Request that carries its signal), get attemptSignal(), as do retries, the 401 replay and redirects. The
 * millisecond is Date.now(), which fake timers move together with setTimeout.
 */
export function sharedDeadlines(timeoutMs: number): () => Attempt {
  let current: DeadlineSignal | undefined;
  const join = (): DeadlineSignal => {
    const now = Date.now();
    if (!current?.accepts(now)) current = new DeadlineSignal(timeoutMs);
    current.join(now);
    return current;
  };
  // An unarmed attempt: it joins a signal when it starts.
  return () => new SharedDeadlineAttempt(join);
}

class DeadlineSignal {
  readonly #controller = new AbortController();
  /** Guarded waits to end when the signal fires (see Attempt.guard). */
  readonly #waiting = new Set<(reason: unknown) => void>();
  #joined = 0;
  #live = 0;
  #startedAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly timeoutMs: number) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Idle (its timer cleared), or armed in this very millisecond; never fired, and not yet full. */
  accepts(now: number): boolean {
    return !this.signal.aborted && this.#joined < MAX_ATTEMPTS_PER_SIGNAL && (this.#live === 0 || this.#startedAt === now);
  }

  join(now: number): void {
    this.#joined++;
    if (this.#live++ === 0) {
      this.#startedAt = now;
      this.#timer = afterTimeout(this.timeoutMs, (reason) => {
        this.#controller.abort(reason);
        for (const reject of this.#waiting) reject(reason);
      });
    }
  }

  wait(reject: (reason: unknown) => void, previous: ((reason: unknown) => void) | undefined): void {
    if (previous) this.#waiting.delete(previous);
    this.#waiting.add(reject);
  }

  leave(waiting: ((reason: unknown) => void) | undefined): void {
    if (waiting) this.#waiting.delete(waiting);
    if (--this.#live === 0) clearTimeout(this.#timer);
  }
}

class SharedDeadlineAttempt implements Attempt {
  #deadline: DeadlineSignal | undefined;
  #waiting: ((reason: unknown) => void) | undefined;
  #disposed = false;

  constructor(private readonly join: () => DeadlineSignal) {}

  get signal(): AbortSignal {
    // Read once the attempt has started: the transport hands it to fetch when it sends.
    this.start();
    return this.#deadline!.signal;
  }

  /** The only abort of a shared signal is its timeout. */
  timedOut(): boolean {
    return this.#deadline?.signal.aborted === true;
  }

  start(): void {
    if (!this.#deadline && !this.#disposed) this.#deadline = this.join();
  }

  guard<T>(promise: Promise<T>): Promise<T> {
    const deadline = this.#deadline!;
    if (deadline.signal.aborted) return Promise.reject(deadline.signal.reason);
    return new Promise<T>((resolve, reject) => {
      // One wait at a time: the previous one (an earlier chunk of the body) has ended.
      deadline.wait(reject, this.#waiting);
      this.#waiting = reject;
      promise.then(resolve, reject);
    });
  }

  dispose(): void {
    if (!this.#disposed) {
      this.#disposed = true;
      this.#deadline?.leave(this.#waiting);
    }
  }
}
