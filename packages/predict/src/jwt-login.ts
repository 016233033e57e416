import { InvalidResponseError, type TokenSource, createTokenSource, unwrap } from "@oauth-kit/auth";
import type { PredictClient } from "./client.js";
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

/**
 * A token source that logs in with loginWithSignature() on first use and again whenever Predict rejects
 * the JWT with a 401 (the client then replays the request once). Predict sends no expiry with the JWT,
 * so it is used until rejected. `client` only needs the API key: the auth endpoints take no bearer.
 *
 * ```ts
 * const auth = createPredictClient({ apiKey });
 * const predict = createPredictClient({ apiKey, tokenSource: createLoginTokenSource(auth, { signer, signMessage }) });
 * ```
 */
export function createLoginTokenSource(client: PredictClient, login: SignatureLogin): TokenSource {
  assertAddress(login?.signer, "login.signer");
  return createTokenSource({
    // A login signs a fresh message each time: there is no refresh token to lose, so a failed login
    // with an unknown outcome is simply tried again on the next call.
    rotatesRefreshToken: false,
    refresh: async () => ({ accessToken: await loginWithSignature(client, login), tokenType: "Bearer" }),
  });
}
