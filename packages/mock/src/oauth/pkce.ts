// RFC 7636 §4.6: the server recomputes the challenge from the verifier.

/** Whether `verifier` matches `challenge` under `method` (S256 or plain). */
export async function pkceMatches(verifier: string, challenge: string, method: string | undefined): Promise<boolean> {
  if ((method ?? "plain") === "plain") return verifier === challenge;
  if (method !== "S256") return false;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return Buffer.from(digest).toString("base64url") === challenge;
}
