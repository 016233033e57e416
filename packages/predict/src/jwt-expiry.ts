/**
 * The expiry a JWT carries (`exp`, and `iat` for its lifetime), read without verifying it: it only
 * decides when to log in again, and Predict verifies the token on every call anyway. Predict's JWTs are
 * valid for 24 hours; one without a readable `exp` is used until Predict rejects it.
 */
export function jwtExpiry(jwt: string): { expiresAt: number; expiresIn?: number } | undefined {
  const payload = jwt.split(".")[1];
  if (!payload) return undefined;
  let claims: unknown;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
  } catch {
    return undefined;
  }
  const { exp, iat } = (claims ?? {}) as { exp?: unknown; iat?: unknown };
  if (typeof exp !== "number" || !Number.isFinite(exp)) return undefined;
  const expiresAt = exp * 1000;
  return typeof iat === "number" && iat < exp ? { expiresAt, expiresIn: exp - iat } : { expiresAt };
}
