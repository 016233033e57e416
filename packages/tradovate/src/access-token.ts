import { type TokenSet, apiErrorFrom, bearer, tokenFromResult, useCredentials } from "@oauth-kit/auth";
import type { TradovateClient } from "./client.js";
import { TradovateError } from "./errors.js";
import { localExpiry } from "./expiry.js";
import { metadata } from "./generated/metadata.js";
import { type PenaltyOptions, refusePenalty, sendWithPenalties } from "./penalty.js";
import { contextOf, withRequestContext } from "./response-context.js";
import type { AccessTokenRequest, AccessTokenResponse } from "./types.js";

/** The `accesstokenrequest` body: user name and password, plus the API key (`cid`, `sec`) and app identity. */
export type TradovateCredentials = Omit<AccessTokenRequest, "p-ticket">;

/** A validated `accesstokenrequest` / `renewaccesstoken` result. */
export interface TradovateAccessToken extends TokenSet {
  /** The server's absolute expiry, as sent. `expiresAt` is its local equivalent (clock skew removed). */
  expirationTime?: string;
  userId?: number;
  name?: string;
  userStatus?: AccessTokenResponse["userStatus"];
  /** Set when `hibpCheck` was requested and the credentials appear in a known breach. */
  hibpHint?: AccessTokenResponse["hibpHint"];
  passwordExpirationTime?: string;
}

export interface TokenCallOptions {
  signal?: AbortSignal | undefined;
  penalty?: PenaltyOptions | undefined;
}

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * Opens a session with user credentials and an API key (`POST /auth/accesstokenrequest`). Penalty tickets
 * are waited out and the identical body resent with `p-ticket`. Do not call this again and again: a user
 * may hold two sessions at once, and a third closes the oldest; createTradovateSession() calls it once and
 * then renews.
 * @throws {TradovateError} `errorText` (HTTP 200), e.g. wrong password
 * @throws {PenaltyTicketError} a penalty that cannot be waited out (captcha, too long, too many)
 * @throws {ApiError} an error status; a 429 is a lock-out of about an hour (`retryAfterMs`)
 */
export async function requestTradovateAccessToken(
  client: TradovateClient,
  credentials: TradovateCredentials,
  options: TokenCallOptions = {},
): Promise<TradovateAccessToken> {
  const result = await sendWithPenalties(
    (ticket) =>
      client.POST("/auth/accesstokenrequest", {
        body: ticket === undefined ? credentials : { ...credentials, "p-ticket": ticket },
        signal: options.signal,
      }),
    options,
  );
  return accessTokenFromResult(result, [credentials.password, credentials.sec ?? ""]);
}

/**
 * Extends the session of `accessToken` (`GET /auth/renewaccesstoken` with that token as the bearer, whatever
 * the client's own credentials). It opens no new session. A penalty ticket fails at once: the GET has no
 * body to resend the ticket in.
 * @throws {TradovateError} `errorText` (HTTP 200): the session is over
 * @throws {ApiError} 401: the token is invalid or expired
 */
export async function renewTradovateAccessToken(
  client: TradovateClient,
  accessToken: string,
  options: Pick<TokenCallOptions, "signal"> = {},
): Promise<TradovateAccessToken> {
  const result = await client.GET("/auth/renewaccesstoken", {
    middleware: [useCredentials(metadata, { bearerAccessToken: bearer(accessToken) })],
    signal: options.signal,
  });
  refusePenalty(result);
  return accessTokenFromResult(result, [accessToken]);
}

/** Error status → ApiError; errorText → TradovateError; otherwise the token, validated, with its expiry made local. */
function accessTokenFromResult(result: Result, secrets: readonly string[]): TradovateAccessToken {
  const { response } = result;
  const receivedAt = Date.now();
  const context = contextOf(response);
  if (!response.ok) throw apiErrorFrom(response, result.error);
  try {
    const body = result.data;
    if (typeof body === "object" && body !== null && typeof (body as AccessTokenResponse).errorText === "string") {
      const { errorText } = body as { errorText: string };
      if (errorText !== "") throw new TradovateError(errorText, { ...context, status: response.status, secrets });
    }
    // Tradovate names the token `accessToken` and sends no token_type: it is always a bearer.
    const token = tokenFromResult(result, {
      receivedAt,
      fieldNames: { accessToken: "accessToken" },
      requireTokenType: false,
    });
    const fields = body as AccessTokenResponse;
    const expiry = localExpiry(fields.expirationTime, response.headers.get("date"), receivedAt, response.status);
    return {
      accessToken: token.accessToken,
      tokenType: token.tokenType,
      ...expiry,
      ...pick(fields, ["expirationTime", "userId", "name", "userStatus", "hibpHint", "passwordExpirationTime"]),
    };
  } catch (error) {
    throw withRequestContext(error, response);
  }
}

function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}
