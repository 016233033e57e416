// predict.fun's wallet-signature login: GET /v1/auth/message, the wallet signs it (personal_sign for an
// externally owned account), POST /v1/auth returns a JWT. Predict sends no expiry with it, so the client
// holds a token source that logs in on first use and again whenever Predict answers 401 (the request is
// then replayed once). The wallet's private key never leaves this process; oauth-kit only sees signatures.
import { type PredictClient, createLoginTokenSource, createPredictClient, signEnvelope, unwrap } from "@oauth-kit/predict";
import type { Wallet } from "ethers";

export interface PredictConnection {
  apiKey: string;
  /** The wallet that logs in (an ethers Wallet: the signer of the login message). */
  wallet: Wallet;
  /** The Predict account the orders belong to (your smart account, or the wallet's own address). */
  account: string;
  /** Another host (a mock server); default Predict mainnet. */
  baseUrl?: string | undefined;
}

/** A Predict client whose bearer is a JWT from the wallet's login, renewed on 401. */
export function openPredict(connection: PredictConnection): PredictClient {
  const where = connection.baseUrl ? { baseUrl: connection.baseUrl } : { environment: "mainnet" as const };
  const auth = createPredictClient({ ...where, apiKey: connection.apiKey }); // the login calls take no bearer
  const tokenSource = createLoginTokenSource(auth, {
    signer: connection.wallet.address,
    signMessage: (message) => connection.wallet.signMessage(message),
  });
  return createPredictClient({ ...where, apiKey: connection.apiKey, tokenSource });
}

/** The first page of open orders: a bearer call with a wallet-signed envelope. */
export async function openOrders(predict: PredictClient, connection: PredictConnection) {
  const body = await signEnvelope(
    // Predict does not document what exactly an envelope signs; this signs the JSON of `data`.
    { signer: connection.wallet.address, account: connection.account, sign: (data) => connection.wallet.signMessage(JSON.stringify(data)) },
    { first: "20", status: "OPEN" },
  );
  return unwrap(await predict.POST("/v1/oauth/orders", { body })).data;
}
