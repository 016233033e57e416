import { base64urlEncode } from "../encoding.js";
import { ConfigError } from "../errors.js";
import { randomBytes, webCrypto } from "./random.js";

// PKCE (RFC 7636) with S256 only. `plain` is never offered: it sends the verifier itself in the
// authorize URL, and every provider we target supports S256 (RFC 9700 §2.1.1).

/** RFC 7636 §4.1 `unreserved` characters, the only ones a verifier may contain. */
const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
const MIN_VERIFIER_LENGTH = 43;
const MAX_VERIFIER_LENGTH = 128;

// Bytes at or above this value are discarded so `byte % 66` stays uniform (no modulo bias).
const UNBIASED_LIMIT = 256 - (256 % UNRESERVED.length);

export interface Pkce {
  /** Kept secret until the token request; never put in a URL. */
  verifier: string;
  /** `BASE64URL(SHA256(verifier))`, sent in the authorize URL. */
  challenge: string;
  method: "S256";
}

/**
 * A fresh random verifier of `length` unreserved characters (43–128). The default 43 characters of a
 * 66-symbol alphabet carry about 260 bits, more than the 256 bits RFC 7636 §7.1 recommends.
 * @throws {ConfigError} when `length` is not an integer in 43..128
 */
export function generateCodeVerifier(length: number = MIN_VERIFIER_LENGTH): string {
  if (!Number.isInteger(length) || length < MIN_VERIFIER_LENGTH || length > MAX_VERIFIER_LENGTH) {
    throw new ConfigError(`PKCE code verifier length must be an integer from 43 to 128, got ${String(length)}`);
  }
  let verifier = "";
  while (verifier.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte >= UNBIASED_LIMIT) continue;
      verifier += UNRESERVED[byte % UNRESERVED.length];
      if (verifier.length === length) break;
    }
  }
  return verifier;
}

/**
 * Enforces the RFC 7636 §4.1 rules (43–128 unreserved characters), which oauth4webapi leaves to the
 * caller. The message describes the problem but never quotes the verifier: it is a secret.
 * @throws {ConfigError}
 */
export function assertCodeVerifier(verifier: unknown): asserts verifier is string {
  if (typeof verifier !== "string") {
    throw new ConfigError(`PKCE code verifier must be a string, got ${verifier === null ? "null" : typeof verifier}`);
  }
  if (verifier.length < MIN_VERIFIER_LENGTH || verifier.length > MAX_VERIFIER_LENGTH) {
    throw new ConfigError(`PKCE code verifier must be 43 to 128 characters long, got ${verifier.length}`);
  }
  if (!VERIFIER_PATTERN.test(verifier)) {
    throw new ConfigError("PKCE code verifier may only contain A-Z, a-z, 0-9, '-', '.', '_' and '~'");
  }
}

/** The S256 challenge of RFC 7636 §4.2: unpadded base64url of SHA-256 over the verifier's ASCII bytes. */
export async function computeCodeChallenge(verifier: string): Promise<string> {
  assertCodeVerifier(verifier);
  // The verifier is checked to be ASCII, so UTF-8 encoding equals ASCII(code_verifier).
  const digest = await webCrypto().subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64urlEncode(new Uint8Array(digest));
}

/** A new verifier and its S256 challenge, for one authorization request only. */
export async function createPkce(): Promise<Pkce> {
  const verifier = generateCodeVerifier();
  return { verifier, challenge: await computeCodeChallenge(verifier), method: "S256" };
}
