import { ConfigError } from "@oauth-kit/auth";

// EVM address: Predict runs on BNB Chain. Checked so that a swapped argument (or a private key pasted
// where an address belongs) fails here, before it is signed over or sent. Messages never echo the value.
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function assertAddress(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string" || !ADDRESS.test(value)) {
    throw new ConfigError(`${what} must be a 0x-prefixed 20-byte hex address`);
  }
}

export function assertNonEmpty(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${what} must be a non-empty string`);
}

/**
 * The caller's signing callback (sync or async) must resolve to a non-empty string; anything else is a
 * bug in the wallet glue and would only come back later as an opaque 400 from Predict.
 */
export async function signatureFrom(signing: unknown, what: string): Promise<string> {
  const signature = await signing;
  if (typeof signature !== "string" || signature.trim() === "") {
    throw new ConfigError(`${what} must return (or resolve to) a non-empty signature string, got ${describe(signature)}`);
  }
  return signature;
}

// The type only: a bad return value may still be secret material.
function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return "an empty string";
  return typeof value;
}
