import { ConfigError } from "../errors.js";

/**
 * What the client must remember between redirecting the user and handling the callback. Keyed by
 * `state`, it binds the callback to the request that started it: which provider (mix-up defence,
 * RFC 9700 §4.4), the exact redirect URI (reused byte-for-byte in the token request) and the PKCE
 * verifier (which never leaves the client until then).
 */
export interface PendingAuthorization {
  provider: string;
  redirectUri: string;
  codeVerifier?: string | undefined;
  /** Expected `iss` of the callback (RFC 9207), when the provider sends one. */
  issuer?: string | undefined;
  /** Epoch milliseconds when the request was started. */
  createdAt: number;
}

/**
 * Where pending requests live: memory for a single process, a session or a shared cache otherwise.
 * `take` must be one-time (return and delete atomically) so a replayed or double-submitted callback
 * finds nothing the second time (RFC 9700 §4.2.4: invalidate state after first use).
 */
export interface PendingAuthorizationStore {
  save(state: string, pending: PendingAuthorization): Promise<void> | void;
  take(state: string): Promise<PendingAuthorization | undefined> | PendingAuthorization | undefined;
  /**
   * Optional: whether `state` was saved here and has since been taken or has expired. It lets a callback
   * whose state `take` does not find be reported as `state_replayed` (ours, used or expired) rather than
   * `state_mismatch` (never issued: a forged or foreign callback). A store without it gets
   * `state_mismatch` for every unknown state: without a record of what was issued, calling a state
   * "replayed" would claim a replay that may never have happened, and would hide a forged callback.
   * Keep the record bounded (in time and size); forgetting a state only turns `state_replayed` into
   * `state_mismatch`, and both refuse the callback.
   */
  wasIssued?(state: string): Promise<boolean> | boolean;
}

export interface MemoryPendingStoreOptions {
  /** How long an unfinished request stays valid; default 10 minutes (the RFC 6749 §4.1.2 code lifetime). */
  maxAgeMs?: number | undefined;
  /** Cap on unfinished requests, so abandoned logins cannot grow memory without bound; default 1000. */
  maxEntries?: number | undefined;
  /**
   * How long a taken or expired state is remembered, so its callback is reported as `state_replayed`
   * rather than `state_mismatch`; default `maxAgeMs`. At most `maxEntries` are remembered.
   */
  rememberSpentMs?: number | undefined;
  /** Clock in epoch milliseconds; default `Date.now`. Injected by tests. */
  now?: (() => number) | undefined;
}

const TEN_MINUTES_MS = 10 * 60 * 1000;

/**
 * In-process store for one server or one browser tab. Entries expire after `maxAgeMs` and, when the
 * cap is reached, the oldest entry is dropped. Taken, expired and dropped states are remembered for
 * `rememberSpentMs` (at most `maxEntries` of them), for `wasIssued`. Not shared between processes.
 */
export class MemoryPendingStore implements PendingAuthorizationStore {
  readonly #entries = new Map<string, { pending: PendingAuthorization; savedAt: number }>();
  /** Spent states and when they were spent, oldest first (Map keeps insertion order). */
  readonly #spent = new Map<string, number>();
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #rememberSpentMs: number;
  readonly #now: () => number;

  constructor(options: MemoryPendingStoreOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? TEN_MINUTES_MS;
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#rememberSpentMs = options.rememberSpentMs ?? this.#maxAgeMs;
    // Looked up on each call, so fake timers installed after construction still apply.
    this.#now = options.now ?? (() => Date.now());
    if (!(this.#maxAgeMs > 0)) throw new ConfigError("MemoryPendingStore maxAgeMs must be positive");
    if (!(this.#rememberSpentMs >= 0)) throw new ConfigError("MemoryPendingStore rememberSpentMs must be >= 0");
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) {
      throw new ConfigError("MemoryPendingStore maxEntries must be a positive integer");
    }
  }

  /** @throws {ConfigError} if `state` is empty or already pending (a state must never be reused). */
  save(state: string, pending: PendingAuthorization): void {
    if (typeof state !== "string" || state === "") throw new ConfigError("state must be a non-empty string");
    this.#prune();
    if (this.#entries.has(state)) throw new ConfigError("state is already pending; generate a new one per request");
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#spend(oldest.value);
    }
    this.#spent.delete(state);
    // A frozen copy, so later changes to the caller's object cannot alter what the callback checks.
    this.#entries.set(state, { pending: Object.freeze({ ...pending }), savedAt: this.#now() });
  }

  /** The pending request for `state`, removed in the same step; `undefined` if unknown, used or expired. */
  take(state: string): PendingAuthorization | undefined {
    const entry = this.#entries.get(state);
    if (entry === undefined) return undefined;
    this.#spend(state);
    return this.#isExpired(entry.savedAt) ? undefined : entry.pending;
  }

  /** True if `state` was saved here and has been taken, has expired or was dropped, within `rememberSpentMs`. */
  wasIssued(state: string): boolean {
    this.#prune();
    return this.#spent.has(state);
  }

  /** Number of unexpired pending requests. */
  get size(): number {
    this.#prune();
    return this.#entries.size;
  }

  #isExpired(savedAt: number): boolean {
    return this.#now() - savedAt >= this.#maxAgeMs;
  }

  /** Moves `state` from the pending entries to the bounded record of spent states. */
  #spend(state: string): void {
    this.#entries.delete(state);
    this.#spent.delete(state);
    this.#spent.set(state, this.#now());
    while (this.#spent.size > this.#maxEntries) {
      const oldest = this.#spent.keys().next();
      if (oldest.done) break;
      this.#spent.delete(oldest.value);
    }
  }

  #prune(): void {
    for (const [state, entry] of this.#entries) {
      if (this.#isExpired(entry.savedAt)) this.#spend(state);
    }
    const now = this.#now();
    for (const [state, spentAt] of this.#spent) {
      if (now - spentAt < this.#rememberSpentMs) break; // oldest first: the rest are younger
      this.#spent.delete(state);
    }
  }
}
