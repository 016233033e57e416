import { ConfigError } from "./errors.js";

// Byte/text encodings shared by the auth helpers. Only `btoa` and plain string work, so the same code
// runs in browsers and Node without `Buffer`.

/** Unpadded base64url (RFC 4648 §5), as used by PKCE challenges, JWK members and Turnkey's X-Stamp. */
export function base64urlEncode(bytes: Uint8Array): string {
  let binary = "";
  // Chunked so a large input does not exceed the engine's argument-count limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lower-case hex, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += HEX[byte];
  return out;
}

/**
 * Parses hex (either case, no prefix). The input is often key material, so the error never quotes it.
 * @throws {ConfigError} on odd length or a non-hex character
 */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new ConfigError("Invalid hex string: odd length");
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new ConfigError("Invalid hex string: contains a non-hex character");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
