import { ConfigError, ConnectionError, OAuthError, type OAuthKitError, StoreError, TimeoutError } from "../errors.js";
import type { TokenSet } from "../oauth/token-response.js";
import { needsRefresh, outcomeUnknown, untilAborted } from "../refresh-rules.js";
import type { TokenSource, TokenSourceOptions } from "../token-source.js";
import type { Lease, StoredFailure, TokenRecord, TokenRecordData, TokenStore } from "./token-store.js";

type StoreSourceOptions = TokenSourceOptions & { store: TokenStore };

/** How often a waiter re-reads when the store cannot wake it (no pub/sub, or a missed message). */
const POLL_MS = 250;

/**
 * createTokenSource() with a store: one refresh per grant wherever the grant is used (DESIGN.md).
 *
 * - A valid cached token is returned with no store round trip. A newer version announced by the store
 *   (`watch`) marks the cache stale, so the next call re-reads instead of using a rotated-away token.
 * - Otherwise the calls of this process share one sync: read; adopt a usable stored token; else take the
 *   lease, re-read (someone may have refreshed: adopt it), mark the record `refreshing`, refresh once,
 *   write with the version check, release. Without the lease the refresh token is never presented: the
 *   call waits for a new version, bounded by `waitTimeoutMs`, and each caller's signal ends its own wait.
 * - A refusal (OAuthError) and, with rotating refresh tokens, an unknown outcome are written to the record,
 *   so every process fails at once with them until setTokens(). A `refreshing` mark left by a holder that
 *   died mid-refresh is such an unknown outcome.
 * - The store failing gives a StoreError; nothing is refreshed without the lease.
 */
export function createStoreTokenSource(options: StoreSourceOptions): TokenSource {
  const { store } = options;
  if (typeof options.key !== "string" || options.key === "") throw new ConfigError("createTokenSource: a store needs a non-empty `key` naming the grant");
  const key = options.key;
  const now = options.now ?? (() => Date.now());
  const skewMs = options.skewMs ?? 60_000;
  const rotates = options.rotatesRefreshToken !== false;
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const waitTimeoutMs = options.waitTimeoutMs ?? leaseTtlMs + 10_000;

  // The last record this process read or wrote. `undefined` until the first read: a new process always
  // asks the store first, so it never presents an `initial` token another process already rotated.
  let cache: TokenRecord | undefined;
  // The newest tokens this process holds, even when the store lost them (a Redis restarted without
  // persistence, or a result whose write failed): what seeds an empty store. Starts as `initial`.
  let known: TokenSet | undefined = options.initial;
  // A newer version exists (the store said so): re-read before using the cache.
  let stale = false;
  // The highest version this process has seen: a store back at 0 after it lost the record.
  let highest = 0;
  // The access token a server rejected (a 401): not usable, whatever its expiry says.
  let rejected: string | undefined;
  let inFlight: Promise<TokenSet> | undefined;
  // setTokens()/clear() waiting to reach the store; the next call waits for them.
  let pendingWrite: Promise<void> | undefined;
  const receivedAt = new WeakMap<TokenSet, number>();
  let unwatch: (() => void) | undefined;

  const usable = (set: TokenSet | undefined): set is TokenSet =>
    set !== undefined && set.accessToken !== rejected && !needsRefresh(set, skewMs, now(), receivedAt.get(set));

  function startWatching(): void {
    if (unwatch || !store.watch) return;
    unwatch = store.watch(key, (version) => {
      if (cache === undefined || version > cache.version) stale = true;
    });
  }

  function adopt(record: TokenRecord): void {
    cache = record;
    stale = false;
    highest = Math.max(highest, record.version);
    if (record.version > 0) known = record.tokens;
  }

  // The store lost a record this process had seen (e.g. Redis restarted without persistence), and what
  // we hold cannot seed it: our refresh token may be one another process already rotated, so presenting
  // it could revoke the grant. Wait for a process holding usable tokens to seed the record instead.
  const lostRecord = (seen: TokenRecord, seed: TokenSet | undefined) => seen.version === 0 && highest > 0 && rotates && !usable(seed);

  async function write(expected: number, data: TokenRecordData): Promise<number> {
    const version = await store.write(key, expected, data);
    if (version === undefined) {
      throw new StoreError("conflict", "the token record changed while this process held the refresh lease (lease expired mid-refresh?)");
    }
    cache = { ...data, version };
    return version;
  }

  // The refresh result must reach the store: the refresh token it replaced is spent. If the store lost
  // the record meanwhile (restarted empty), it is seeded again; if it is down, `known` keeps the result
  // in this process to seed the store once it is back.
  async function writeResult(marked: number, tokens: TokenSet): Promise<void> {
    if ((await store.write(key, marked, { tokens })) !== undefined) {
      cache = { tokens, version: marked + 1 };
      return;
    }
    const { version } = await store.read(key);
    if (version === 0) {
      await write(0, { tokens });
      return;
    }
    throw new StoreError("conflict", "the token record changed while this process held the refresh lease (lease expired mid-refresh?)");
  }

  async function refreshAsHolder(record: TokenRecord): Promise<TokenSet> {
    if (record.failure) throw failureError(record.failure);
    if (record.refreshing && rotates) {
      // The previous holder died between presenting the refresh token and writing the result.
      const failure: StoredFailure = { kind: "unknown", name: "LeaseHolderLost" };
      await write(record.version, { tokens: record.tokens, failure });
      throw failureError(failure);
    }
    const previous = record.tokens;
    const marked = await write(record.version, { tokens: previous, refreshing: true });
    let fresh: TokenSet;
    try {
      fresh = await options.refresh(previous);
    } catch (error) {
      const failure = failureToRemember(error, rotates);
      await write(marked, failure ? { tokens: failure.kind === "oauth" ? undefined : previous, failure } : { tokens: previous }).catch(
        () => undefined,
      );
      throw error;
    }
    const merged: TokenSet =
      fresh.refreshToken === undefined && previous?.refreshToken !== undefined ? { ...fresh, refreshToken: previous.refreshToken } : fresh;
    receivedAt.set(merged, now());
    rejected = undefined;
    known = merged;
    await writeResult(marked, merged);
    await options.onTokens?.(merged);
    return merged;
  }

  async function sync(): Promise<TokenSet> {
    if (pendingWrite) await pendingWrite;
    startWatching();
    const deadline = now() + waitTimeoutMs;
    for (;;) {
      const seen = await store.read(key);
      adopt(seen);
      if (seen.failure) throw failureError(seen.failure);
      if (!seen.refreshing && usable(seen.tokens)) return seen.tokens;
      const seed = known;
      if (seen.version === 0 && usable(seed)) {
        // Nothing stored (a new grant, or a store that lost it): seed it with what we hold. Losing the
        // version check means someone else seeded first: read again.
        if ((await store.write(key, 0, { tokens: seed })) !== undefined) {
          cache = { tokens: seed, version: 1 };
          return seed;
        }
        continue;
      }
      const lease = lostRecord(seen, seed) ? undefined : await store.acquire(key, leaseTtlMs);
      if (lease) {
        try {
          const current = await store.read(key);
          adopt(current);
          if (current.failure) throw failureError(current.failure);
          if (!current.refreshing && usable(current.tokens)) return current.tokens;
          return await refreshAsHolder(current.version === 0 ? { ...current, tokens: seed } : current);
        } finally {
          await releaseQuietly(store, lease);
        }
      }
      const remaining = deadline - now();
      if (remaining <= 0 && lostRecord(seen, seed)) {
        throw new StoreError(
          "lost",
          "the store lost this grant's record (restarted without persistence?) and no process wrote it back; set the tokens again",
        );
      }
      if (remaining <= 0) {
        throw new StoreError("wait_timeout", `no token refresh by another process finished within ${waitTimeoutMs} ms`);
      }
      await store.waitForChange(key, seen.version, { timeoutMs: Math.min(POLL_MS, remaining) });
    }
  }

  function setRecord(tokens: TokenSet | undefined): void {
    rejected = undefined;
    known = tokens;
    const data: TokenRecordData = { tokens };
    cache = { ...data, version: cache?.version ?? 0 };
    stale = false;
    const previous = pendingWrite ?? Promise.resolve();
    const written: Promise<void> = previous.then(async () => {
      // Replaces whatever is stored, latched failures included: a version check that lost simply retries.
      for (let attempt = 0; attempt < 5; attempt++) {
        const { version } = await store.read(key);
        const next = await store.write(key, version, data);
        if (next !== undefined) {
          if (cache?.tokens === tokens) cache = { ...data, version: next };
          return;
        }
      }
      throw new StoreError("conflict", "setTokens() kept losing to other writers of the token record");
    });
    pendingWrite = written;
    written.then(
      () => {
        if (pendingWrite === written) pendingWrite = undefined;
      },
      () => {
        // The next getToken() reports the failure once (it awaits this write), then reads afresh.
        if (pendingWrite === written) {
          pendingWrite = undefined;
          cache = undefined;
        }
      },
    );
    // Reported through the next getToken(): keep an unobserved rejection from crashing the process.
    written.catch(() => undefined);
    pendingWrite = written;
  }

  return {
    async getToken(tokenOptions) {
      if (!stale && !pendingWrite && cache !== undefined && !cache.refreshing) {
        if (cache.failure) throw failureError(cache.failure);
        if (usable(cache.tokens)) return cache.tokens.accessToken;
      }
      if (!inFlight) {
        const flight = sync();
        inFlight = flight;
        flight
          .finally(() => {
            if (inFlight === flight) inFlight = undefined;
          })
          .catch(() => undefined);
      }
      return (await untilAborted(inFlight, tokenOptions?.signal)).accessToken;
    },
    invalidate(token) {
      if (cache?.tokens?.accessToken === token) rejected = token;
    },
    current: () => cache?.tokens,
    setTokens: (tokens) => setRecord(tokens),
    clear: () => setRecord(undefined),
  };
}

async function releaseQuietly(store: TokenStore, lease: Lease): Promise<void> {
  // A release that fails leaves the lease to expire on its TTL: slower for the others, never unsafe.
  await store.release(lease).catch(() => undefined);
}

/** What to write to the record after a failed refresh, so the whole cluster stops presenting it. */
function failureToRemember(error: unknown, rotates: boolean): StoredFailure | undefined {
  if (error instanceof OAuthError) return { kind: "oauth", error: error.error, status: error.status };
  if (rotates && outcomeUnknown(error)) {
    return error instanceof TimeoutError
      ? { kind: "unknown", name: "TimeoutError" }
      : { kind: "unknown", name: "ConnectionError", code: (error as ConnectionError).code };
  }
  return undefined;
}

/** The error a remembered failure is reported as, in every process. */
function failureError(failure: StoredFailure): OAuthKitError {
  if (failure.kind === "oauth") {
    return new OAuthError({ error: failure.error, status: failure.status, errorDescription: "remembered from an earlier refresh of this grant; set new tokens" });
  }
  const message =
    failure.name === "LeaseHolderLost"
      ? "a process stopped while refreshing this grant; the rotating refresh token may be spent, so it is not presented again: set new tokens"
      : "an earlier refresh of this grant ended with an unknown outcome; the rotating refresh token may be spent, so it is not presented again: set new tokens";
  return failure.name === "ConnectionError" ? new ConnectionError(message, { code: failure.code }) : new TimeoutError(message);
}
