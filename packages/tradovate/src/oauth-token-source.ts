import { ConfigError, type TokenSet, type TokenSource, type TokenStore, createTokenSource } from "@oauth-kit/auth";
import type { TradovateClient } from "./client.js";
import { type OAuthTokenCallOptions, refreshTradovateToken } from "./oauth-token.js";

export interface TradovateOAuthTokenSourceOptions extends Omit<OAuthTokenCallOptions, "signal"> {
  clientId: string;
  clientSecret: string;
  /** The tokens from the code exchange (or restored from storage). */
  initial?: TokenSet | undefined;
  /** Called with every new token set (a rotated refresh token included); persist it here. */
  onTokens?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  /** Refresh this long before `expiresAt`. Default 60 s. */
  skewMs?: number | undefined;
  /** Share the tokens between processes, one refresh per grant (see createTokenSource). Needs `key`. */
  store?: TokenStore | undefined;
  /** With `store`: names the grant, e.g. the Tradovate user id (never a token). */
  key?: string | undefined;
}

/**
 * OAuth tokens that refresh themselves through `/auth/oauthtoken`, for `createTradovateClient({ tokenSource })`:
 * one refresh in flight at a time shared by every waiter, a refresh response without a refresh token keeps
 * the old one, and an `invalid_grant` is remembered so later calls fail at once (see createTokenSource).
 */
export function createTradovateOAuthTokenSource(client: TradovateClient, options: TradovateOAuthTokenSourceOptions): TokenSource {
  const { clientId, clientSecret, encoding, penalty } = options;
  return createTokenSource({
    initial: options.initial,
    onTokens: options.onTokens,
    skewMs: options.skewMs,
    store: options.store,
    key: options.key,
    refresh: async (current) => {
      if (current?.refreshToken === undefined) {
        throw new ConfigError("no Tradovate refresh token to refresh with: complete the authorization flow again");
      }
      return refreshTradovateToken(client, { refreshToken: current.refreshToken, clientId, clientSecret, encoding, penalty });
    },
  });
}
