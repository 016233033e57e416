// The README's quick start, run against a mock of Predict mainnet, and checked to be the README's text.
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import * as predictPackage from "../src/index.js";
import { type PredictWallet, createPredictClient, finalizeConnection, paginateOrders, signEnvelope, unwrap } from "../src/index.js";
import { ACCOUNT, CONTRACT_ORDER, SIGNER } from "./helpers.js";

const nock = useNock();

const API_KEY = "pk_live_readme_0000";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWFkbWUifQ.connection";
const order = (id: string, amountFilled: string) => ({ id, status: "OPEN", amountFilled });

// What the quick start takes from the reader's own code.
const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: async (data) => `0xsig-${data.timestamp}` };
const authCode = "a3f9c2e1b7d84f60";
const signedOrder = CONTRACT_ORDER;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-11T01:40:00Z"));
  vi.stubEnv("PREDICT_API_KEY", API_KEY);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

it("README quick start: finalizes the connection, pages through orders and creates an order (201)", async () => {
  const envelope = (data: object) => ({ signer: SIGNER, account: ACCOUNT, signature: "0xsig-1765417200", data: { timestamp: 1765417200, ...data } });
  const api = nock("https://api.predict.fun", { reqheaders: { "x-api-key": API_KEY } });
  api
    .post("/v1/oauth/finalize", envelope({ clientId: "acme-trading-app", authCode }))
    .matchHeader("authorization", (value) => value === undefined)
    .reply(200, { success: true, data: { token: TOKEN } });
  api
    .post("/v1/oauth/orders", envelope({ first: "50", status: "OPEN" }))
    .matchHeader("authorization", `Bearer ${TOKEN}`)
    .reply(200, { success: true, cursor: "c1", data: [order("88214593", "0")] })
    .post("/v1/oauth/orders", envelope({ first: "50", after: "c1", status: "OPEN" }))
    .matchHeader("authorization", `Bearer ${TOKEN}`)
    .reply(200, { success: true, data: [order("88214617", "10")] });
  api
    .post("/v1/oauth/orders/create", envelope({ pricePerShare: "550000000000000000", strategy: "LIMIT", order: signedOrder }))
    .matchHeader("authorization", `Bearer ${TOKEN}`)
    .reply(201, { success: true, data: { code: "OK", orderId: "88214650", orderHash: "0xd04b" } });
  const log = vi.spyOn(console, "log").mockImplementation(() => {});

  // --- README ---
  // What your app brings: `wallet` ({ signer, account, sign }) is your wallet glue (see "Signed envelopes"),
  // `authCode` comes from Predict's authorization step, and `signedOrder` is an order signed for the exchange contract.
  const apiKey = process.env.PREDICT_API_KEY!;
  const predict = createPredictClient({ environment: "mainnet", apiKey });

  // 1. Finalize the OAuth connection: a wallet-signed envelope in, a connection token out.
  const token = await finalizeConnection(predict, wallet, { clientId: "acme-trading-app", authCode });

  // 2. Act for the connected account, with that token as bearer.
  const connected = createPredictClient({ environment: "mainnet", apiKey, jwt: token });

  for await (const order of paginateOrders(connected, wallet, { status: "OPEN", pageSize: 50 })) {
    console.log(order.id, order.status, order.amountFilled);
  }

  const created = unwrap(
    await connected.POST("/v1/oauth/orders/create", {
      body: await signEnvelope(wallet, { pricePerShare: "550000000000000000", strategy: "LIMIT", order: signedOrder }),
    }),
  );
  console.log("created order", created.data.orderId); // HTTP 201
  // --- end README ---

  expect(log.mock.calls).toEqual([
    ["88214593", "OPEN", "0"],
    ["88214617", "OPEN", "10"],
    ["created order", "88214650"],
  ]);
  log.mockRestore();
});

it("the quick start above is the README's, word for word, and imports only what the package exports", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const quickStart = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(quickStart, "README has a ts block under ## Quick start").toBeDefined();
  const [importLine, ...lines] = quickStart!.split("\n");
  // The reader's own inputs are `declare const` lines in the README; this test defines them above.
  const declared = lines.filter((line) => line.startsWith("declare const "));
  expect(declared).toEqual(["declare const wallet: PredictWallet, authCode: string, signedOrder: ContractOrder;"]);
  const body = lines.filter((line) => !line.startsWith("declare const "));

  const source = await readFile(new URL(import.meta.url), "utf8");
  const marked = /\/\/ --- README ---\n([\s\S]*?)\s*\/\/ --- end README ---/.exec(source)?.[1];
  const dedented = marked!.split("\n").map((line) => line.replace(/^ {2}/, ""));
  expect(body.join("\n").trim()).toBe(dedented.join("\n").trim());

  const imported = /^import \{ ([^}]+) \} from "@oauth-kit\/predict";$/.exec(importLine!)?.[1]?.split(", ");
  const values = imported!.filter((name) => !name.startsWith("type "));
  expect(values).toEqual(["createPredictClient", "finalizeConnection", "paginateOrders", "signEnvelope", "unwrap"]);
  for (const name of values) expect(predictPackage).toHaveProperty(name);
});
