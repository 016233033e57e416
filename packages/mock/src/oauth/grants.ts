import type { MockGrant, MockState, MockToken } from "../state.js";
import { revokeGrant } from "./codes.js";
import { randomToken } from "./random.js";

export function createGrant(state: MockState, clientId: string, scope: string, withRefreshToken: boolean): MockGrant {
  const grant: MockGrant = {
    id: randomToken("grant_", 9),
    clientId,
    scope,
    refreshToken: withRefreshToken ? randomToken("rt_", 24) : undefined,
    usedRefreshTokens: new Set(),
    revokedAt: undefined,
  };
  state.grants.set(grant.id, grant);
  return grant;
}

export interface IssueToken {
  kind: string;
  grantId?: string | undefined;
  clientId?: string | undefined;
  scope?: string | undefined;
  ttlSeconds: number | undefined;
  token?: string;
}

export function issueToken(state: MockState, now: number, issue: IssueToken): MockToken {
  const token: MockToken = {
    token: issue.token ?? randomToken("at_", 24),
    kind: issue.kind,
    grantId: issue.grantId,
    clientId: issue.clientId,
    scope: issue.scope ?? "",
    issuedAt: now,
    expiresAt: issue.ttlSeconds === undefined ? undefined : now + issue.ttlSeconds * 1000,
    revoked: false,
  };
  state.tokens.set(token.token, token);
  return token;
}

export type TokenFailure = "unknown" | "expired" | "revoked";

/** The token if it is known, of one of `kinds`, not revoked and not expired. */
export function checkToken(state: MockState, now: number, value: string | undefined, kinds: string[]): { token: MockToken } | { failure: TokenFailure } {
  const token = value === undefined ? undefined : state.tokens.get(value);
  if (!token || !kinds.includes(token.kind)) return { failure: "unknown" };
  if (token.revoked) return { failure: "revoked" };
  if (token.expiresAt !== undefined && now >= token.expiresAt) return { failure: "expired" };
  return { token };
}

/**
 * Refresh-token rotation with reuse detection: the current refresh token is exchanged for a new one; a
 * refresh token that was already used revokes the whole grant (OAuth 2.0 Security BCP §4.14.2).
 */
export function rotateRefreshToken(state: MockState, now: number, presented: string): { grant: MockGrant } | { failure: "unknown" | "reused" | "revoked" } {
  for (const grant of state.grants.values()) {
    if (grant.usedRefreshTokens.has(presented)) {
      revokeGrant(state, grant.id, now);
      return { failure: "reused" };
    }
    if (grant.refreshToken === presented) {
      if (grant.revokedAt !== undefined) return { failure: "revoked" };
      grant.usedRefreshTokens.add(presented);
      grant.refreshToken = randomToken("rt_", 24);
      // Most recently used last: the retention bound forgets the least recently used grants first.
      state.grants.delete(grant.id);
      state.grants.set(grant.id, grant);
      return { grant };
    }
  }
  return { failure: "unknown" };
}
