import { type Client, type ProviderClientOptions, type RefreshableToken, ConfigError, bearer, createProviderClient } from "@oauth-kit/auth";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";
import { lockoutAwareFetch } from "./lockout.js";

/** `live`, `demo` or `connect-demo`, as named in specs/tradovate.yaml. */
export type TradovateEnvironment = keyof typeof metadata.servers;

export interface TradovateClientOptions extends ProviderClientOptions<TradovateEnvironment> {
  /** A fixed access token, sent as a bearer on `/auth/renewaccesstoken` and `/auth/me` (and only there). */
  accessToken?: string | undefined;
  /**
   * A token that refreshes itself: a session from createTradovateSession(), a source from
   * createTradovateOAuthTokenSource(), or any createTokenSource(). A 401 is replayed once with a fresh token.
   */
  tokenSource?: RefreshableToken | undefined;
}

export type TradovateClient = Client<paths>;

// Clients whose bearer comes from a token source. A session must not send its own token calls through
// one of them: the renewal would wait on the very token it is renewing.
const tokenSourceClients = new WeakSet<object>();

/** True when `client` was created with a `tokenSource`. */
export function usesTokenSource(client: TradovateClient): boolean {
  return tokenSourceClients.has(client);
}

/**
 * An openapi-fetch client for Tradovate's `/auth/*` endpoints. `environment` defaults to `demo` rather than
 * to the spec's first server (`live`), so that forgetting it never touches a live account; `baseUrl` sends
 * everything to one place instead (a mock server). The token calls (`oauthtoken`, `accesstokenrequest`)
 * never carry the bearer: the spec declares `security: []` for them.
 */
export function createTradovateClient(options: TradovateClientOptions = {}): TradovateClient {
  const { accessToken, tokenSource, environment, fetch, ...rest } = options;
  if (accessToken !== undefined && tokenSource !== undefined) {
    throw new ConfigError("pass either accessToken or tokenSource, not both");
  }
  const token = accessToken ?? tokenSource;
  const client = createProviderClient<paths, TradovateEnvironment>({
    ...rest,
    environment: environment ?? (rest.baseUrl === undefined ? "demo" : undefined),
    fetch: lockoutAwareFetch(fetch),
    metadata,
    credentials: token === undefined ? {} : { bearerAccessToken: bearer(token) },
  });
  if (tokenSource !== undefined) tokenSourceClients.add(client);
  return client;
}
