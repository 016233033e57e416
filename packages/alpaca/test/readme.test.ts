// The README's quick start, run against a mock Broker API.
import { useNock } from "@oauth-kit/testkit";
import { expect, it, vi } from "vitest";
import { createAlpacaClient, unwrap } from "../src/index.js";

const nock = useNock();

it("README quick start: reads an OAuth client with Basic auth", async () => {
  process.env.ALPACA_BROKER_KEY = "AKREADMEKEY";
  process.env.ALPACA_BROKER_SECRET = "readme-secret";
  nock("https://broker-api.sandbox.alpaca.markets")
    .get("/v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711")
    .query({ response_type: "code", redirect_uri: "http://localhost", scope: "general" })
    .basicAuth({ user: "AKREADMEKEY", pass: "readme-secret" })
    .reply(200, { name: "TradingApp", status: "ACTIVE", redirect_uri: ["http://localhost"] });
  const log = vi.spyOn(console, "log").mockImplementation(() => {});

  // --- README ---
  const alpaca = createAlpacaClient({
    environment: "sandbox", // or "production"
    credentials: { key: process.env.ALPACA_BROKER_KEY!, secret: process.env.ALPACA_BROKER_SECRET! },
  });

  const client = unwrap(
    await alpaca.GET("/v1/oauth/clients/{client_id}", {
      params: {
        path: { client_id: "7a3c52a910e1dc2abbb14da2b6b8e711" },
        query: { response_type: "code", redirect_uri: "http://localhost", scope: "general" },
      },
    }),
  );
  console.log(client.name, client.status, client.redirect_uri);
  // --- end README ---

  expect(log).toHaveBeenCalledWith("TradingApp", "ACTIVE", ["http://localhost"]);
  log.mockRestore();
});
