import { type Client, ConfigError, type Credential, type ProviderClientOptions, basic, createProviderClient } from "@oauth-kit/auth";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";

/** `production` or `sandbox`, as named in specs/openapi-com.yaml. */
export type OpenapiComEnvironment = keyof typeof metadata.servers;

/** The account credentials from the openapi.com console. */
export interface OpenapiComCredentials {
  /** The account email: the HTTP Basic username. */
  email: string;
  /** The account API key: the HTTP Basic password. */
  apiKey: string;
}

export interface OpenapiComClientOptions extends ProviderClientOptions<OpenapiComEnvironment> {
  /**
   * Sent as HTTP Basic on every operation the spec declares it for, which is all of them. The one
   * exception is a rotation (rotateToken), which sends the token's refresh token as Bearer instead.
   */
  credentials: OpenapiComCredentials;
}

export type OpenapiComClient = Client<paths>;

function accountCredential(credentials: OpenapiComCredentials | undefined): Credential {
  if (credentials === null || typeof credentials !== "object") {
    throw new ConfigError("credentials { email, apiKey } are required: every openapi.com OAuth operation uses HTTP Basic");
  }
  if (typeof credentials.email !== "string" || credentials.email === "") {
    throw new ConfigError("credentials.email must be the openapi.com account email");
  }
  if (typeof credentials.apiKey !== "string" || credentials.apiKey === "") {
    throw new ConfigError("credentials.apiKey must be the openapi.com account API key");
  }
  return basic(credentials.email, credentials.apiKey);
}

/**
 * An openapi-fetch client for the openapi.com OAuth V2 API. `environment` defaults to `sandbox` (free test
 * requests, so a forgotten setting never spends wallet credit); `baseUrl` sends everything to one place
 * instead (a mock server). Errors from /tokens/{token} name the path template, never the token.
 */
export function createOpenapiComClient(options: OpenapiComClientOptions): OpenapiComClient {
  const { credentials, environment, ...rest } = options ?? ({} as Partial<OpenapiComClientOptions>);
  return createProviderClient<paths, OpenapiComEnvironment>({
    ...rest,
    environment: environment ?? "sandbox",
    metadata,
    credentials: { BasicAuth: accountCredential(credentials) },
  });
}
