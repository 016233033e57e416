// Fixtures and the X-Stamp check shared by the turnkey tests.
import { createPublicKey, verify } from "node:crypto";
import type { RecordedRequest } from "@oauth-kit/testkit";
import { expect } from "vitest";

// Fixture key pair of @turnkey/api-key-stamper (RELIABILITY §4.2).
export const API_PUBLIC_KEY = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
export const API_PRIVATE_KEY = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
/** SubjectPublicKeyInfo header for a compressed P-256 point (id-ecPublicKey, prime256v1, BIT STRING of 34 bytes). */
const SPKI_P256_COMPRESSED = "3039301306072a8648ce3d020106082a8648ce3d030107032200";

export const BASE = "https://api.turnkey.com";
export const ORG = "7bd1fbec-e9ee-4b33-abd1-137998866665";
// The spec's example session key, and the OIDC token and session the mocked activities return.
export const SESSION_PUBLIC_KEY = "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d";
export const OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6ImY0NjgzNWJjIn0.c2lnbmF0dXJl";
export const SESSION = "eyJhbGciOiJFUzI1NiJ9.eyJ1c2VyX2lkIjoidS0xIn0.c2Vzc2lvbg";

/**
 * RELIABILITY §4.2: decodes the X-Stamp, asserts its structure (unpadded base64url of exactly publicKey,
 * scheme, signature, in that order; the expected key and scheme), and returns whether the DER signature,
 * checked by node:crypto, covers exactly the bytes that were sent.
 */
export function stampVerifies(request: RecordedRequest, publicKey = API_PUBLIC_KEY): boolean {
  const header = request.headers.get("x-stamp") ?? "";
  expect(header, "X-Stamp is unpadded base64url").toMatch(/^[A-Za-z0-9_-]+$/);
  const stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, string>;
  expect(Object.keys(stamp)).toEqual(["publicKey", "scheme", "signature"]);
  expect(stamp.publicKey).toBe(publicKey);
  expect(stamp.scheme).toBe("SIGNATURE_SCHEME_TK_API_P256");
  const key = createPublicKey({ key: Buffer.from(SPKI_P256_COMPRESSED + stamp.publicKey, "hex"), format: "der", type: "spki" });
  return verify("sha256", Buffer.from(request.body, "utf8"), key, Buffer.from(stamp.signature!, "hex"));
}

/** Asserts that the request carries a well-formed X-Stamp whose signature verifies against the sent bytes. */
export function verifyStamp(request: RecordedRequest, publicKey = API_PUBLIC_KEY): void {
  expect(stampVerifies(request, publicKey), `stamp of ${request.url.pathname} verifies against the sent bytes`).toBe(true);
}

/** An activity response of `type` in `status` with `result`, on the fixture organization. */
export function activityResponse(status: string, type: string, result: Record<string, unknown>) {
  return {
    activity: {
      id: `${type}-id`,
      organizationId: ORG,
      status,
      type,
      intent: {},
      result,
      votes: [],
      fingerprint: "sha256:00",
      canApprove: false,
      canReject: false,
      createdAt: { seconds: "1", nanos: "0" },
      updatedAt: { seconds: "1", nanos: "0" },
    },
  };
}
