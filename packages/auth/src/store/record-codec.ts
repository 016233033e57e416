import { bytesToHex, hexToBytes } from "../encoding.js";
import { ConfigError, StoreError } from "../errors.js";
import { randomBytes, webCrypto } from "../oauth/random.js";
import type { TokenRecordData } from "./token-store.js";

/** Encrypts a serialized token record at rest; see aesGcmEncryption(). */
export interface RecordEncryption {
  encrypt(plaintext: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
}

/** The random value naming a lease holder. */
export function randomOwner(): string {
  return bytesToHex(randomBytes(16));
}

/**
 * How a store names a grant: the SHA-256 of the caller's key, so nothing a key may contain (an account
 * name, let alone a token someone used as a key) is ever written to the store in the clear.
 */
export async function grantHash(key: string): Promise<string> {
  const digest = await webCrypto().subtle.digest("SHA-256", new TextEncoder().encode(`oauth-kit grant\0${key}`));
  return bytesToHex(new Uint8Array(digest));
}

/** The stored form of a record's data: JSON, encrypted when the store was given an encryption. */
export async function encodeRecord(data: TokenRecordData, encryption: RecordEncryption | undefined): Promise<string> {
  const json = JSON.stringify(data);
  return encryption ? encryption.encrypt(json) : json;
}

/** Reads what encodeRecord() wrote. A StoreError (never the stored text) when it cannot. */
export async function decodeRecord(stored: string, encryption: RecordEncryption | undefined): Promise<TokenRecordData> {
  let json = stored;
  if (encryption) {
    try {
      json = await encryption.decrypt(stored);
    } catch (error) {
      throw error instanceof StoreError
        ? error
        : new StoreError("decrypt", "cannot decrypt the stored token record: wrong key or tampered data");
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new StoreError(
      "corrupt",
      encryption ? "the decrypted token record is not JSON" : "the stored token record is not JSON (encrypted with a key this store was not given?)",
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new StoreError("corrupt", "the stored token record is not an object");
  return data as TokenRecordData;
}

const FORMAT = "aesgcm1";

/**
 * AES-256-GCM (WebCrypto) with your 32-byte key: each record gets a random 96-bit IV, and a wrong key or
 * a changed byte fails the authentication tag, which decryption reports as a StoreError (`decrypt`).
 * Stored as `aesgcm1.<hex iv>.<hex ciphertext+tag>`. Keep the key out of the store (a secret manager).
 */
export function aesGcmEncryption(key: Uint8Array | CryptoKey): RecordEncryption {
  if (key instanceof Uint8Array && key.length !== 32) throw new ConfigError("aesGcmEncryption needs a 32-byte key");
  let imported: Promise<CryptoKey> | undefined;
  const cryptoKey = () =>
    (imported ??=
      key instanceof Uint8Array
        ? webCrypto().subtle.importKey("raw", new Uint8Array(key), { name: "AES-GCM" }, false, ["encrypt", "decrypt"])
        : Promise.resolve(key));
  return {
    async encrypt(plaintext) {
      const iv = randomBytes(12);
      const sealed = await webCrypto().subtle.encrypt({ name: "AES-GCM", iv }, await cryptoKey(), new TextEncoder().encode(plaintext));
      return `${FORMAT}.${bytesToHex(iv)}.${bytesToHex(new Uint8Array(sealed))}`;
    },
    async decrypt(ciphertext) {
      const [format, iv, sealed] = ciphertext.split(".");
      if (format !== FORMAT || !iv || !sealed) {
        throw new StoreError("decrypt", "the stored token record is not AES-GCM encrypted by oauth-kit (stored in the clear?)");
      }
      try {
        const plain = await webCrypto().subtle.decrypt(
          { name: "AES-GCM", iv: new Uint8Array(hexToBytes(iv)) },
          await cryptoKey(),
          new Uint8Array(hexToBytes(sealed)),
        );
        return new TextDecoder().decode(plain);
      } catch {
        throw new StoreError("decrypt", "cannot decrypt the stored token record: wrong key or tampered data");
      }
    },
  };
}
