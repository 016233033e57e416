// paginateOrders() / paginatePositions(): cursor pagination as an async iterator, one freshly signed
// envelope per page.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  InvalidResponseError,
  type PredictWallet,
  createPredictClient,
  paginateOrders,
  paginatePositions,
} from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const START = Date.parse("2025-12-11T01:40:00Z");

// Minimal stand-ins: pagination only reads `data` and `cursor`.
const order = (id: string) => ({ id, status: "OPEN" });
const position = (id: string) => ({ id, amount: "1" });

function setup() {
  const recorder = recordingFetch();
  const client = createPredictClient({ apiKey: API_KEY, fetch: recorder.fetch });
  // Every signature moves the clock on 7 s, so each page must carry a later timestamp than the last.
  const sign = vi.fn((data: object) => {
    const signature = `sig-${JSON.stringify(data)}`;
    vi.setSystemTime(Date.now() + 7_000);
    return signature;
  });
  const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign };
  const sent = () => recorder.requests.map((request) => JSON.parse(request.body) as { signature: string; data: Record<string, unknown> });
  return { client, wallet, sign, sent, api: nock("https://api.predict.fun") };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("paginateOrders", () => {
  it("follows the cursor page by page, each page a freshly signed envelope", async () => {
    const { client, wallet, sign, sent, api } = setup();
    api
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c1", data: [order("1"), order("2")] })
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c2", data: [order("3")] })
      .post("/v1/oauth/orders")
      .reply(200, { success: true, data: [order("4")] });

    const orders = await collect(paginateOrders(client, wallet, { status: "OPEN", pageSize: 2 }));

    expect(orders.map((o) => o.id)).toEqual(["1", "2", "3", "4"]);
    const seconds = START / 1000;
    expect(sent().map((body) => body.data)).toEqual([
      { timestamp: seconds, first: "2", status: "OPEN" },
      { timestamp: seconds + 7, first: "2", after: "c1", status: "OPEN" },
      { timestamp: seconds + 14, first: "2", after: "c2", status: "OPEN" },
    ]);
    // Each request carries the signature made for its own data.
    expect(sent().map((body) => body.signature)).toEqual(sent().map((body) => `sig-${JSON.stringify(body.data)}`));
    expect(sign).toHaveBeenCalledTimes(3);
  });

  it("fetches pages lazily: breaking out of the loop requests nothing more", async () => {
    const { client, wallet, sent, api } = setup();
    api.post("/v1/oauth/orders").reply(200, { success: true, cursor: "c1", data: [order("1"), order("2")] });
    for await (const item of paginateOrders(client, wallet)) {
      expect(item.id).toBe("1");
      break;
    }
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.data).toEqual({ timestamp: START / 1000 });
  });

  it("stops at an empty cursor", async () => {
    const { client, wallet, api } = setup();
    api.post("/v1/oauth/orders").reply(200, { success: true, cursor: "", data: [order("1")] });
    expect(await collect(paginateOrders(client, wallet))).toHaveLength(1);
  });

  it("stops at an empty page even when a cursor comes with it", async () => {
    const { client, wallet, api } = setup();
    api
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c1", data: [order("1")] })
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c2", data: [] });
    expect(await collect(paginateOrders(client, wallet))).toHaveLength(1);
  });

  it("resumes after a given cursor", async () => {
    const { client, wallet, sent, api } = setup();
    api.post("/v1/oauth/orders").reply(200, { success: true, data: [order("9")] });
    await collect(paginateOrders(client, wallet, { after: "c8" }));
    expect(sent()[0]?.data).toEqual({ timestamp: START / 1000, after: "c8" });
  });

  it("throws after maxPages pages when the server keeps sending cursors", async () => {
    const { client, wallet, sent, api } = setup();
    api.post("/v1/oauth/orders").reply(200, { success: true, cursor: "c1", data: [order("1")] });
    api.post("/v1/oauth/orders").reply(200, { success: true, cursor: "c2", data: [order("2")] });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const item of paginateOrders(client, wallet, { maxPages: 2 })) seen.push(item.id);
    })();
    await expect(reading).rejects.toThrow(
      new InvalidResponseError("POST /v1/oauth/orders: more than 2 pages and the server still returns a cursor (maxPages)"),
    );
    expect(seen).toEqual(["1", "2"]);
    expect(sent()).toHaveLength(2);
  });

  it("throws when the server hands back the cursor it was given", async () => {
    const { client, wallet, api } = setup();
    api
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c1", data: [order("1")] })
      .post("/v1/oauth/orders")
      .reply(200, { success: true, cursor: "c1", data: [order("1")] });
    await expect(collect(paginateOrders(client, wallet))).rejects.toThrow(/returned the cursor it was given/);
  });

  it("throws a typed ApiError when a page fails (an invalid cursor)", async () => {
    const { client, wallet, api } = setup();
    const body = { success: false, code: 400, error: "invalid_cursor", message: "Invalid cursor", timestamp: "2025-12-11T01:41:00Z" };
    api.post("/v1/oauth/orders").reply(400, body);
    const error = await collect(paginateOrders(client, wallet, { after: "stale" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, body });
  });

  it("refuses a page without a data array", async () => {
    const { client, wallet, api } = setup();
    api.post("/v1/oauth/orders").reply(200, { success: true, cursor: "c1" });
    await expect(collect(paginateOrders(client, wallet))).rejects.toThrow(
      new InvalidResponseError("POST /v1/oauth/orders: the response has no data array"),
    );
  });

  it.each([
    ["pageSize 0", { pageSize: 0 }, "pageSize must be a positive integer"],
    ["pageSize 2.5", { pageSize: 2.5 }, "pageSize must be a positive integer"],
    ["maxPages 0", { maxPages: 0 }, "maxPages must be a positive integer"],
    ["an empty after", { after: "" }, "after must be a non-empty cursor string"],
  ])("refuses %s before anything is sent", async (_, options, message) => {
    const { client, wallet, sign, sent } = setup();
    await expect(collect(paginateOrders(client, wallet, options))).rejects.toThrow(new ConfigError(message));
    expect(sign).not.toHaveBeenCalled();
    expect(sent()).toEqual([]);
  });
});

describe("paginatePositions", () => {
  it("follows the cursor with freshly signed envelopes and no status filter", async () => {
    const { client, wallet, sent, api } = setup();
    api
      .post("/v1/oauth/positions")
      .reply(200, { success: true, cursor: "p1", data: [position("a")] })
      .post("/v1/oauth/positions")
      .reply(200, { success: true, data: [position("b"), position("c")] });

    const positions = await collect(paginatePositions(client, wallet, { pageSize: 10 }));

    expect(positions.map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(sent().map((body) => body.data)).toEqual([
      { timestamp: START / 1000, first: "10" },
      { timestamp: START / 1000 + 7, first: "10", after: "p1" },
    ]);
  });

  it("passes a wallet error through and sends nothing", async () => {
    const { client, sent } = setup();
    const rejected = new Error("user rejected the request");
    const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: () => Promise.reject(rejected) };
    await expect(collect(paginatePositions(client, wallet))).rejects.toBe(rejected);
    expect(sent()).toEqual([]);
  });
});
