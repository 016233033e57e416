import { createClient } from "@redis/client";
import { expect } from "vitest";

/** Every key in the Redis at `url` is one of the store's, named by a hash: no token value, no raw grant key. */
export async function expectOnlyHashedKeys(url: string, forbidden: readonly string[]): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const keys = await client.keys("*");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^oauth-kit:\{[0-9a-f]{64}\}:(record|lease)$/);
      for (const value of forbidden) expect(key).not.toContain(value);
    }
  } finally {
    client.destroy();
  }
}
