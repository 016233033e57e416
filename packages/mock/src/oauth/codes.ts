import type { MockCode, MockState } from "../state.js";
import { pkceMatches } from "./pkce.js";
import { randomToken } from "./random.js";

export interface IssueCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge?: string | undefined;
  codeChallengeMethod?: string | undefined;
}

export function issueCode(state: MockState, now: number, ttlSeconds: number, request: IssueCode): MockCode {
  const code: MockCode = {
    code: randomToken("code_", 18),
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod ?? (request.codeChallenge ? "plain" : undefined),
    expiresAt: now + ttlSeconds * 1000,
    usedAt: undefined,
    grantId: undefined,
  };
  state.codes.set(code.code, code);
  return code;
}

export type RedeemFailure = "unknown" | "reused" | "expired" | "client_mismatch" | "redirect_mismatch" | "verifier_missing" | "verifier_mismatch";

export interface Redeem {
  code: string;
  clientId: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
}

/**
 * Checks a code against what it was bound to and marks it used. A reused code also revokes the grant its
 * first use created (RFC 6749 §4.1.2). Expired, unknown and mismatched codes are refused.
 */
export async function redeemCode(state: MockState, now: number, redeem: Redeem): Promise<{ code: MockCode } | { failure: RedeemFailure }> {
  const code = state.codes.get(redeem.code);
  if (!code) return { failure: "unknown" };
  if (code.usedAt !== undefined) {
    const grant = code.grantId ? state.grants.get(code.grantId) : undefined;
    if (grant) revokeGrant(state, grant.id, now);
    return { failure: "reused" };
  }
  if (now >= code.expiresAt) return { failure: "expired" };
  if (code.clientId !== redeem.clientId) return { failure: "client_mismatch" };
  if (code.redirectUri !== redeem.redirectUri) return { failure: "redirect_mismatch" };
  if (code.codeChallenge !== undefined) {
    if (!redeem.codeVerifier) return { failure: "verifier_missing" };
    if (!(await pkceMatches(redeem.codeVerifier, code.codeChallenge, code.codeChallengeMethod))) return { failure: "verifier_mismatch" };
  }
  code.usedAt = now;
  return { code };
}

/** Revokes a grant and every token issued under it. */
export function revokeGrant(state: MockState, grantId: string, now: number): void {
  const grant = state.grants.get(grantId);
  if (!grant) return;
  grant.revokedAt ??= now;
  grant.refreshToken = undefined;
  for (const token of state.tokens.values()) if (token.grantId === grantId) token.revoked = true;
}
