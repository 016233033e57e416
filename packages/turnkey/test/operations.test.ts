// Every operation of specs/turnkey.yaml, driven by the spec's own examples (see @oauth-kit/testkit), with
// each request's X-Stamp verified by node:crypto against the raw body bytes that reached the mock.
import { createPublicKey, verify } from "node:crypto";
import { describe, expect } from "vitest";
import { type RecordedRequest, describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { createTurnkeyClient, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/turnkey.yaml");

// Fixture key pair of @turnkey/api-key-stamper (RELIABILITY §4.2).
const API_PUBLIC_KEY = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
const API_PRIVATE_KEY = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
const SPKI_P256_COMPRESSED = "3039301306072a8648ce3d020106082a8648ce3d030107032200";

/** RELIABILITY §4.2: decode, check the three keys and the scheme, verify the DER signature over the raw body. */
function expectValidStamp(request: RecordedRequest): void {
  const header = request.headers.get("x-stamp") ?? "";
  expect(header, "X-Stamp is unpadded base64url").toMatch(/^[A-Za-z0-9_-]+$/);
  const stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, string>;
  expect(Object.keys(stamp)).toEqual(["publicKey", "scheme", "signature"]);
  expect(stamp.publicKey).toBe(API_PUBLIC_KEY);
  expect(stamp.scheme).toBe("SIGNATURE_SCHEME_TK_API_P256");
  const key = createPublicKey({ key: Buffer.from(SPKI_P256_COMPRESSED + stamp.publicKey, "hex"), format: "der", type: "spki" });
  const signature = Buffer.from(stamp.signature!, "hex");
  expect(verify("sha256", Buffer.from(request.body, "utf8"), key, signature), "stamp verifies against the sent bytes").toBe(true);
}

// testkit compares each auth header with a value known in advance, but a stamp is a fresh ECDSA signature
// per request. So the expected value is read back from the request this client sent (testkit reads it
// after the call), which keeps the "X-Stamp present, nothing else" check, and expectValidStamp proves it.
let sentStamp: string | undefined;

describe("turnkey production", () => {
  describeSpecOperations({
    spec,
    metadata,
    environment: "production",
    credentials: {
      ApiKeyAuth: {
        get apiKey() {
          return sentStamp ?? "(no X-Stamp was sent)";
        },
      },
    },
    createClient: (fetch) => {
      sentStamp = undefined;
      return createTurnkeyClient({
        apiPublicKey: API_PUBLIC_KEY,
        apiPrivateKey: API_PRIVATE_KEY,
        organizationId: "7bd1fbec-e9ee-4b33-abd1-137998866665",
        retry: false,
        fetch: (request) => {
          sentStamp = request.headers.get("x-stamp") ?? undefined;
          return fetch(request);
        },
      });
    },
    assertRequest: (request) => expectValidStamp(request),
  });
});
