import {
  type Client,
  type CredentialMap,
  type ProviderClientOptions,
  type RefreshableToken,
  ConfigError,
  apiKey as apiKeyCredential,
  bearer,
  createProviderClient,
} from "@oauth-kit/auth";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";

/** `mainnet` or `testnet`, as named in specs/predict.yaml. The default is `mainnet`. */
export type PredictEnvironment = keyof typeof metadata.servers;

export interface PredictClientOptions extends ProviderClientOptions<PredictEnvironment> {
  /**
   * Sent as `x-api-key` on every operation. Required on mainnet (creating a mainnet client without one
   * throws a ConfigError); testnet accepts requests without a key.
   */
  apiKey?: string | undefined;
  /**
   * A token sent as `Authorization: Bearer` on the OAuth operations (orders, create, cancel, positions):
   * the token from finalizeConnection() or the JWT from loginWithSignature(). Never sent on the auth and
   * finalize endpoints, whose security does not declare it.
   */
  jwt?: string | undefined;
  /** Instead of `jwt`: a token that renews itself, e.g. createLoginTokenSource(). A 401 renews it once. */
  tokenSource?: RefreshableToken | undefined;
}

export type PredictClient = Client<paths>;

const MAINNET_ORIGIN = new URL(metadata.servers.mainnet).origin;

/**
 * The spec lists an empty security alternative so that testnet works without credentials, which means
 * the generic middleware would happily send a keyless mainnet request and let Predict reject it. The
 * mainnet rule is enforced here instead, when the client is created, so nothing is ever sent without it.
 */
function assertApiKeyForMainnet(options: PredictClientOptions): void {
  if (options.apiKey !== undefined) return;
  const target =
    options.baseUrl === undefined
      ? (options.environment ?? "mainnet") === "mainnet"
      : URL.canParse(options.baseUrl) && new URL(options.baseUrl).origin === MAINNET_ORIGIN;
  if (target) {
    throw new ConfigError(
      "Predict mainnet requires an API key: pass `apiKey` to createPredictClient(), or use `environment: \"testnet\"`",
    );
  }
}

function credentialsOf(options: PredictClientOptions): CredentialMap {
  if (options.jwt !== undefined && options.tokenSource !== undefined) {
    throw new ConfigError("pass either `jwt` or `tokenSource` to createPredictClient(), not both");
  }
  const token = options.jwt ?? options.tokenSource;
  return {
    ApiKeyAuth: options.apiKey === undefined ? undefined : apiKeyCredential(options.apiKey),
    BearerAuth: token === undefined ? undefined : bearer(token),
  };
}

/**
 * An openapi-fetch client for Predict's auth and OAuth-connection endpoints. `environment` (default
 * `mainnet`) picks the host; `baseUrl` sends everything to one place instead (a mock server, a proxy).
 * Each operation gets exactly the credentials its spec entry declares: `x-api-key` everywhere, the bearer
 * token only on the OAuth operations after finalize.
 */
export function createPredictClient(options: PredictClientOptions = {}): PredictClient {
  assertApiKeyForMainnet(options);
  const { apiKey: _apiKey, jwt: _jwt, tokenSource: _tokenSource, ...rest } = options;
  return createProviderClient<paths, PredictEnvironment>({ ...rest, metadata, credentials: credentialsOf(options) });
}
