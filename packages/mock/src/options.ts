import type { FaultRule } from "./server/faults.js";

/** Options every provider mock takes; providers document their own additions. */
export interface MockOptions {
  /** Port on 127.0.0.1; default 0, a free port. */
  port?: number;
  /** Skip the authorize page: every authorization request is approved at once. Default false. */
  autoApprove?: boolean;
  /**
   * Redirect URIs registered for the mock's OAuth client, compared exactly. Default
   * `["http://localhost/callback"]`.
   */
  redirectUris?: string[];
  /** Fix the id and secret of the mock's OAuth client (default: random), e.g. to match your app's config. */
  client?: { clientId?: string; clientSecret?: string };
  /** Lifetime of access tokens in seconds (where the provider lets tokens expire). Default: the provider's. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of authorization codes in seconds. Default 60. */
  codeTtlSeconds?: number;
  /** The mock's clock in epoch milliseconds; pass your own to expire tokens without waiting. Default Date.now. */
  now?: () => number;
  /** Faults to inject from the start (see `mock.faults.add`). */
  faults?: FaultRule[];
  /**
   * Check every answer against the spec before sending it; one that does not conform becomes a 500 saying
   * why. Default true.
   */
  validateResponses?: boolean;
  /** How many requests `state.requests` keeps (the oldest are dropped). Default 10 000. */
  requestLogLimit?: number;
  /**
   * How many issued tokens the mock remembers, of each kind: access and session tokens (`state.tokens`),
   * authorization codes (`state.codes`), grants (`state.grants`) and, over all grants, used refresh tokens
   * kept to detect their reuse. The oldest are forgotten first (a grant counts as used when it refreshes)
   * and then refused as unknown. Expired tokens and codes are forgotten too, 10 minutes (of `now`) after
   * they expire. Default 10 000; `Infinity` remembers everything.
   */
  maxIssuedTokens?: number;
  /** Called after each request with its one-line, secret-masked summary (the CLI prints these). */
  onRequest?: (line: string) => void;
}

export interface ResolvedOptions extends Required<Pick<MockOptions, "autoApprove" | "codeTtlSeconds" | "now" | "redirectUris" | "validateResponses">> {
  accessTokenTtlSeconds: number | undefined;
  client: MockOptions["client"];
}
