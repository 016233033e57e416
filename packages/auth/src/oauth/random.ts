import { ConfigError } from "../errors.js";

// Every random value of the authorization flow (state, PKCE verifier) comes from here, so there is
// exactly one place that decides where randomness comes from: the Web Crypto CSPRNG, which exists in
// browsers and in Node >= 19 as `globalThis.crypto`. There is deliberately no `Math.random` fallback.

/** The Web Crypto object, or a `ConfigError` when the runtime has none (never a weaker substitute). */
export function webCrypto(): Crypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.getRandomValues || !crypto.subtle) {
    throw new ConfigError("globalThis.crypto (Web Crypto) is not available in this runtime");
  }
  return crypto;
}

/** `length` bytes from the CSPRNG. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  webCrypto().getRandomValues(bytes);
  return bytes;
}
