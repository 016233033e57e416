// Every operation of specs/openapi-com.yaml, driven by the spec's own examples (see @oauth-kit/testkit).
// The client holds only Basic credentials, so every operation, PATCH /tokens/{token} included (its first
// security alternative), must carry Basic; the RefreshAuth alternative is tested in rotate-token.test.ts.
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { createOpenapiComClient, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/openapi-com.yaml");
const email = "dev@example.com";
const apiKey = "oc-api-key-0123456789abcdef";

for (const environment of ["production", "sandbox"] as const) {
  describe(`openapi.com ${environment}`, () => {
    describeSpecOperations({
      spec,
      metadata,
      environment,
      credentials: { BasicAuth: { basic: [email, apiKey] } },
      createClient: (fetch) => createOpenapiComClient({ environment, credentials: { email, apiKey }, retry: false, fetch }),
    });
  });
}
