import { ApiError, ConfigError, type OAuthKitError, type TokenSource, type TokenStore, createTokenSource } from "@oauth-kit/auth";
import {
  type TradovateAccessToken,
  type TradovateCredentials,
  renewTradovateAccessToken,
  requestTradovateAccessToken,
} from "./access-token.js";
import { type TradovateClient, usesTokenSource } from "./client.js";
import { PenaltyTicketError, TradovateError } from "./errors.js";
import type { PenaltyOptions } from "./penalty.js";

export interface TradovateSessionOptions {
  credentials: TradovateCredentials;
  /** A session restored from storage (what `onTokens` received); it is renewed, not replaced, while it lasts. */
  initial?: TradovateAccessToken | undefined;
  /** Called with every new or renewed token, before waiters resume; persist it here. */
  onTokens?: ((tokens: TradovateAccessToken) => void | Promise<void>) | undefined;
  /** Renew this long before the token's local expiry. Default 15 minutes, as Tradovate recommends. */
  renewBeforeMs?: number | undefined;
  penalty?: PenaltyOptions | undefined;
  /**
   * Share one session per account between processes (several app instances, workers): one
   * `accesstokenrequest` for all of them, renewals by the lease holder only, everyone else adopting the
   * result. A TokenStore: `createRedisTokenStore()` of `@oauth-kit/redis`, or the file store of
   * `@oauth-kit/auth/file-store` on one host.
   */
  store?: TokenStore | undefined;
  /** With `store`: names the account. Default: the user name and app id of `credentials` (stored only as a hash). */
  key?: string | undefined;
}

export interface TradovateSession extends TokenSource {
  current(): TradovateAccessToken | undefined;
  /** Replace the session (e.g. restored tokens) and forget a remembered login refusal. */
  setTokens(tokens: TradovateAccessToken): void;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * A credential-based Tradovate session, usable as `createTradovateClient({ tokenSource: session })`.
 *
 * - `accesstokenrequest` once; then `renewaccesstoken` `renewBeforeMs` before the local expiry, which keeps
 *   the same session instead of opening another (a user may hold two; a third closes the oldest).
 * - One token call in flight at a time, shared by every waiter (createTokenSource), so concurrent requests
 *   never open two sessions.
 * - A new session is opened only when the old one is over: expired, rejected with a 401, or refused renewal.
 * - A refused login (`errorText`, e.g. a wrong password) or a captcha penalty is remembered: later calls fail
 *   at once with the same error instead of hitting an endpoint limited to 10 requests a minute, until
 *   `setTokens()` or `clear()`.
 *
 * `client` sends the token calls; it must not itself use a token source (create it without credentials).
 */
export function createTradovateSession(client: TradovateClient, options: TradovateSessionOptions): TradovateSession {
  if (usesTokenSource(client)) {
    throw new ConfigError("createTradovateSession needs a client without tokenSource: its renewal would wait on itself");
  }
  const { credentials, penalty } = options;
  // A token the server rejected (a 401 on a request): renewing it cannot work, so the next call logs in.
  let rejected: string | undefined;
  // A refused login: sending the same credentials again would only bring the one-hour lock-out closer.
  let refusal: OAuthKitError | undefined;

  async function login(): Promise<TradovateAccessToken> {
    if (refusal) throw refusal;
    try {
      return await requestTradovateAccessToken(client, credentials, { penalty });
    } catch (error) {
      if (error instanceof TradovateError || (error instanceof PenaltyTicketError && error.reason === "captcha")) refusal = error;
      throw error;
    }
  }

  async function renewOrLogin(current: TradovateAccessToken | undefined): Promise<TradovateAccessToken> {
    const over = current === undefined || current.accessToken === rejected || (current.expiresAt ?? Infinity) <= Date.now();
    if (over) return login();
    try {
      return await renewTradovateAccessToken(client, current.accessToken);
    } catch (error) {
      // Tradovate refused to extend this session, so it is over and a new one cannot make two.
      if (error instanceof TradovateError || (error instanceof ApiError && error.status === 401)) return login();
      throw error;
    }
  }

  const source = createTokenSource({
    store: options.store,
    key: options.store ? (options.key ?? `tradovate session\0${credentials.name}\0${credentials.appId ?? ""}`) : undefined,
    initial: options.initial,
    skewMs: options.renewBeforeMs ?? FIFTEEN_MINUTES,
    // Every token the source holds came from renewOrLogin(), `initial` or setTokens(): all TradovateAccessTokens.
    onTokens: options.onTokens as ((tokens: unknown) => void | Promise<void>) | undefined,
    refresh: (current) => renewOrLogin(current),
    // Renewal extends the same access token and login uses credentials: nothing single-use is lost when
    // a call's outcome is unknown, so the next getToken() simply tries again.
    rotatesRefreshToken: false,
  });

  return {
    getToken: (tokenOptions) => source.getToken(tokenOptions),
    current: () => source.current(),
    invalidate(token) {
      if (source.current()?.accessToken === token) rejected = token;
      source.invalidate(token);
    },
    setTokens(tokens) {
      refusal = undefined;
      source.setTokens(tokens);
    },
    clear() {
      refusal = undefined;
      source.clear();
    },
  };
}
