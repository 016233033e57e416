import { type TokenSet, tokenFromResult } from "@oauth-kit/auth";
import type { TokenCallOptions } from "./access-token.js";
import type { TradovateClient } from "./client.js";
import { sendWithPenalties } from "./penalty.js";
import { withRequestContext } from "./response-context.js";
import type { OAuthTokenRequest } from "./types.js";

/**
 * How the `/auth/oauthtoken` body is encoded. `json` (default) is what both official specs declare, at the
 * `/v1` hosts of the client's environments. `form` is what Tradovate's OAuth example sends, and it does so
 * only to the host without `/v1` (`baseUrl: "https://live.tradovateapi.com"`): no source attests a form at
 * `/v1`, which the official specs would answer with 415. Both are described in specs/tradovate.yaml.
 */
export type TokenRequestEncoding = "form" | "json";

export interface OAuthTokenCallOptions extends TokenCallOptions {
  /** Default `json`. See {@link TokenRequestEncoding} for which host each encoding belongs with. */
  encoding?: TokenRequestEncoding | undefined;
}

export interface TradovateCodeExchange extends OAuthTokenCallOptions {
  code: string;
  clientId: string;
  clientSecret: string;
  /** The exact string sent in the authorize URL. */
  redirectUri: string;
}

export interface TradovateRefresh extends OAuthTokenCallOptions {
  refreshToken: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Exchanges an authorization code at `POST /auth/oauthtoken` (`grant_type=authorization_code`), as JSON
 * unless `encoding: "form"`. The body is validated as an RFC 6749 token response (`token_type` optional,
 * Bearer when absent): `error`/`error_description` is an OAuthError even with HTTP 200. Penalty tickets are waited out and the identical body resent with `p-ticket` (a penalised request
 * was not processed, so the code is still unused). The code is single-use, so nothing else is resent once
 * the request may have reached Tradovate: after a timeout the error says the outcome is unknown and the
 * flow must restart (the operation is `x-idempotent: false`, so the transport never resends it).
 * @throws {OAuthError | PenaltyTicketError | ApiError | InvalidResponseError | TimeoutError}
 */
export function exchangeTradovateCode(client: TradovateClient, exchange: TradovateCodeExchange): Promise<TokenSet> {
  const body = {
    grant_type: "authorization_code",
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    client_id: exchange.clientId,
    client_secret: exchange.clientSecret,
  };
  return oauthToken(client, body, exchange);
}

/**
 * Refreshes at `POST /auth/oauthtoken` (`grant_type=refresh_token`), with the same checks and penalty
 * handling as the code exchange. A response without a new refresh token means "keep the old one" (a token
 * source does that for you); a refresh that may have reached Tradovate is never resent, since a rotated
 * refresh token presented twice can revoke the grant.
 * @throws {OAuthError | PenaltyTicketError | ApiError | InvalidResponseError | TimeoutError}
 */
export function refreshTradovateToken(client: TradovateClient, refresh: TradovateRefresh): Promise<TokenSet> {
  const body = {
    grant_type: "refresh_token",
    refresh_token: refresh.refreshToken,
    client_id: refresh.clientId,
    client_secret: refresh.clientSecret,
  };
  return oauthToken(client, body, refresh);
}

async function oauthToken(client: TradovateClient, body: OAuthTokenRequest, options: OAuthTokenCallOptions): Promise<TokenSet> {
  // The client encodes the body in the media type named by an explicit Content-Type (see createProviderClient).
  const headers = { "Content-Type": options.encoding === "form" ? "application/x-www-form-urlencoded" : "application/json" };
  const result = await sendWithPenalties(
    (ticket) =>
      client.POST("/auth/oauthtoken", {
        body: ticket === undefined ? body : { ...body, "p-ticket": ticket },
        headers,
        signal: options.signal,
      }),
    options,
  );
  try {
    // Every source treats token_type as optional (both official specs, and the example never reads it):
    // a response without one is a bearer token, which is what this API issues.
    return tokenFromResult(result, { requireTokenType: false });
  } catch (error) {
    throw withRequestContext(error, result.response);
  }
}
