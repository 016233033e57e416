// Every operation of specs/alpaca.yaml, driven by the spec's own examples (see @oauth-kit/testkit).
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { createAlpacaClient, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/alpaca.yaml");

for (const environment of ["sandbox", "production"] as const) {
  describe(`alpaca ${environment}`, () => {
    describeSpecOperations({
      spec,
      metadata,
      environment,
      credentials: { BasicAuth: { basic: ["AKBROKERKEY123", "broker-secret-value-xyz"] } },
      createClient: (fetch) =>
        createAlpacaClient({
          environment,
          credentials: { key: "AKBROKERKEY123", secret: "broker-secret-value-xyz" },
          retry: false,
          fetch,
        }),
    });
  });
}
