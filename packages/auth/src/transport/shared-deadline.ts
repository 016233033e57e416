import { TimeoutError } from "../errors.js";
import type { Attempt } from "../request-context.js";

// At most this many attempts follow one signal before a fresh one is made: fetch adds an abort listener
// per request (removed only when that request is garbage-collected), and Node warns past 1,500.
const MAX_ATTEMPTS_PER_SIGNAL = 256;

/**
 * The first attempts of one transport, sent with the global fetch and without a caller signal, share an
 * AbortController: an AbortSignal per call costs as much as the rest of oauth-kit's work on a successful
 * call (issue #11). The timeouts stay each attempt's own:
 *
 * - the timer runs only while an attempt is in flight, and is cleared when the last one ends;
 * - an attempt joins a running timer only if it starts in the same millisecond (the resolution of
 *   setTimeout itself), so each times out `timeoutMs` after it was sent;
 * - any other attempt, while the timer runs, takes a new signal and timer (no attempt ever waits on a
 *   deadline that is not its own), as does every attempt once a signal has fired.
 *
 * Nothing else needs a signal of the attempt's own here: a caller signal, or a custom fetch (handed only a
 * Request that carries its signal), get attemptSignal(), as do retries, the 401 replay and redirects. The
 * millisecond is Date.now(), which fake timers move together with setTimeout.
 */
export class SharedDeadlines {
  #current: DeadlineSignal | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** An unarmed attempt: it joins a signal when it starts. */
  attempt(): Attempt {
    return new SharedDeadlineAttempt(this);
  }

  /** The signal an attempt starting now follows. */
  join(): DeadlineSignal {
    const now = Date.now();
    const current = this.#current;
    if (current !== undefined && current.accepts(now)) {
      current.join(now);
      return current;
    }
    const fresh = new DeadlineSignal(this.timeoutMs);
    fresh.join(now);
    this.#current = fresh;
    return fresh;
  }
}

class DeadlineSignal {
  readonly controller = new AbortController();
  fired = false;
  /** Guarded waits to end when the signal fires (see Attempt.guard). */
  readonly waiting = new Set<(reason: unknown) => void>();
  #joined = 0;
  #live = 0;
  #startedAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** Idle (its timer cleared), or armed in this very millisecond; never fired, and not yet full. */
  accepts(now: number): boolean {
    return !this.fired && this.#joined < MAX_ATTEMPTS_PER_SIGNAL && (this.#live === 0 || this.#startedAt === now);
  }

  join(now: number): void {
    this.#joined++;
    if (this.#live++ === 0) {
      this.#startedAt = now;
      this.#timer = setTimeout(() => this.#fire(), this.timeoutMs);
      // A pending timer must not keep a Node process alive by itself: an in-flight request keeps its socket.
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  leave(): void {
    if (--this.#live === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #fire(): void {
    this.fired = true;
    const reason = new TimeoutError(`timed out after ${this.timeoutMs} ms`);
    this.controller.abort(reason);
    for (const reject of this.waiting) reject(reason);
    this.waiting.clear();
  }
}

class SharedDeadlineAttempt implements Attempt {
  #signal: DeadlineSignal | undefined;
  #waiting: ((reason: unknown) => void) | undefined;
  #disposed = false;

  constructor(private readonly deadlines: SharedDeadlines) {}

  get signal(): AbortSignal {
    // Read once the attempt has started: the transport hands it to fetch when it sends.
    this.start();
    return this.#signal!.controller.signal;
  }

  timedOut(): boolean {
    return this.#signal?.fired === true;
  }

  start(): void {
    if (this.#signal === undefined && !this.#disposed) this.#signal = this.deadlines.join();
  }

  guard<T>(promise: Promise<T>): Promise<T> {
    const deadline = this.#signal!;
    if (deadline.fired) return Promise.reject(deadline.controller.signal.reason);
    return new Promise<T>((resolve, reject) => {
      this.#waiting = reject;
      deadline.waiting.add(reject);
      promise.then(resolve, reject);
    });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const deadline = this.#signal;
    if (deadline === undefined) return;
    if (this.#waiting !== undefined) deadline.waiting.delete(this.#waiting);
    deadline.leave();
  }
}
