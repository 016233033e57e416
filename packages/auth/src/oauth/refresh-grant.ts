import { type ProviderClientOptions, createProviderClient } from "../client.js";
import { type CredentialMap } from "../credentials/apply-credentials.js";
import { basic } from "../credentials/credential.js";
import { ConfigError } from "../errors.js";
import type { ApiMetadata, OperationMetadata } from "../metadata.js";
import { tokenFromResult } from "../token-result.js";
import { type TokenSource, type TokenSourceOptions, createTokenSource } from "../token-source.js";
import type { ParseTokenResponseOptions, TokenSet } from "./token-response.js";

export interface RefreshGrantOptions<Environment extends string = string>
  extends ProviderClientOptions<Environment>,
    Omit<TokenSourceOptions, "refresh"> {
  /** The provider's generated metadata (`import { metadata } from "./generated/metadata.js"`). */
  metadata: ApiMetadata;
  /** The spec's token endpoint, as a key of `metadata.operations`, e.g. `"POST /oauth/token"`. */
  tokenEndpoint: string;
  clientId: string;
  /** Omit for a public client (PKCE): only `client_id` is sent. */
  clientSecret?: string | undefined;
  /**
   * Body media type; one of those the operation declares (form or JSON). Default: the first one the
   * spec lists, so the spec decides.
   */
  mediaType?: string | undefined;
  /** More body fields of the refresh request (`scope`, `resource`, ...). */
  params?: Readonly<Record<string, string>> | undefined;
  /** For providers whose token response uses its own member names or token types. */
  tokenResponse?: Omit<ParseTokenResponseOptions, "status" | "receivedAt"> | undefined;
  /**
   * Credentials for the token endpoint when its security is not plain client authentication (an API key
   * the provider wants on every call, say). Given, they replace the Basic client authentication below.
   */
  credentials?: CredentialMap | undefined;
}

/**
 * A bearer token source that refreshes itself with the standard refresh grant (RFC 6749 §6) at the
 * operation the spec declares as the token endpoint, for `bearer(...)` / a provider client's `tokenSource`.
 *
 * The refresh goes through a client of its own, built from the same metadata with only the token
 * endpoint's credentials, so there is no cycle to untangle: the bearer client needs the token source,
 * the token source needs nothing from it.
 *
 * Client authentication follows the operation's `security` in the spec:
 * - it declares an HTTP Basic scheme: `client_secret_basic` (client id and secret as Basic, RFC 6749 §2.3.1);
 * - it declares none (`security: []`, or `{}` as an alternative): `client_secret_post`, `client_id` and
 *   `client_secret` in the body (just `client_id` for a public client);
 * - anything else needs `credentials`.
 *
 * Everything createTokenSource() does comes with it: one refresh in flight, a refresh response without a
 * refresh token keeps the old one, `invalid_grant` is latched until setTokens(), rotation safety.
 */
export function createRefreshGrant<Environment extends string = string>(options: RefreshGrantOptions<Environment>): TokenSource {
  const {
    metadata,
    tokenEndpoint,
    clientId,
    clientSecret,
    mediaType,
    params,
    tokenResponse,
    credentials,
    initial,
    skewMs,
    onTokens,
    rotatesRefreshToken,
    now,
    ...clientOptions
  } = options;
  const operation = metadata.operations[tokenEndpoint];
  if (operation === undefined) {
    throw new ConfigError(`${tokenEndpoint} is not an operation of ${metadata.spec}; expected "METHOD /path" as in its metadata`);
  }
  if (typeof clientId !== "string" || clientId === "") throw new ConfigError("clientId must be a non-empty string");
  const type = mediaType ?? operation.requestMediaTypes[0];
  if (type === undefined) throw new ConfigError(`${operation.operationId} declares no request body; it cannot be a token endpoint`);

  const auth = clientAuthentication(metadata, operation, clientId, clientSecret, credentials);
  const client = createProviderClient<Record<string, never>, Environment>({ ...clientOptions, metadata, credentials: auth.credentials });
  const request = (client as unknown as { request: (method: string, path: string, init: object) => Promise<RefreshResult> }).request;

  return createTokenSource({
    initial,
    skewMs,
    onTokens,
    rotatesRefreshToken,
    now,
    refresh: async (current: TokenSet | undefined) => {
      if (current?.refreshToken === undefined) {
        throw new ConfigError(`no refresh token to send to ${operation.operationId}: complete the authorization flow again`);
      }
      const body = { ...params, grant_type: "refresh_token", refresh_token: current.refreshToken, ...auth.bodyFields };
      const result = await request(operation.method, operation.path, { body, headers: { "Content-Type": type } });
      return tokenFromResult(result, { ...tokenResponse, receivedAt: (now ?? Date.now)() });
    },
  });
}

interface RefreshResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** How the token endpoint's `security` says the client authenticates: a credential map and body fields. */
function clientAuthentication(
  metadata: ApiMetadata,
  operation: OperationMetadata,
  clientId: string,
  clientSecret: string | undefined,
  credentials: CredentialMap | undefined,
): { credentials: CredentialMap; bodyFields: Record<string, string> } {
  if (credentials !== undefined) return { credentials, bodyFields: { client_id: clientId } };
  const basicScheme = operation.security
    .filter((alternative) => alternative.length === 1)
    .map(([name]) => name!)
    .find((name) => {
      const scheme = metadata.securitySchemes[name];
      return scheme?.type === "http" && scheme.scheme === "basic";
    });
  if (basicScheme !== undefined && clientSecret !== undefined) {
    return { credentials: { [basicScheme]: basic(clientId, clientSecret) }, bodyFields: {} };
  }
  const open = operation.security.length === 0 || operation.security.some((alternative) => alternative.length === 0);
  if (!open) {
    throw new ConfigError(
      `${operation.operationId} requires ${operation.security.map((a) => a.join(" + ")).join(" or ")}: pass them as \`credentials\``,
    );
  }
  return { credentials: {}, bodyFields: clientSecret === undefined ? { client_id: clientId } : { client_id: clientId, client_secret: clientSecret } };
}
