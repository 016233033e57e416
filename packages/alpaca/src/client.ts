import { type Client, type ProviderClientOptions, basic, createProviderClient } from "@oauth-kit/auth";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";

/** `sandbox` or `production`, as named in specs/alpaca.yaml. */
export type AlpacaEnvironment = keyof typeof metadata.servers;

export interface AlpacaClientOptions extends ProviderClientOptions<AlpacaEnvironment> {
  /**
   * Broker API key and secret, sent as HTTP Basic on the Broker OAuth operations (and only there:
   * the Connect and client-credentials token endpoints take their client credentials in the form body).
   */
  credentials?: { key: string; secret: string } | undefined;
}

export type AlpacaClient = Client<paths>;

/**
 * An openapi-fetch client for Alpaca's OAuth endpoints. `environment` (default `sandbox`) picks the Broker
 * host; Alpaca Connect's token endpoint always goes to api.alpaca.markets and the client-credentials
 * endpoint to the matching authx host. `baseUrl` sends everything to one place instead (a mock server).
 */
export function createAlpacaClient(options: AlpacaClientOptions = {}): AlpacaClient {
  const { credentials, ...rest } = options;
  return createProviderClient<paths, AlpacaEnvironment>({
    ...rest,
    metadata,
    credentials: credentials ? { BasicAuth: basic(credentials.key, credentials.secret) } : {},
  });
}
