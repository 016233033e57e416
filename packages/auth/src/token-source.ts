import { OAuthError, type OAuthKitError } from "./errors.js";
import type { TokenSet } from "./oauth/token-response.js";
import { needsRefresh, outcomeUnknown, untilAborted } from "./refresh-rules.js";
import type { GetTokenOptions, RefreshableToken } from "./request-context.js";
import { createStoreTokenSource } from "./store/store-token-source.js";
import type { TokenStore } from "./store/token-store.js";

export interface TokenSourceOptions {
  /**
   * Gets a new token set, given the current one (its refresh token, for a refresh grant). Called for
   * at most one refresh at a time. Parse the response with parseTokenResponse() so `expiresAt` is taken
   * from local receipt time.
   */
  refresh: (current: TokenSet | undefined) => Promise<TokenSet>;
  /** Tokens you already hold (restored from storage, or from a code exchange). */
  initial?: TokenSet | undefined;
  /**
   * Refresh this long before `expiresAt`. Default 60 s, capped at half the token's lifetime (its
   * `expiresIn`, or for a refresh result without one, the time from its receipt to `expiresAt`), so a short-lived token is still used for half
   * its life instead of being refreshed before every call.
   */
  skewMs?: number | undefined;
  /** Called with every new token set, to persist rotated tokens. Awaited before waiters resume. */
  onTokens?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  /**
   * Whether the provider rotates refresh tokens (RFC 9700 §4.14). Default true: a refresh whose outcome
   * is unknown (a timeout or a connection lost after sending) may have consumed the refresh token, and
   * presenting it again can revoke the whole grant, so the failure is remembered and every later call
   * fails with it until setTokens() (re-authenticate). With `false`, the next call simply tries again.
   */
  rotatesRefreshToken?: boolean | undefined;
  /**
   * Where the tokens live and how refreshes are coordinated between processes (see DESIGN.md, "One
   * refresh per grant"): a lease holder refreshes once and everyone else adopts its result. Without a
   * store, the tokens live in this source alone, as one process's single flight.
   */
  store?: TokenStore | undefined;
  /** With `store`: names the grant (an account or user id, never a token). Stored only as a hash. */
  key?: string | undefined;
  /** With `store`: how long a refresh lease lasts; must exceed the refresh call's own time limit. Default 30 s. */
  leaseTtlMs?: number | undefined;
  /** With `store`: the longest a call waits for another process's refresh before a StoreError. Default leaseTtlMs + 10 s. */
  waitTimeoutMs?: number | undefined;
  /** For tests: the clock. */
  now?: () => number;
}

export interface TokenSource extends RefreshableToken {
  /** The tokens held now, if any. */
  current(): TokenSet | undefined;
  /** Replace the tokens (after a new login) and clear a latched refresh failure. */
  setTokens(tokens: TokenSet): void;
  /** Forget everything; the next getToken() refreshes with no current tokens. */
  clear(): void;
}

/**
 * A bearer token that refreshes itself, following the rules in RELIABILITY.md §5.2:
 * - refresh before `expiresAt - skew`, the skew capped at half the token's lifetime; a token without
 *   `expiresAt` (or with `expiresIn: 0`, an unknown lifetime) is used until the server rejects it;
 * - a caller whose signal aborts while waiting for a refresh rejects at once with an AbortError, and the
 *   refresh goes on for the others;
 * - exactly one refresh in flight, shared by every waiter (they get the same result or the same error);
 * - a generation counter: setTokens(), clear() or invalidating a token the in-flight refresh is not
 *   replacing keeps that stale result out of the cache (and away from onTokens);
 * - a refresh response without a refresh token keeps the old one (RFC 6749 §6);
 * - a refresh rejected with an OAuth error (e.g. `invalid_grant`) clears the tokens and is remembered,
 *   so later calls fail at once instead of hammering the token endpoint, until setTokens();
 * - so is a refresh whose outcome is unknown, when refresh tokens rotate (see `rotatesRefreshToken`).
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  if (options.store) return createStoreTokenSource({ ...options, store: options.store });
  const now = options.now ?? (() => Date.now());
  const skewMs = options.skewMs ?? 60_000;
  const rotates = options.rotatesRefreshToken !== false;
  let tokens: TokenSet | undefined = options.initial;
  // The access token has been rejected or invalidated; the refresh token (if any) is still good.
  let accessRevoked = false;
  let inFlight: Promise<TokenSet> | undefined;
  // The access token the in-flight refresh is replacing.
  let inFlightReplaces: string | undefined;
  let generation = 0;
  let latched: OAuthKitError | undefined;

  // When each refresh result arrived, for the lifetime of a set that has an expiresAt but no expiresIn.
  // Not for `initial` or setTokens(): a restored token's age is unknown, so its remaining time is no lifetime.
  const receivedAt = new WeakMap<TokenSet, number>();
  const receive = (set: TokenSet): TokenSet => {
    receivedAt.set(set, now());
    return set;
  };

  const usable = (set: TokenSet | undefined): set is TokenSet =>
    set !== undefined && !accessRevoked && !needsRefresh(set, skewMs, now(), receivedAt.get(set));

  function refreshOnce(): Promise<TokenSet> {
    if (inFlight) return inFlight;
    const started = generation;
    const previous = tokens;
    const promise = (async () => {
      const fresh = await options.refresh(previous);
      const merged: TokenSet =
        fresh.refreshToken === undefined && previous?.refreshToken !== undefined
          ? { ...fresh, refreshToken: previous.refreshToken }
          : fresh;
      if (started === generation) {
        tokens = receive(merged);
        accessRevoked = false;
        await options.onTokens?.(merged);
      }
      return merged;
    })();
    inFlight = promise;
    inFlightReplaces = previous?.accessToken;
    promise.then(
      () => undefined,
      (error: unknown) => {
        if (started !== generation) return;
        if (error instanceof OAuthError) {
          latched = error;
          tokens = undefined;
        } else if (rotates && outcomeUnknown(error)) {
          // The tokens stay visible (current()) for a caller that knows better and calls setTokens().
          latched = error;
        }
      },
    );
    promise.finally(() => {
      if (inFlight === promise) inFlight = undefined;
    }).catch(() => undefined);
    return promise;
  }

  // New tokens (or none): forget any latched failure, and keep an in-flight refresh's result out of the cache.
  function reset(next: TokenSet | undefined): void {
    tokens = next;
    accessRevoked = false;
    latched = undefined;
    generation++;
    inFlight = undefined;
  }

  return {
    async getToken(tokenOptions?: GetTokenOptions) {
      if (usable(tokens)) return tokens.accessToken;
      if (latched) throw latched;
      return (await untilAborted(refreshOnce(), tokenOptions?.signal)).accessToken;
    },
    invalidate(token) {
      // A request that used an older token learns nothing new: a newer token already replaced it.
      if (accessRevoked || tokens?.accessToken !== token) return;
      accessRevoked = true;
      // A refresh already replacing this very token is not stale: keep it and let every waiter share
      // it. Dropping it would start a second refresh with the same refresh token, which a rotating
      // server treats as reuse and answers by revoking the grant (RFC 9700 §4.14).
      if (inFlight !== undefined && inFlightReplaces === token) return;
      generation++;
      inFlight = undefined;
    },
    current: () => tokens,
    setTokens: (next) => reset(next),
    clear: () => reset(undefined),
  };
}

