/** A random URL-safe token: `prefix` then `bytes` random bytes in base64url. */
export function randomToken(prefix: string, bytes = 24): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return `${prefix}${Buffer.from(buffer).toString("base64url")}`;
}

/** A random RFC 4122 version 4 UUID. */
export const randomUuid = (): string => crypto.randomUUID();
