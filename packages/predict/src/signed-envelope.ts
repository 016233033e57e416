import { ConfigError } from "@oauth-kit/auth";
import type {
  OAuthCancelOrdersData,
  OAuthCreateOrderData,
  OAuthFinalizeData,
  OAuthOrdersData,
  OAuthPositionsData,
} from "./types.js";
import { assertAddress, signatureFrom } from "./wallet-input.js";

/**
 * Every `data` field of Predict's signed operations, all optional. As the bound of signEnvelope()'s type
 * parameter it keeps literal values typed (`strategy: "LIMIT"` stays `"LIMIT"`, so the envelope fits the
 * operation's body type) and makes data with no known field a type error; the operation's body type
 * catches a missing or misspelt field. `timestamp` is stamped, never passed.
 */
export type EnvelopeFields = Partial<
  Omit<OAuthFinalizeData & OAuthOrdersData & OAuthCreateOrderData & OAuthCancelOrdersData & OAuthPositionsData, "timestamp">
> & { timestamp?: never };

/** The `data` of a signed request as it is handed to `sign()`: the caller's fields plus `timestamp`. */
export type EnvelopeData<D extends object = Record<string, unknown>> = { timestamp: number } & D;

/**
 * The user's wallet, as the OAuth operations need it. Predict does not document what exactly is signed,
 * so oauth-kit does no wallet crypto: `sign` receives the `data` object (timestamp included) and returns
 * the signature your wallet produces for it.
 */
export interface PredictWallet {
  /** Address of the wallet that signs the requests. */
  signer: string;
  /** Address of the Predict account the connection is for. */
  account: string;
  /** Signs one request's `data`; may be async (a hardware wallet, a remote signer). */
  sign: (data: Readonly<EnvelopeData>) => string | Promise<string>;
}

/** The body of every OAuth operation: `{ signer, account, signature, data: { timestamp, ... } }`. */
export interface SignedEnvelope<D extends object = Record<string, unknown>> {
  signer: string;
  account: string;
  signature: string;
  data: EnvelopeData<D>;
}

/** Unix time in whole seconds: Predict's `data.timestamp` is seconds, not milliseconds. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Builds a signed request body: stamps `data` with the current time in seconds, asks the wallet to sign
 * it and wraps both with the signer and account addresses. Call it once per request: the timestamp is part
 * of what is signed, so an envelope is not meant to be reused.
 *
 * @throws {ConfigError} an address is malformed, `data` carries its own `timestamp`, or `sign` does not
 *   return a non-empty string. Errors thrown by `sign` itself (a rejected wallet prompt) pass through.
 */
export async function signEnvelope<D extends EnvelopeFields>(
  wallet: PredictWallet,
  data: D,
): Promise<SignedEnvelope<D>> {
  if (!wallet || typeof wallet.sign !== "function") throw new ConfigError("wallet.sign must be a function");
  assertAddress(wallet.signer, "wallet.signer");
  assertAddress(wallet.account, "wallet.account");
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new ConfigError("envelope data must be an object");
  if ("timestamp" in data) throw new ConfigError("envelope data must not set `timestamp`: signEnvelope() stamps the current time");
  const stamped = { timestamp: nowInSeconds(), ...data } as EnvelopeData<D>;
  const signature = await signatureFrom(wallet.sign(stamped), "wallet.sign(data)");
  return { signer: wallet.signer, account: wallet.account, signature, data: stamped };
}
