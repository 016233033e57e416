// Every operation of specs/tradovate.yaml, driven by the spec's own examples (see @oauth-kit/testkit). The
// oauthtoken operation has request examples in both of its media types, so it is sent both ways.
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { createTradovateClient, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/tradovate.yaml");
const accessToken = "Vb3oL9yq2XkPjR1sT7uW0aZ5cE8fH4iK6mN2pQ9rS1tU3vX5yZ7bD0eG2hJ4kL6";

for (const environment of ["live", "demo", "connect-demo"] as const) {
  describe(`tradovate ${environment}`, () => {
    describeSpecOperations({
      spec,
      metadata,
      environment,
      credentials: { bearerAccessToken: { bearer: accessToken } },
      createClient: (fetch) => createTradovateClient({ environment, accessToken, retry: false, fetch }),
    });
  });
}
