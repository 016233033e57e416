import type { TokenSet } from "../oauth/token-response.js";

/**
 * A refresh failure remembered for the whole grant, so no process presents a refresh token the server
 * refused (`oauth`) or may already have rotated (`unknown`: the outcome of a refresh was never learned).
 * Only safe fields: an OAuth error code, never a description that could echo a secret.
 */
export type StoredFailure =
  | { kind: "oauth"; error: string; status?: number | undefined }
  | { kind: "unknown"; name: "TimeoutError" | "ConnectionError" | "LeaseHolderLost"; code?: string | undefined };

/** What a store holds for one grant. */
export interface TokenRecordData {
  tokens?: TokenSet | undefined;
  /** A remembered refresh failure: every process fails with it until new tokens are set. */
  failure?: StoredFailure | undefined;
  /**
   * A lease holder is presenting the refresh token and has not written the result yet. Seen by the next
   * holder, it means the previous one died mid-refresh: with rotating refresh tokens the old one may be
   * spent, so the grant is latched instead of presenting it again.
   */
  refreshing?: boolean | undefined;
}

/** The record and its version: 0 when the store holds nothing for the grant; each write adds one. */
export interface TokenRecord extends TokenRecordData {
  version: number;
}

/** A held refresh lease: whoever holds it may present the refresh token. */
export interface Lease {
  readonly key: string;
  /** A random value naming the holder, so a release never frees another holder's lease. */
  readonly owner: string;
}

export interface WaitOptions {
  /** Give up after this long (resolves; the caller re-reads). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Where a grant's tokens live and how refreshes are coordinated between every token source that uses the
 * same store and key: in one process (createMemoryTokenStore), on one host (the file store of
 * `@oauth-kit/auth/file-store`) or across hosts (`@oauth-kit/redis`). `key` names the grant (e.g. an
 * account id); stores persist it only as a hash. Every method rejects with a StoreError when the store
 * cannot do its part.
 */
export interface TokenStore {
  /** The current record; `{ version: 0 }` when there is none. */
  read(key: string): Promise<TokenRecord>;
  /** Replaces the record if its version is still `expectedVersion`; the new version, or undefined if it moved. */
  write(key: string, expectedVersion: number, data: TokenRecordData): Promise<number | undefined>;
  /** Takes the refresh lease for `ttlMs` (the store's clock), or undefined while someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<Lease | undefined>;
  /** Frees the lease if it is still this holder's. */
  release(lease: Lease): Promise<void>;
  /** Resolves when the version is no longer `version`, or after `timeoutMs`, whichever comes first. */
  waitForChange(key: string, version: number, options: WaitOptions): Promise<void>;
  /**
   * Calls `onChange` with each new version written by anyone, so a process drops a cached token that
   * another rotated. Returns the unsubscribe function. Optional: without it the cache lives until expiry
   * or a 401.
   */
  watch?(key: string, onChange: (version: number) => void): () => void;
}
