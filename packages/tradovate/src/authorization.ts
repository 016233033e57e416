import {
  type PendingAuthorizationStore,
  type StartedAuthorization,
  type TokenSet,
  buildAuthorizeUrl,
  completeAuthorization,
  startAuthorization,
} from "@oauth-kit/auth";
import type { TradovateClient } from "./client.js";
import { type OAuthTokenCallOptions, exchangeTradovateCode } from "./oauth-token.js";

/** Tradovate's OAuth authorization page (tradovate/example-api-oauth README). */
export const TRADOVATE_AUTHORIZE_URL = "https://trader.tradovate.com/oauth";

export interface TradovateAuthorizeOptions {
  clientId: string;
  /** Must match the app's registered redirect URI; reused byte-for-byte in the code exchange. */
  redirectUri: string;
}

/**
 * The URL to send the user to: response_type=code, client_id, the exact redirect_uri and state. Tradovate
 * documents no scope and no PKCE for this page, so neither is sent, and `state` is the CSRF defence: keep
 * it in the user's session and check it on the callback (or use startTradovateAuthorization()).
 */
export function buildTradovateAuthorizeUrl(options: TradovateAuthorizeOptions & { state: string }): string {
  return buildAuthorizeUrl({
    authorizeUrl: TRADOVATE_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state: options.state,
    pkce: false,
  });
}

/** Generates a one-time state, remembers it (and the redirect URI) in `store`, and returns the authorize URL. */
export function startTradovateAuthorization(
  options: TradovateAuthorizeOptions & { store: PendingAuthorizationStore },
): Promise<StartedAuthorization> {
  return startAuthorization({
    provider: "tradovate",
    authorizeUrl: TRADOVATE_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    pkce: false,
    store: options.store,
  });
}

/**
 * The callback half of the flow: checks the callback against the pending authorization saved by
 * startTradovateAuthorization() (state present, matching, unused, issued for Tradovate), then exchanges the
 * code with the stored redirect URI. The state is consumed first, so a double-submitted callback makes
 * exactly one token request.
 */
export async function completeTradovateAuthorization(
  client: TradovateClient,
  options: OAuthTokenCallOptions & {
    callbackUrl: string | URL;
    store: PendingAuthorizationStore;
    clientId: string;
    clientSecret: string;
  },
): Promise<TokenSet> {
  const { callbackUrl, store, ...exchange } = options;
  const { code, redirectUri } = await completeAuthorization(callbackUrl, { provider: "tradovate", store });
  return exchangeTradovateCode(client, { ...exchange, code, redirectUri });
}
