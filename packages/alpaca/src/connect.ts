import {
  type PendingAuthorizationStore,
  type StartedAuthorization,
  type TokenSet,
  buildAuthorizeUrl,
  completeAuthorization,
  startAuthorization,
  tokenFromResult,
} from "@oauth-kit/auth";
import type { AlpacaClient } from "./client.js";

/** Alpaca Connect's authorization page (REFERENCE §5: app.alpaca.markets/oauth/authorize). */
export const CONNECT_AUTHORIZE_URL = "https://app.alpaca.markets/oauth/authorize";

/** The scopes Alpaca Connect documents; without any the token is read-only. */
export type ConnectScope = "account:write" | "trading" | "data";

export interface ConnectAuthorizeOptions {
  clientId: string;
  /** Must match one of the app's whitelisted redirect URIs exactly; reused byte-for-byte in the exchange. */
  redirectUri: string;
  scope?: readonly ConnectScope[] | undefined;
}

/**
 * The URL to send the user to: response_type=code, client_id, the exact redirect_uri, state and a
 * space-delimited scope. Alpaca documents no PKCE for Connect, so none is sent and `state` is the CSRF
 * defence: keep it in the user's session and check it on the callback (or use startConnectAuthorization).
 */
export function buildConnectAuthorizeUrl(options: ConnectAuthorizeOptions & { state: string }): string {
  return buildAuthorizeUrl({
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state: options.state,
    scope: options.scope,
    pkce: false,
  });
}

/** Generates a one-time state, remembers it (and the redirect URI) in `store`, and returns the authorize URL. */
export function startConnectAuthorization(
  options: ConnectAuthorizeOptions & { store: PendingAuthorizationStore },
): Promise<StartedAuthorization> {
  return startAuthorization({
    provider: "alpaca",
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    scope: options.scope,
    pkce: false,
    store: options.store,
  });
}

export interface ConnectCodeExchange {
  code: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/**
 * Exchanges an authorization code at api.alpaca.markets/oauth/token: form-encoded, client credentials in
 * the body, no Basic header. The response is validated (RFC 6749 §5.1); Alpaca sends no expires_in and no
 * refresh token. The code is single-use, so the exchange is retried only after a failure that proves
 * nothing was sent; on a timeout the outcome is unknown and the flow must restart.
 */
export async function exchangeConnectCode(client: AlpacaClient, exchange: ConnectCodeExchange): Promise<TokenSet> {
  const result = await client.POST("/oauth/token", {
    body: {
      grant_type: "authorization_code",
      code: exchange.code,
      client_id: exchange.clientId,
      client_secret: exchange.clientSecret,
      redirect_uri: exchange.redirectUri,
    },
  });
  return tokenFromResult(result);
}

/**
 * The callback half of the flow: checks the callback against the pending authorization saved by
 * startConnectAuthorization (state present, matching, unused, issued for Alpaca), then exchanges the code
 * with the stored redirect URI.
 */
export async function completeConnectAuthorization(
  client: AlpacaClient,
  options: { callbackUrl: string | URL; store: PendingAuthorizationStore; clientId: string; clientSecret: string },
): Promise<TokenSet> {
  const { code, redirectUri } = await completeAuthorization(options.callbackUrl, { provider: "alpaca", store: options.store });
  return exchangeConnectCode(client, { code, redirectUri, clientId: options.clientId, clientSecret: options.clientSecret });
}
