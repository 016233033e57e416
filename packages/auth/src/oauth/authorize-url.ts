import { ConfigError } from "../errors.js";
import { snippet } from "../redact.js";
import { encodeScope } from "./scope.js";

/**
 * Parameters the library sets itself. Letting `extraParams` replace one would silently undo a
 * protection (e.g. drop PKCE, or send the user to another redirect URI), so that is an error.
 */
const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "scope",
  "code_challenge",
  "code_challenge_method",
]);

/** Names of values that are secrets: a URL ends up in browser history, logs and Referer headers. */
const SECRET_PARAMS: ReadonlySet<string> = new Set([
  "client_secret",
  "client_assertion",
  "code_verifier",
  "password",
  "access_token",
  "refresh_token",
  "id_token",
]);

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export interface AuthorizeUrlOptions {
  /** The provider's authorization endpoint; https (http only for localhost/127.0.0.1/[::1]). */
  authorizeUrl: string | URL;
  clientId: string;
  /** Sent exactly as given; the token request must repeat this same string (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** From `generateState()`. */
  state: string;
  scope?: string | readonly string[] | undefined;
  /** Separator between scopes; default a space. */
  scopeDelimiter?: string | undefined;
  /** The S256 challenge from `createPkce()`; `false` or omitted sends no PKCE parameters. */
  pkce?: { challenge: string } | false | undefined;
  /** Provider-specific parameters (`audience`, `prompt`, ...). They can never replace a reserved one. */
  extraParams?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Builds the authorization-request URL of RFC 6749 §4.1.1 (+ RFC 7636 §4.3). It always carries
 * `response_type=code`, `client_id`, the exact `redirect_uri` and `state`, and, with PKCE,
 * `code_challenge` plus an explicit `code_challenge_method=S256` (the RFC default is `plain`).
 * Spaces are encoded as `%20`, which every server decodes, rather than `+`, which some do not.
 * @throws {ConfigError} on an unsafe endpoint, an invalid redirect URI, an empty state, or an extra
 *   parameter that is reserved or named like a secret
 */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = parseEndpoint(options.authorizeUrl);
  assertRedirectUri(options.redirectUri);
  assertNonEmpty("clientId", options.clientId);
  assertNonEmpty("state", options.state);

  // Parameters already in the endpoint URL are kept, but may not pre-empt ours either.
  for (const name of new Set(url.searchParams.keys())) assertAllowedExtra(name, "authorizeUrl");

  const params = new URLSearchParams(url.searchParams);
  params.set("response_type", "code");
  params.set("client_id", options.clientId);
  params.set("redirect_uri", options.redirectUri);
  if (options.scope !== undefined) params.set("scope", encodeScope(options.scope, options.scopeDelimiter));
  params.set("state", options.state);
  if (options.pkce) {
    if (typeof options.pkce.challenge !== "string" || !S256_CHALLENGE.test(options.pkce.challenge)) {
      throw new ConfigError("pkce.challenge must be an S256 challenge (43 base64url characters) from createPkce()");
    }
    params.set("code_challenge", options.pkce.challenge);
    params.set("code_challenge_method", "S256");
  }
  for (const [name, value] of Object.entries(options.extraParams ?? {})) {
    assertAllowedExtra(name, "extraParams");
    if (value === undefined) continue;
    if (typeof value !== "string") throw new ConfigError(`extraParams.${snippet(name)} must be a string`);
    params.append(name, value);
  }

  // URLSearchParams writes a literal '+' as %2B, so every '+' it emits stands for a space.
  url.search = params.toString().replace(/\+/g, "%20");
  return url.href;
}

function parseEndpoint(input: string | URL): URL {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : undefined;
  if (raw === undefined) throw new ConfigError("authorizeUrl must be a string or URL");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("authorizeUrl must be an absolute URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError("authorizeUrl must use https (http is allowed only for localhost)");
  }
  if (raw.includes("#")) throw new ConfigError("authorizeUrl must not contain a fragment");
  if (url.username || url.password) throw new ConfigError("authorizeUrl must not contain credentials");
  return url;
}

/** RFC 6749 §3.1.2: absolute, no fragment. The string is not normalised: it is used byte-for-byte. */
function assertRedirectUri(redirectUri: unknown): asserts redirectUri is string {
  if (typeof redirectUri !== "string" || redirectUri === "") {
    throw new ConfigError("redirectUri must be a non-empty string");
  }
  if (redirectUri !== redirectUri.trim()) {
    throw new ConfigError("redirectUri must not have leading or trailing whitespace");
  }
  try {
    new URL(redirectUri);
  } catch {
    throw new ConfigError(`redirectUri must be an absolute URI: ${snippet(redirectUri)}`);
  }
  if (redirectUri.includes("#")) throw new ConfigError("redirectUri must not contain a fragment (RFC 6749 §3.1.2)");
}

function assertNonEmpty(name: string, value: unknown): void {
  if (typeof value !== "string" || value === "") throw new ConfigError(`${name} must be a non-empty string`);
}

/**
 * Control and invisible format characters (NUL, tab, zero-width space, BOM...): a server may drop them
 * and read `state\0` as `state`, so a name containing one is refused outright.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * The name a lenient server may end up reading: compatibility forms folded (NFKC: fullwidth `ｓｔａｔｅ`,
 * ligatures), Unicode case folded (upper then lower case also folds `ſ` to `s` and `ı` to `i`), combining
 * marks dropped (`İ` lower-cases to `i` plus a dot above), and surrounding whitespace trimmed.
 */
function foldParamName(name: string): string {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFKC").trim();
}

function assertAllowedExtra(name: string, where: string): void {
  if (name === "") throw new ConfigError(`${where} contains a parameter with an empty name`);
  if (INVISIBLE.test(name)) {
    throw new ConfigError(`${where} contains a parameter name with a control or invisible character: "${snippet(name)}"`);
  }
  // Compared folded, so `Client_ID`, `ſtate` or `state ` cannot smuggle a second value past a lenient server.
  const folded = foldParamName(name);
  if (RESERVED_PARAMS.has(folded)) {
    throw new ConfigError(`${where} must not set the reserved parameter "${snippet(name)}"; use the dedicated option`);
  }
  if (SECRET_PARAMS.has(folded)) {
    throw new ConfigError(`${where} must not carry the secret parameter "${snippet(name)}" in a URL`);
  }
  if (folded === "") throw new ConfigError(`${where} contains a parameter with a blank name`);
}
