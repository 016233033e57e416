// What the mock forgets, so that a long test run (or the CLI left running) stays flat in memory instead
// of keeping every token it ever issued. Run after each request (before its answer is sent):
// - issued tokens, codes and grants beyond `maxIssuedTokens` each (and a provider's own collections of
//   issued tokens, see ProviderBehaviour.issuedTokenCollections): the oldest are forgotten at once (a
//   grant counts as used when its refresh token rotates, so an active grant is never the oldest);
// - expired tokens and codes, once they have been expired for EXPIRED_GRACE_MS of the mock's clock, and
//   grants nothing needs any more: swept now and then (amortised: a sweep scans everything, and runs once
//   per 1/16 of the records' count of requests, so each request pays a constant share);
// - used refresh tokens kept for reuse detection, at most `maxIssuedTokens` over all grants, those of the
//   least recently used grants first.
// A forgotten token or code is refused as unknown: the same answer every provider gives an expired token;
// for a code the error is the same `invalid_grant`, described as invalid rather than expired.
import type { MockGrant, MockState } from "../state.js";

/**
 * How long an expired token or code is still remembered (and refused as expired rather than unknown), in
 * the mock's clock: long enough for a test that moves its clock just past an expiry to see that error.
 */
export const EXPIRED_GRACE_MS = 10 * 60_000;

/** Records a sweep may leave between two sweeps, as a share of all records (1/16: a constant cost per request). */
const SWEEP_SHARE = 16;

export interface Retention {
  /** Forgets what is beyond the bounds now, and sweeps expired records when their turn comes. */
  afterRequest(state: MockState): void;
}

export function createRetention(now: () => number, maxIssuedTokens: number, providerCollections: (state: MockState) => Map<string, unknown>[]): Retention {
  let requestsSinceSweep = 0;
  return {
    afterRequest(state) {
      for (const collection of [state.tokens, state.codes, state.grants, ...providerCollections(state)]) dropOldest(collection, maxIssuedTokens);
      requestsSinceSweep++;
      const records = state.tokens.size + state.codes.size + state.grants.size;
      if (requestsSinceSweep < Math.floor(records / SWEEP_SHARE)) return;
      requestsSinceSweep = 0;
      sweep(state, now(), maxIssuedTokens);
    },
  };
}

/** Maps iterate in insertion order: the first keys are the oldest. */
function dropOldest(map: Map<string, unknown>, max: number): void {
  if (map.size <= max) return;
  for (const key of map.keys()) {
    map.delete(key);
    if (map.size <= max) return;
  }
}

function sweep(state: MockState, now: number, maxIssuedTokens: number): void {
  const forgetBefore = now - EXPIRED_GRACE_MS;
  const needed = new Set<string>();
  for (const [key, token] of state.tokens) {
    if (token.expiresAt !== undefined && token.expiresAt <= forgetBefore) state.tokens.delete(key);
    else if (token.grantId !== undefined) needed.add(token.grantId);
  }
  for (const [key, code] of state.codes) {
    if (code.expiresAt <= forgetBefore) state.codes.delete(key);
    else if (code.grantId !== undefined) needed.add(code.grantId);
  }
  // A grant is needed while a token or code points at it (to revoke them), or while it holds a refresh
  // token: the current one (to refresh) or used ones (to detect their reuse).
  for (const [id, grant] of state.grants) {
    if (grant.refreshToken === undefined && grant.usedRefreshTokens.size === 0 && !needed.has(id)) state.grants.delete(id);
  }
  trimUsedRefreshTokens(state.grants, maxIssuedTokens);
}

/** Keeps at most `max` used refresh tokens over all grants, forgetting the oldest of the oldest grants first. */
function trimUsedRefreshTokens(grants: Map<string, MockGrant>, max: number): void {
  let total = 0;
  for (const grant of grants.values()) total += grant.usedRefreshTokens.size;
  for (const grant of grants.values()) {
    if (total <= max) return;
    for (const used of grant.usedRefreshTokens) {
      grant.usedRefreshTokens.delete(used);
      if (--total <= max) return;
    }
  }
}
