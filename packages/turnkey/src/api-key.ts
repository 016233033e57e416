import { type Stamper, type TurnkeyApiKeyStamper, createTurnkeyApiKeyStamper } from "@oauth-kit/auth";

// createTurnkeyClient is synchronous like every other create<Provider>Client, but the auth package's
// stamper is async (it imports the key into WebCrypto and proves the pair matches). So the key's shape
// is checked at once (assertTurnkeyApiKeyFormat), and the stamper is built on the first request, which
// awaits it inside the credential middleware: a key that is well-formed but wrong (not on the curve, out
// of range, or not a pair) fails that request before anything is sent.

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
