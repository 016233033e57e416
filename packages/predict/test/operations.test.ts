// Every operation of specs/predict.yaml, driven by the spec's own examples (see @oauth-kit/testkit),
// including the 201 of order creation and every documented error body.
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { type PredictEnvironment, createPredictClient, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/predict.yaml");

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

// Which credentials each run configures: both (the bearer only goes where the spec declares it), the API
// key alone, and on testnet a bearer alone and nothing at all (the spec's empty alternative).
const runs: { environment: PredictEnvironment; name: string; apiKey?: string; jwt?: string }[] = [
  { environment: "mainnet", name: "API key + JWT", apiKey: API_KEY, jwt: JWT },
  { environment: "mainnet", name: "API key only", apiKey: API_KEY },
  { environment: "testnet", name: "API key + JWT", apiKey: API_KEY, jwt: JWT },
  { environment: "testnet", name: "JWT only", jwt: JWT },
  { environment: "testnet", name: "no credentials" },
];

for (const { environment, name, apiKey, jwt } of runs) {
  describe(`predict ${environment}, ${name}`, () => {
    describeSpecOperations({
      spec,
      metadata,
      environment,
      credentials: {
        ...(apiKey === undefined ? {} : { ApiKeyAuth: { apiKey } }),
        ...(jwt === undefined ? {} : { BearerAuth: { bearer: jwt } }),
      },
      createClient: (fetch) => createPredictClient({ environment, apiKey, jwt, retry: false, fetch }),
    });
  });
}
