// What a mock remembers. Every provider shares this shape; providers add their own collections.

/** An OAuth client (app) registered with the mock. */
export interface MockClient {
  clientId: string;
  clientSecret: string;
  /** Redirect URIs the client may use; compared exactly (RFC 6749 §3.1.2.3). */
  redirectUris: string[];
  name: string;
}

/** An authorization: one user's consent to one client, with the tokens issued under it. */
export interface MockGrant {
  id: string;
  clientId: string;
  scope: string;
  /** The refresh token that may be used next; older ones are remembered to detect reuse. */
  refreshToken: string | undefined;
  usedRefreshTokens: Set<string>;
  /** Set when the grant was revoked (for example after a refresh token was reused); its tokens stop working. */
  revokedAt: number | undefined;
}

/** An access token (or session token) the mock issued. */
export interface MockToken {
  token: string;
  kind: string;
  grantId: string | undefined;
  clientId: string | undefined;
  scope: string;
  issuedAt: number;
  /** Epoch milliseconds; undefined: does not expire. */
  expiresAt: number | undefined;
  revoked: boolean;
}

/** An authorization code: single-use, short-lived, bound to its client, redirect URI and PKCE challenge. */
export interface MockCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  expiresAt: number;
  /** Set on first use; a second use is refused (and revokes what the first one issued, RFC 6749 §4.1.2). */
  usedAt: number | undefined;
  grantId: string | undefined;
}

/** One request the mock received, secrets included (it is your test's data; the CLI log masks them). */
export interface MockRequestRecord {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  operationId: string | undefined;
  status: number;
  at: number;
}

export interface MockState {
  clients: Map<string, MockClient>;
  codes: Map<string, MockCode>;
  grants: Map<string, MockGrant>;
  tokens: Map<string, MockToken>;
  requests: MockRequestRecord[];
}

export function createMockState(): MockState {
  return { clients: new Map(), codes: new Map(), grants: new Map(), tokens: new Map(), requests: [] };
}
