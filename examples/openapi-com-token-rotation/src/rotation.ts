// Keeps an openapi.com token usable: when the stored token expires within `rotateWithinMs`, it is rotated
// (PATCH /tokens/{token} with its refresh token), and the new token and refresh token are persisted before
// anything else happens: openapi.com deletes the old token, so a rotation that was not stored would lock
// you out. The vault here is a JSON file; use your secret store.
import { readFile, rename, writeFile } from "node:fs/promises";
import { type OpenapiComClient, rotateToken, unwrap } from "@oauth-kit/openapi-com";

export interface StoredToken {
  token: string;
  refreshToken: string;
}

export async function readVault(file: string): Promise<StoredToken> {
  return JSON.parse(await readFile(file, "utf8")) as StoredToken;
}

async function writeVault(file: string, stored: StoredToken): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(stored, null, 2), { mode: 0o600 });
  await rename(temporary, file);
}

/** Rotates the stored token if it expires within `rotateWithinMs`; returns the token to use now. */
export async function freshToken(openapi: OpenapiComClient, file: string, rotateWithinMs = 7 * 24 * 3600_000): Promise<{ token: string; rotated: boolean }> {
  const stored = await readVault(file);
  const detail = unwrap(await openapi.GET("/tokens/{token}", { params: { path: { token: stored.token } } }));
  const expiresAt = detail.expireAt ? Date.parse(detail.expireAt) : 0; // unknown: rotate to be safe
  if (expiresAt - Date.now() > rotateWithinMs) return { token: stored.token, rotated: false };

  const rotated = await rotateToken(openapi, {
    token: stored.token,
    refreshToken: stored.refreshToken,
    persist: ({ token, refreshToken }) => writeVault(file, { token, refreshToken }),
  });
  return { token: rotated.token, rotated: true };
}
