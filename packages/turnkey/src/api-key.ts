import { ConfigError, type Stamper, type TurnkeyApiKeyStamper, createTurnkeyApiKeyStamper } from "@oauth-kit/auth";

// createTurnkeyClient is synchronous like every other create<Provider>Client, but the auth package's
// stamper is async (it imports the key into WebCrypto and proves the pair matches). So the key's shape
// is checked here, at once, and the stamper is built on the first request, which awaits it inside the
// credential middleware: a key that is well-formed but wrong fails that request before anything is sent.

const SWAPPED_HINT = "Did you switch your public and private key?";

function hexOf(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`Turnkey ${name} is missing`);
  const trimmed = value.trim();
  const hex = (/^0x/i.test(trimmed) ? trimmed.slice(2) : trimmed).toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new ConfigError(`Turnkey ${name} must be hex`);
  return hex;
}

/**
 * The shape checks that need no crypto: hex, the compressed public key's length and prefix, a private
 * key of at most 32 bytes. Messages never quote a key. The curve, range and pair checks follow on the
 * first request (createTurnkeyApiKeyStamper).
 * @throws {ConfigError}
 */
export function assertApiKeyShape(apiPublicKey: unknown, apiPrivateKey: unknown): void {
  const pub = hexOf(apiPublicKey, "apiPublicKey");
  if (pub.length === 64) throw new ConfigError(`Turnkey apiPublicKey is 32 bytes, the size of a private key. ${SWAPPED_HINT}`);
  if (pub.length === 130 && pub.startsWith("04")) {
    throw new ConfigError("Turnkey apiPublicKey is an uncompressed point; Turnkey API keys use the compressed form (33 bytes, 02/03 prefix)");
  }
  if (pub.length !== 66 || !/^0[23]/.test(pub)) {
    throw new ConfigError("Turnkey apiPublicKey must be a compressed P-256 public key: 33 bytes of hex starting with 02 or 03");
  }
  const priv = hexOf(apiPrivateKey, "apiPrivateKey");
  if (priv.length > 64) {
    const hint = priv.length === 66 && /^0[23]/.test(priv) ? ` ${SWAPPED_HINT}` : "";
    throw new ConfigError(`Turnkey apiPrivateKey is longer than 32 bytes.${hint}`);
  }
}

/**
 * A Stamper that builds the real one on its first use and reuses it afterwards. The outcome is kept
 * either way: a key pair that does not match will not start matching, so every request fails the same
 * way, before it is sent.
 */
export function lazyApiKeyStamper(keys: { apiPublicKey: string; apiPrivateKey: string }): Stamper {
  let stamper: Promise<TurnkeyApiKeyStamper> | undefined;
  return {
    async stamp(body) {
      stamper ??= createTurnkeyApiKeyStamper(keys);
      return (await stamper).stamp(body);
    },
  };
}
