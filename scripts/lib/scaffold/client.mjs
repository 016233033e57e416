// src/client.ts (and src/token-source.ts for bearer auth): the client factory, mapping each security
// scheme of the spec skeleton to a friendly option. The mapping per scheme type:
//   http basic -> `credentials: { username, password }`     apiKey -> `apiKey`
//   http bearer -> `accessToken` (fixed) or `tokenSource` (refreshing: create<Name>TokenSource())

const OPTIONS = {
  basic: `  /** HTTP Basic, sent on the operations whose spec security declares \`BasicAuth\` (and only there). */
  credentials?: { username: string; password: string } | undefined;`,
  "api-key": `  /** Sent in the \`ApiKeyAuth\` header on the operations whose spec security declares it (and only there). */
  apiKey?: string | undefined;`,
  bearer: `  /** A fixed access token, sent as a bearer on the operations whose spec security declares \`BearerAuth\`. */
  accessToken?: string | undefined;
  /** Instead of \`accessToken\`: a token that refreshes itself (create__PASCAL__TokenSource()). A 401 refreshes it once. */
  tokenSource?: RefreshableToken | undefined;`,
};

const MAPPING = {
  basic: "    BasicAuth: options.credentials && basic(options.credentials.username, options.credentials.password),",
  "api-key": "    ApiKeyAuth: options.apiKey === undefined ? undefined : apiKey(options.apiKey),",
  bearer: "    BearerAuth: token === undefined ? undefined : bearer(token),",
};

const OWN_OPTIONS = { basic: ["credentials"], "api-key": ["apiKey"], bearer: ["accessToken", "tokenSource"] };
const HELPERS = { basic: ["basic"], "api-key": ["apiKey"], bearer: ["ConfigError", "bearer"] };

export function clientSource(n, auth) {
  const bearerAuth = auth.includes("bearer");
  const imports = [
    "type Client",
    "type CredentialMap",
    "type ProviderClientOptions",
    ...(bearerAuth ? ["type RefreshableToken"] : []),
    ...auth.flatMap((mode) => HELPERS[mode]),
    "createProviderClient",
  ];
  const own = auth.flatMap((mode) => OWN_OPTIONS[mode]);
  return `import {
  ${imports.join(",\n  ")},
} from "@oauth-kit/auth";
import { metadata } from "./generated/metadata.js";
import type { paths } from "./generated/schema.js";

/** The environments named in specs/${n.name}.yaml (\`servers[].x-environment\`); the first is the default. */
export type ${n.pascal}Environment = keyof typeof metadata.servers;

export interface ${n.pascal}ClientOptions extends ProviderClientOptions<${n.pascal}Environment> {
${auth.map((mode) => OPTIONS[mode].replaceAll("__PASCAL__", n.pascal)).join("\n")}
}

export type ${n.pascal}Client = Client<paths>;

/** The friendly options, keyed by the spec's security scheme names; each operation gets what it declares. */
function credentialsOf(options: ${n.pascal}ClientOptions): CredentialMap {
${
  bearerAuth
    ? `  if (options.accessToken !== undefined && options.tokenSource !== undefined) {
    throw new ConfigError("pass either accessToken or tokenSource to create${n.pascal}Client(), not both");
  }
  const token = options.accessToken ?? options.tokenSource;
`
    : ""
}  return {
${auth.map((mode) => MAPPING[mode]).join("\n")}
  };
}

/**
 * An openapi-fetch client for ${n.pascal}. \`environment\` picks the host; \`baseUrl\` sends everything to one
 * place instead (a mock server, a proxy).
 */
export function create${n.pascal}Client(options: ${n.pascal}ClientOptions = {}): ${n.pascal}Client {
  const { ${own.map((key) => `${key}: _${key}`).join(", ")}, ...rest } = options;
  return createProviderClient<paths, ${n.pascal}Environment>({ ...rest, metadata, credentials: credentialsOf(options) });
}
`;
}

export function tokenSourceSource(n) {
  return `import { type RefreshGrantOptions, type TokenSource, createRefreshGrant } from "@oauth-kit/auth";
import type { ${n.pascal}Environment } from "./client.js";
import { metadata } from "./generated/metadata.js";

export type ${n.pascal}TokenSourceOptions = Omit<RefreshGrantOptions<${n.pascal}Environment>, "metadata" | "tokenEndpoint">;

/**
 * Tokens that refresh themselves at the spec's token endpoint (\`POST /oauth/token\`, the refresh grant, client
 * authentication as the spec declares it), for \`create${n.pascal}Client({ tokenSource })\`. Pass the tokens of
 * your authorization flow as \`initial\` and persist rotated ones in \`onTokens\`.
 */
export function create${n.pascal}TokenSource(options: ${n.pascal}TokenSourceOptions): TokenSource {
  return createRefreshGrant({ ...options, metadata, tokenEndpoint: "POST /oauth/token" });
}
`;
}

export function indexSource(n, auth) {
  const bearerAuth = auth.includes("bearer");
  return `export { create${n.pascal}Client, type ${n.pascal}Client, type ${n.pascal}ClientOptions, type ${n.pascal}Environment } from "./client.js";
${bearerAuth ? `export { create${n.pascal}TokenSource, type ${n.pascal}TokenSourceOptions } from "./token-source.js";\n` : ""}export { metadata } from "./generated/metadata.js";
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./types.js";
// The error family and unwrap(), the same in every oauth-kit package.
export * from "@oauth-kit/auth/errors";
${bearerAuth ? `// What the helpers above take or return, so one install is enough.\nexport type { TokenSet, TokenSource } from "@oauth-kit/auth";\n` : ""}`;
}

export function typesSource(n, auth) {
  const schemas = ["Account", ...(auth.includes("bearer") ? ["TokenResponse"] : [])];
  return `// Readable names for the schemas of specs/${n.name}.yaml. TODO(new-provider): one line per schema users meet.
import type { components } from "./generated/schema.js";

${schemas.map((name) => `export type ${name} = components["schemas"]["${name}"];`).join("\n")}
`;
}
