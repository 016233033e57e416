import { unwrap } from "@oauth-kit/auth";
import type { PredictClient } from "./client.js";
import { type PredictWallet, signEnvelope } from "./signed-envelope.js";
import { tokenFromBody } from "./token-body.js";
import { assertNonEmpty } from "./wallet-input.js";

export interface ConnectionFinalization {
  /** The OAuth client ID of your application. */
  clientId: string;
  /** The authorization code from Predict's authorization step. Single-use. */
  authCode: string;
}

/**
 * Finalizes an OAuth connection: sends `{ clientId, authCode }` in an envelope signed by the user's wallet
 * and returns the connection token, to be sent as bearer on the orders and positions operations
 * (`createPredictClient({ apiKey, jwt: token })`).
 *
 * The code is single-use and the call is not idempotent, so it is retried only after a failure that
 * proves nothing was sent; after a timeout the outcome is unknown and the flow must start again.
 *
 * @throws {ApiError} Predict answered with an error status (body: `PredictErrorResponse`)
 * @throws {InvalidResponseError} a 200 without a usable `data.token`
 * @throws {ConfigError} an empty clientId/authCode, a malformed address, or no signature from the wallet
 */
export async function finalizeConnection(
  client: PredictClient,
  wallet: PredictWallet,
  finalization: ConnectionFinalization,
): Promise<string> {
  assertNonEmpty(finalization?.clientId, "clientId");
  assertNonEmpty(finalization.authCode, "authCode");
  const body = await signEnvelope(wallet, { clientId: finalization.clientId, authCode: finalization.authCode });
  return tokenFromBody(unwrap(await client.POST("/v1/oauth/finalize", { body })), "POST /v1/oauth/finalize");
}
