// The README's quick start, run as written against @oauth-kit/mock (a stateful Predict on 127.0.0.1, not
// nock): the code comes from the mock's authorize page, finalize turns it into a connection token, the
// OPEN orders are paged with the mock's cursors, and the created order joins them.
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";
import { runQuickStart, useNock, operationsAnswered } from "@oauth-kit/testkit";
import { afterEach, expect, it, vi } from "vitest";
import * as predict from "../src/index.js";
import { ACCOUNT, CONTRACT_ORDER, SIGNER } from "./helpers.js";

useNock();

const REDIRECT_URI = "https://app.example.com/predict/callback";
let mock: MockProvider<"predict"> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await mock?.close();
});

const wallet: predict.PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: async (data) => `0x${Buffer.from(JSON.stringify(data)).toString("hex")}` };

async function authCodeFrom(current: MockProvider<"predict">): Promise<string> {
  const url = new URL(current.credentials.authorizeUrl!);
  url.search = new URLSearchParams({ response_type: "code", client_id: "acme-trading-app", redirect_uri: REDIRECT_URI, state: "st" }).toString();
  const response = await fetch(url, { redirect: "manual" });
  return new URL(response.headers.get("location")!).searchParams.get("code")!;
}

it("README quick start runs against the Predict mock: finalize, two pages of OPEN orders, create (201)", async () => {
  // 120 seeded orders, every other one OPEN: 60 OPEN orders, so pages of 50 need the cursor once.
  mock = await startMockProvider("predict", { client: { clientId: "acme-trading-app" }, redirectUris: [REDIRECT_URI], autoApprove: true, seedRecords: 120 });
  const authCode = await authCodeFrom(mock);
  const signedOrder = { ...CONTRACT_ORDER, expiration: Math.floor(Date.now() / 1000) + 3600, hash: `0x${"ab".repeat(32)}` };
  vi.stubGlobal("fetch", mock.fetch);

  const { logs } = await runQuickStart({
    readme: new URL("../README.md", import.meta.url),
    packageName: "@oauth-kit/predict",
    module: predict,
    env: { PREDICT_API_KEY: mock.credentials.apiKey! },
    inputs: { wallet, authCode, signedOrder },
  });

  const listed = logs.filter(([first]) => first !== "created order");
  expect(listed).toHaveLength(60);
  expect(listed.every(([, status]) => status === "OPEN")).toBe(true);
  expect(new Set(listed.map(([id]) => id)).size).toBe(60);
  const created = logs.at(-1)!;
  expect(created[0]).toBe("created order");
  expect(mock.state.connections.get(ACCOUNT.toLowerCase())!.orders[0]!.id).toBe(created[1]);
  expect(operationsAnswered(mock.state.requests)).toEqual([
    ["finalizeOAuthConnection", 200],
    ["getOAuthOrders", 200],
    ["getOAuthOrders", 200],
    ["createOAuthOrder", 201],
  ]);
});

it("a signature the pluggable check rejects gets Predict's 401", async () => {
  mock = await startMockProvider("predict", { client: { clientId: "acme-trading-app" }, redirectUris: [REDIRECT_URI], autoApprove: true, verifySignature: () => false });
  const authCode = await authCodeFrom(mock);
  vi.stubGlobal("fetch", mock.fetch);
  await expect(
    runQuickStart({
      readme: new URL("../README.md", import.meta.url),
      packageName: "@oauth-kit/predict",
      module: predict,
      env: { PREDICT_API_KEY: mock.credentials.apiKey! },
      inputs: { wallet, authCode, signedOrder: CONTRACT_ORDER },
    }),
  ).rejects.toMatchObject({ status: 401 });
});
