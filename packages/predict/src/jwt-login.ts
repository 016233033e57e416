import { InvalidResponseError, type TokenSource, type TokenStore, createTokenSource, unwrap } from "@oauth-kit/auth";
import type { PredictClient } from "./client.js";
import { jwtExpiry } from "./jwt-expiry.js";
import { tokenFromBody } from "./token-body.js";
import { assertAddress, signatureFrom } from "./wallet-input.js";

export interface SignatureLogin {
  /** The wallet address (checksummed), sent as `signer`. */
  signer: string;
  /**
   * Signs the auth message with the wallet. For an externally owned account this is ethers'
   * `wallet.signMessage(message)` (personal_sign); Predict smart accounts sign differently (see Predict's
   * authentication guide). May be async.
   */
  signMessage: (message: string) => string | Promise<string>;
}

/**
 * Predict's wallet-signature login: fetches the (dynamic) auth message, lets the wallet sign it, and
 * exchanges the signature for a JWT. Returns the JWT; send it with `createPredictClient({ jwt })`, or use
 * createLoginTokenSource() to have the client log in again by itself when the JWT is rejected.
 *
 * @throws {ApiError} Predict answered either call with an error status (body: `PredictErrorResponse`)
 * @throws {InvalidResponseError} the message or the token is missing from a 200 response
 * @throws {ConfigError} the signer is not an address, or `signMessage` returned no signature
 */
export async function loginWithSignature(client: PredictClient, login: SignatureLogin): Promise<string> {
  assertAddress(login?.signer, "login.signer");
  const challenge = unwrap(await client.GET("/v1/auth/message"));
  const message: unknown = challenge?.data?.message;
  if (typeof message !== "string" || message === "") {
    throw new InvalidResponseError("GET /v1/auth/message returned no message to sign");
  }
  const signature = await signatureFrom(login.signMessage(message), "login.signMessage(message)");
  const result = await client.POST("/v1/auth", { body: { signer: login.signer, signature, message } });
  return tokenFromBody(unwrap(result), "POST /v1/auth");
}

export interface LoginTokenSourceOptions {
  /** Log in again this long before the JWT's `exp`. Default 60 s (capped at half the JWT's lifetime). */
  skewMs?: number | undefined;
  /**
   * Share one JWT per wallet between processes: one login for all of them, by the lease holder, everyone
   * else adopting it. A TokenStore: `createRedisTokenStore()` of `@oauth-kit/redis`, or the file store of
   * `@oauth-kit/auth/file-store` on one host.
   */
  store?: TokenStore | undefined;
  /** With `store`: names the login. Default: the signer address (stored only as a hash). */
  key?: string | undefined;
}

/**
 * A token source that logs in with loginWithSignature() on first use, again before the JWT's `exp` when
 * it carries one (Predict's are valid 24 h), and whenever Predict rejects the JWT with a 401 (the client
 * then replays the request once). `client` only needs the API key: the auth endpoints take no bearer.
 *
 * ```ts
 * const auth = createPredictClient({ apiKey });
 * const predict = createPredictClient({ apiKey, tokenSource: createLoginTokenSource(auth, { signer, signMessage }) });
 * ```
 */
export function createLoginTokenSource(client: PredictClient, login: SignatureLogin, options: LoginTokenSourceOptions = {}): TokenSource {
  assertAddress(login?.signer, "login.signer");
  return createTokenSource({
    skewMs: options.skewMs,
    store: options.store,
    key: options.store ? (options.key ?? `predict login\0${login.signer.toLowerCase()}`) : undefined,
    // A login signs a fresh message each time: there is no refresh token to lose, so a failed login
    // with an unknown outcome is simply tried again on the next call.
    rotatesRefreshToken: false,
    refresh: async () => {
      const accessToken = await loginWithSignature(client, login);
      return { accessToken, tokenType: "Bearer", ...jwtExpiry(accessToken) };
    },
  });
}
