import { ConfigError } from "../errors.js";
import { buildAuthorizeUrl } from "./authorize-url.js";
import type { PendingAuthorizationStore } from "./pending-store.js";
import { computeCodeChallenge, generateCodeVerifier } from "./pkce.js";
import { generateState } from "./state.js";

export interface StartAuthorizationOptions {
  /** Which provider this request goes to; `completeAuthorization` checks the callback against it. */
  provider: string;
  authorizeUrl: string | URL;
  clientId: string;
  redirectUri: string;
  scope?: string | readonly string[] | undefined;
  scopeDelimiter?: string | undefined;
  /** Send an S256 challenge. Use it whenever the provider supports PKCE (RFC 9700 §2.1.1). */
  pkce: boolean;
  store: PendingAuthorizationStore;
  /** The provider's issuer identifier, checked against the callback's `iss` (RFC 9207). */
  issuer?: string | undefined;
  extraParams?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface StartedAuthorization {
  /** Where to send the user. */
  url: string;
  /** Also embedded in `url`; returned so the caller can bind it to the user's session if it wishes. */
  state: string;
}

/**
 * Starts an authorization-code flow: a fresh `state` (and PKCE pair), the authorize URL, and the
 * pending request saved under that state. The URL is built before saving, so invalid options leave
 * nothing behind in the store.
 */
export async function startAuthorization(options: StartAuthorizationOptions): Promise<StartedAuthorization> {
  if (typeof options.provider !== "string" || options.provider === "") {
    throw new ConfigError("provider must be a non-empty string");
  }
  const state = generateState();
  const codeVerifier = options.pkce ? generateCodeVerifier() : undefined;
  const url = buildAuthorizeUrl({
    authorizeUrl: options.authorizeUrl,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state,
    scope: options.scope,
    scopeDelimiter: options.scopeDelimiter,
    pkce: codeVerifier === undefined ? false : { challenge: await computeCodeChallenge(codeVerifier) },
    extraParams: options.extraParams,
  });
  await options.store.save(state, {
    provider: options.provider,
    redirectUri: options.redirectUri,
    ...(codeVerifier === undefined ? {} : { codeVerifier }),
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    createdAt: Date.now(),
  });
  return { url, state };
}
