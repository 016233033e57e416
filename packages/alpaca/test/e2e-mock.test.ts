// The README's quick start, run as written against @oauth-kit/mock (a stateful Alpaca on 127.0.0.1, not
// nock): the mock's fetch sends the real hosts to it, and the quick start reads the mock's broker key.
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";
import { runQuickStart, useNock } from "@oauth-kit/testkit";
import { afterEach, expect, it, vi } from "vitest";
import * as alpaca from "../src/index.js";

useNock();

let mock: MockProvider<"alpaca"> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await mock?.close();
});

it("README quick start runs against the Alpaca mock", async () => {
  // The quick start looks up this client with this redirect URI.
  mock = await startMockProvider("alpaca", { client: { clientId: "7a3c52a910e1dc2abbb14da2b6b8e711" }, redirectUris: ["http://localhost"] });
  vi.stubGlobal("fetch", mock.fetch);

  const { logs, values } = await runQuickStart({
    readme: new URL("../README.md", import.meta.url),
    packageName: "@oauth-kit/alpaca",
    module: alpaca,
    env: { ALPACA_BROKER_KEY: mock.credentials.brokerKey!, ALPACA_BROKER_SECRET: mock.credentials.brokerSecret! },
    returns: ["client"],
  });

  expect(logs).toEqual([["Mock Trading App", "ACTIVE", ["http://localhost"]]]);
  expect(values.client).toMatchObject({ client_id: "7a3c52a910e1dc2abbb14da2b6b8e711", status: "ACTIVE" });
  expect(mock.state.requests.map((request) => [request.operationId, request.status])).toEqual([["getOAuthClient", 200]]);
});

it("a wrong broker secret gets Alpaca's 401", async () => {
  mock = await startMockProvider("alpaca", { client: { clientId: "7a3c52a910e1dc2abbb14da2b6b8e711" } });
  vi.stubGlobal("fetch", mock.fetch);
  await expect(
    runQuickStart({
      readme: new URL("../README.md", import.meta.url),
      packageName: "@oauth-kit/alpaca",
      module: alpaca,
      env: { ALPACA_BROKER_KEY: mock.credentials.brokerKey!, ALPACA_BROKER_SECRET: "not-the-secret" },
    }),
  ).rejects.toMatchObject({ status: 401 });
});
