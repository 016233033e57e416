// Every operation of specs/turnkey.yaml, driven by the spec's own examples (see @oauth-kit/testkit), with
// each request's X-Stamp verified by node:crypto against the raw body bytes that reached the mock.
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { createTurnkeyClient, metadata } from "../src/index.js";
import { API_PRIVATE_KEY, API_PUBLIC_KEY, ORG, verifyStamp } from "./helpers.js";

useNock();
const spec = await loadSpec("specs/turnkey.yaml");

describe("turnkey production", () => {
  describeSpecOperations({
    spec,
    metadata,
    environment: "production",
    // A stamp is a fresh ECDSA signature per request: X-Stamp must be present (and no other auth header),
    // and verifyStamp proves it signs exactly the bytes sent.
    credentials: { ApiKeyAuth: { signature: { header: "X-Stamp", verify: (_value, request) => verifyStamp(request) } } },
    createClient: (fetch) =>
      createTurnkeyClient({ apiPublicKey: API_PUBLIC_KEY, apiPrivateKey: API_PRIVATE_KEY, organizationId: ORG, retry: false, fetch }),
  });
});
