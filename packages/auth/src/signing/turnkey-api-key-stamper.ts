import { base64urlEncode, bytesToHex, hexToBytes } from "../encoding.js";
import { ConfigError } from "../errors.js";
import type { Stamper } from "./stamper.js";

// Turnkey API-key stamps (X-Stamp), byte-compatible with `@turnkey/api-key-stamper` but built on
// WebCrypto alone so it runs unchanged in browsers and Node and adds no runtime dependency.

/** Header that carries an API-key stamp. */
export const TURNKEY_STAMP_HEADER = "X-Stamp";
/** Scheme for P-256 API keys: ECDSA over SHA-256, DER signature. */
export const TURNKEY_STAMP_SCHEME = "SIGNATURE_SCHEME_TK_API_P256";

export interface TurnkeyApiKeyStamperOptions {
  /** Compressed SEC1 P-256 public key, hex (33 bytes, `02`/`03` prefix), as shown in the Turnkey dashboard. */
  apiPublicKey: string;
  /** The 32-byte P-256 private scalar, hex. Upper-case, a `0x` prefix and dropped leading zeros are accepted. */
  apiPrivateKey: string;
}

export interface TurnkeyApiKeyStamper extends Stamper {
  /** The normalised (lower-case) compressed public key that every stamp carries. */
  readonly publicKey: string;
}

// P-256 domain parameters (SEC 2 §2.4.2). Only public values (the public point) go through BigInt.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
// Group order n as hex, so the private key's range check is a string comparison and the secret
// scalar is never turned into a BigInt.
const N_HEX = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

const KEY_ALG: EcKeyImportParams = { name: "ECDSA", namedCurve: "P-256" };
const SIGN_ALG: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };
const SWAPPED_HINT = "Did you switch your public and private key?";
const MISMATCH = "Turnkey API key pair does not match: the private key does not derive the public key";

const encoder = new TextEncoder();

/**
 * Creates a stamper for a Turnkey API key. Async so that the key is parsed, imported (non-extractable)
 * and checked against the public key once, up front: a bad or mismatched key fails here with a
 * {@link ConfigError}, before any request is signed or sent. Error messages never quote the keys.
 */
export async function createTurnkeyApiKeyStamper(options: TurnkeyApiKeyStamperOptions): Promise<TurnkeyApiKeyStamper> {
  assertTurnkeyApiKeyFormat(options?.apiPublicKey, options?.apiPrivateKey);
  const pub = parsePublicKey(options?.apiPublicKey);
  const d = parsePrivateKey(options?.apiPrivateKey);

  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ConfigError("Turnkey stamping needs WebCrypto (globalThis.crypto.subtle), which is not available here");

  const point = { kty: "EC", crv: "P-256", x: base64urlEncode(pub.x), y: base64urlEncode(pub.y) };
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = await subtle.importKey("jwk", { ...point, d: base64urlEncode(d) }, KEY_ALG, false, ["sign"]);
    publicKey = await subtle.importKey("jwk", point, KEY_ALG, false, ["verify"]);
  } catch {
    // Both inputs are already valid on their own (scalar in range, point on the curve), so an engine
    // that checks JWK consistency on import can only be rejecting the pair. No cause: it could echo key data.
    throw new ConfigError(MISMATCH);
  }

  // Other engines import a JWK whose d does not match x,y without complaint, and would then send
  // signatures Turnkey rejects. Signing a probe and verifying it against the public key catches that
  // the same way everywhere.
  const probe = encoder.encode("oauth-kit: Turnkey API key pair check");
  const probeSignature = await subtle.sign(SIGN_ALG, privateKey, probe);
  if (!(await subtle.verify(SIGN_ALG, publicKey, probeSignature, probe))) throw new ConfigError(MISMATCH);

  return Object.freeze({
    publicKey: pub.hex,
    async stamp(body: string) {
      if (typeof body !== "string") throw new ConfigError("Turnkey stamps sign the exact request body string; got a non-string body");
      // Turnkey verifies the bytes it receives; there is no canonicalisation, so sign exactly `body`.
      const p1363 = new Uint8Array(await subtle.sign(SIGN_ALG, privateKey, encoder.encode(body)));
      // Key order matters to byte-for-byte parity with the official SDK: publicKey, scheme, signature.
      const stamp = { publicKey: pub.hex, scheme: TURNKEY_STAMP_SCHEME, signature: bytesToHex(p1363ToDer(p1363)) };
      return { headerName: TURNKEY_STAMP_HEADER, headerValue: base64urlEncode(encoder.encode(JSON.stringify(stamp))) };
    },
  });
}

/**
 * The checks on a Turnkey API key that need no crypto and no curve arithmetic, synchronously: both keys
 * present and hex, the public key a compressed point (33 bytes, `02`/`03` prefix), the private key at most
 * 32 bytes, with a hint when the two look swapped. Whether the point is on the curve, the scalar in range
 * and the pair matching is left to {@link createTurnkeyApiKeyStamper}. Messages never quote a key.
 * @throws {ConfigError}
 */
export function assertTurnkeyApiKeyFormat(apiPublicKey: unknown, apiPrivateKey: unknown): void {
  // Public key first: when the two are swapped its check gives the clearer hint.
  publicKeyHex(apiPublicKey);
  privateKeyHex(apiPrivateKey);
}

function stripHexPrefix(value: string): string {
  const trimmed = value.trim();
  return /^0x/i.test(trimmed) ? trimmed.slice(2) : trimmed;
}

/** The private key's hex, lower-case, without `0x`: at most 32 bytes, not yet range-checked. */
function privateKeyHex(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError("Turnkey apiPrivateKey is missing");
  const hex = stripHexPrefix(value).toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new ConfigError("Turnkey apiPrivateKey must be hex (the 32-byte P-256 private scalar)");
  if (hex.length > 64) {
    // 33 bytes starting 02/03 is the shape of a compressed public key.
    const hint = hex.length === 66 && /^0[23]/.test(hex) ? ` ${SWAPPED_HINT}` : "";
    throw new ConfigError(`Turnkey apiPrivateKey is longer than 32 bytes.${hint}`);
  }
  return hex;
}

/** Returns the 32-byte scalar. Accepts upper-case, `0x` and dropped leading zeros (some tools print minimal hex). */
function parsePrivateKey(value: unknown): Uint8Array {
  const padded = privateKeyHex(value).padStart(64, "0");
  // Same-length lower-case hex compares like the numbers it encodes.
  if (/^0+$/.test(padded) || padded >= N_HEX) throw new ConfigError("Turnkey apiPrivateKey is not a valid P-256 private key (out of range)");
  return hexToBytes(padded);
}

/** The public key's hex, lower-case, without `0x`: a compressed point's shape, not yet checked to be on the curve. */
function publicKeyHex(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError("Turnkey apiPublicKey is missing");
  const hex = stripHexPrefix(value).toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new ConfigError("Turnkey apiPublicKey must be hex (a compressed P-256 public key)");
  if (hex.length === 64) throw new ConfigError(`Turnkey apiPublicKey is 32 bytes, the size of a private key. ${SWAPPED_HINT}`);
  if (hex.length === 130 && hex.startsWith("04")) {
    throw new ConfigError("Turnkey apiPublicKey is an uncompressed point; Turnkey API keys use the compressed form (33 bytes, 02/03 prefix)");
  }
  if (hex.length !== 66 || !/^0[23]/.test(hex)) {
    throw new ConfigError("Turnkey apiPublicKey must be a compressed P-256 public key: 33 bytes of hex starting with 02 or 03");
  }
  return hex;
}

/** Parses the compressed point and recovers y, which WebCrypto's JWK import needs. */
function parsePublicKey(value: unknown): { hex: string; x: Uint8Array; y: Uint8Array } {
  const hex = publicKeyHex(value);
  const x = BigInt(`0x${hex.slice(2)}`);
  const y = decompressY(x, hex.startsWith("03"));
  if (y === undefined) throw new ConfigError(`Turnkey apiPublicKey is not a point on P-256. ${SWAPPED_HINT}`);
  return { hex, x: hexToBytes(hex.slice(2)), y: hexToBytes(y.toString(16).padStart(64, "0")) };
}

/** y from x on y² = x³ − 3x + b (mod p); undefined when x is not on the curve. */
function decompressY(x: bigint, odd: boolean): bigint | undefined {
  if (x >= P) return undefined;
  const y2 = (((x * x * x - 3n * x + B) % P) + P) % P;
  // p ≡ 3 (mod 4), so a square root, when one exists, is y2^((p+1)/4).
  const root = modPow(y2, (P + 1n) / 4n, P);
  if ((root * root) % P !== y2) return undefined;
  // No point on P-256 has y = 0 (prime order), so root and P - root always differ in parity.
  return (root & 1n) === (odd ? 1n : 0n) ? root : P - root;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** WebCrypto returns IEEE-P1363 r‖s; Turnkey expects ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`. */
function p1363ToDer(signature: Uint8Array): Uint8Array {
  if (signature.length !== 64) throw new Error(`Unexpected P-256 signature length ${signature.length}`);
  const r = derInteger(signature.subarray(0, 32));
  const s = derInteger(signature.subarray(32));
  // At most 2 × 35 content bytes, so the short (one-byte) length form always applies.
  const der = new Uint8Array(2 + r.length + s.length);
  der[0] = 0x30;
  der[1] = r.length + s.length;
  der.set(r, 2);
  der.set(s, 2 + r.length);
  return der;
}

/** Minimal DER INTEGER for an unsigned big-endian value: strip leading zeros, add 0x00 if the high bit is set. */
function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const value = bytes.subarray(start);
  const pad = ((value[0] ?? 0) & 0x80) !== 0 ? 1 : 0;
  const out = new Uint8Array(2 + pad + value.length);
  out[0] = 0x02;
  out[1] = pad + value.length;
  out.set(value, 2 + pad);
  return out;
}
