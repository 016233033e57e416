// RELIABILITY.md §9 case 16: a non-idempotent POST (an order, a single-use code) is never resent after a
// 5xx, a 409 or a reset, while the read-only queries sent as POST (x-idempotent) are.
import { describe, expect, it } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { ApiError, ConnectionError, createPredictClient, unwrap } from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const ENVELOPE = {
  signer: "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
  account: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  signature: "0xsigned",
};
const CREATE_BODY = {
  ...ENVELOPE,
  data: {
    timestamp: 1765417320,
    pricePerShare: "550000000000000000",
    strategy: "LIMIT" as const,
    order: {
      salt: "1",
      maker: ENVELOPE.account,
      signer: ENVELOPE.signer,
      taker: "0x0000000000000000000000000000000000000000",
      tokenId: "1",
      makerAmount: "1",
      takerAmount: "1",
      expiration: 1765503600,
      nonce: "0",
      feeRateBps: "200",
      side: 0,
      signatureType: 0,
    },
  },
};
const errorBody = (code: number, error: string) => ({ success: false, code, error, message: error, timestamp: "2025-12-11T01:41:00Z" });

// Retries on, with a tiny backoff so the retried case does not wait.
function client() {
  const recorder = recordingFetch();
  return { recorder, predict: createPredictClient({ apiKey: API_KEY, retry: { maxRetries: 2, baseDelayMs: 1 }, fetch: recorder.fetch }) };
}

describe("retries", () => {
  it.each([
    [503, "service_unavailable"],
    [500, "internal_server_error"],
    [409, "bad_request"],
  ])("does not resend an order after HTTP %i", async (status, error) => {
    const { recorder, predict } = client();
    nock("https://api.predict.fun").post("/v1/oauth/orders/create").reply(status, errorBody(status, error));
    const result = await predict.POST("/v1/oauth/orders/create", { body: CREATE_BODY });
    expect(result.response.status).toBe(status);
    expect(result.error).toEqual(errorBody(status, error));
    expect(recorder.requests).toHaveLength(1);
  });

  it("does not resend an order after a connection reset (it may have reached Predict)", async () => {
    const { recorder, predict } = client();
    nock("https://api.predict.fun")
      .post("/v1/oauth/orders/create")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const error = await predict.POST("/v1/oauth/orders/create", { body: CREATE_BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNRESET", attempts: 1 });
    expect(recorder.requests).toHaveLength(1);
  });

  it("does not resend a finalize (its code is single-use) after a 502", async () => {
    const { recorder, predict } = client();
    nock("https://api.predict.fun").post("/v1/oauth/finalize").reply(502, errorBody(502, "bad_gateway"));
    const result = await predict.POST("/v1/oauth/finalize", {
      body: { ...ENVELOPE, data: { timestamp: 1765417200, clientId: "app", authCode: "code" } },
    });
    expect(result.response.status).toBe(502);
    expect(recorder.requests).toHaveLength(1);
  });

  it("resends the orders query after a 503, with the same signed bytes", async () => {
    const { recorder, predict } = client();
    const page = { success: true, data: [] };
    nock("https://api.predict.fun")
      .post("/v1/oauth/orders")
      .reply(503, errorBody(503, "service_unavailable"))
      .post("/v1/oauth/orders")
      .reply(200, page);
    const body = { ...ENVELOPE, data: { timestamp: 1765417260, first: "20" } };
    const result = await predict.POST("/v1/oauth/orders", { body });
    expect(result.data).toEqual(page);
    expect(recorder.requests.map((request) => request.body)).toEqual([JSON.stringify(body), JSON.stringify(body)]);
  });

  it("gives up on the positions query after maxRetries with the last status and the attempt count", async () => {
    const { predict } = client();
    nock("https://api.predict.fun").post("/v1/oauth/positions").times(3).reply(500, errorBody(500, "internal_server_error"));
    const result = await predict.POST("/v1/oauth/positions", { body: { ...ENVELOPE, data: { timestamp: 1765417440 } } });
    let error: unknown;
    try {
      unwrap(result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, attempts: 3, body: errorBody(500, "internal_server_error") });
  });
});
