import type { MockResponse } from "../provider.js";
import type { RedeemFailure } from "./codes.js";

/** An RFC 6749 §5.2 error body. */
export const oauthError = (status: number, error: string, description: string): MockResponse => ({
  status,
  body: { error, error_description: description },
});

/** Why a code was refused, in words (never quoting the code). */
export const redeemMessage: Record<RedeemFailure, string> = {
  unknown: "The authorization code is invalid.",
  reused: "The authorization code has already been used; the tokens issued with it are revoked.",
  expired: "The authorization code has expired.",
  client_mismatch: "The authorization code was issued to another client.",
  redirect_mismatch: "The redirect URI does not match the one of the authorization request.",
  verifier_missing: "The authorization request used PKCE: code_verifier is required.",
  verifier_mismatch: "The code_verifier does not match the code challenge.",
};
