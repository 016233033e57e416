import { base64urlEncode } from "../encoding.js";
import { randomBytes } from "./random.js";

/**
 * A fresh, unguessable `state` for one authorization request: 32 random bytes as unpadded base64url
 * (43 characters), as oauth4webapi's `generateRandomState` does. It is the CSRF token of RFC 6749
 * §10.12 and the key under which the pending request is stored, so it must never be reused.
 */
export function generateState(): string {
  return base64urlEncode(randomBytes(32));
}
