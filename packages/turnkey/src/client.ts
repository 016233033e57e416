import {
  type Client,
  ConfigError,
  type ProviderClientOptions,
  assertTurnkeyApiKeyFormat,
  createProviderClient,
  stamp,
} from "@oauth-kit/auth";
import { lazyApiKeyStamper } from "./api-key.js";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";

/** `production`, the only server in specs/turnkey.yaml (Turnkey sandboxes with separate organizations). */
export type TurnkeyEnvironment = keyof typeof metadata.servers;

export interface TurnkeyClientOptions extends ProviderClientOptions<TurnkeyEnvironment> {
  /** The API key's compressed P-256 public key, hex (33 bytes, `02`/`03` prefix), as the dashboard shows it. */
  apiPublicKey: string;
  /** The API key's 32-byte private scalar, hex. Never sent: it signs each request body into `X-Stamp`. */
  apiPrivateKey: string;
  /** The organization activities and queries go to unless a call names another (e.g. a sub-organization). */
  organizationId: string;
}

/** An openapi-fetch client for the operations of specs/turnkey.yaml, plus the defaults the helpers read. */
export type TurnkeyClient = Client<paths> & {
  /** The default organization of activities and queries. */
  readonly organizationId: string;
  /** The API key the client signs with (public half; the private key is not reachable from the client). */
  readonly apiPublicKey: string;
};

/**
 * A client for Turnkey's OAuth activities and queries. Every request is stamped: the auth package's
 * credential middleware signs the exact body string and sets `X-Stamp`, and the transport beneath sends
 * those same bytes (a retry resends them too). Queries are retried (the spec marks them
 * `x-idempotent`); activities are not, unless a failure proves nothing was sent.
 *
 * Synchronous, like every oauth-kit client: the keys' shape is checked here, and the key pair itself
 * (curve point, range, private key derives public key) on the first request, before it is sent.
 * @throws {ConfigError} a missing or malformed key or organization id
 */
export function createTurnkeyClient(options: TurnkeyClientOptions): TurnkeyClient {
  const { apiPublicKey, apiPrivateKey, organizationId, ...rest } = options ?? ({} as TurnkeyClientOptions);
  assertTurnkeyApiKeyFormat(apiPublicKey, apiPrivateKey);
  if (typeof organizationId !== "string" || organizationId.trim() === "") {
    throw new ConfigError("Turnkey organizationId must be a non-empty string");
  }
  const client = createProviderClient<paths, TurnkeyEnvironment>({
    ...rest,
    metadata,
    credentials: { ApiKeyAuth: stamp(lazyApiKeyStamper({ apiPublicKey, apiPrivateKey })) },
  });
  return Object.defineProperties(client, {
    organizationId: { value: organizationId, enumerable: true },
    apiPublicKey: { value: apiPublicKey, enumerable: true },
  }) as TurnkeyClient;
}
