// The OAuth connection flow through the public API: finalize with a signed envelope, then act for the
// connected account with the returned token as bearer.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  InvalidResponseError,
  type PredictErrorResponse,
  type PredictWallet,
  createPredictClient,
  finalizeConnection,
  signEnvelope,
  unwrap,
} from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const CONNECTION_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDcxQyJ9.connection";
const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: async (data) => `0xsig-${data.timestamp}` };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-11T01:40:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("finalizeConnection", () => {
  it("sends the signed code and returns the connection token, which then authorizes the OAuth operations", async () => {
    const recorder = recordingFetch();
    const client = createPredictClient({ apiKey: API_KEY, fetch: recorder.fetch });
    nock("https://api.predict.fun")
      .post("/v1/oauth/finalize")
      .reply(200, { success: true, data: { token: CONNECTION_TOKEN } })
      .post("/v1/oauth/orders/cancel")
      .reply(200, { success: true });

    const token = await finalizeConnection(client, wallet, { clientId: "acme-trading-app", authCode: "a3f9c2e1b7d84f60" });
    expect(token).toBe(CONNECTION_TOKEN);

    const connected = createPredictClient({ apiKey: API_KEY, jwt: token, fetch: recorder.fetch });
    const cancelled = unwrap(await connected.POST("/v1/oauth/orders/cancel", { body: await signEnvelope(wallet, { ids: ["88214593"] }) }));
    expect(cancelled).toEqual({ success: true });

    const [finalize, cancel] = recorder.requests;
    expect(JSON.parse(finalize!.body)).toEqual({
      signer: SIGNER,
      account: ACCOUNT,
      signature: "0xsig-1765417200",
      data: { timestamp: 1765417200, clientId: "acme-trading-app", authCode: "a3f9c2e1b7d84f60" },
    });
    expect(finalize!.headers.get("authorization")).toBeNull();
    expect(cancel!.headers.get("authorization")).toBe(`Bearer ${CONNECTION_TOKEN}`);
    expect(cancel!.headers.get("x-api-key")).toBe(API_KEY);
  });

  it("throws a typed ApiError whose body is Predict's error response", async () => {
    const body: PredictErrorResponse = {
      success: false,
      code: 403,
      error: "forbidden",
      message: "Forbidden",
      timestamp: "2025-12-11T01:41:00.482913Z",
    };
    nock("https://api.predict.fun").post("/v1/oauth/finalize").reply(403, body, { "x-request-id": "req-42" });
    const error = await finalizeConnection(createPredictClient({ apiKey: API_KEY }), wallet, { clientId: "app", authCode: "ac-77f1" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<PredictErrorResponse>;
    expect(apiError.kind).toBe("auth");
    expect(apiError.body.error).toBe("forbidden");
    expect(apiError.requestId).toBe("req-42");
    expect(apiError.message).toBe(`POST https://api.predict.fun/v1/oauth/finalize failed with HTTP 403: ${JSON.stringify(body)}`);
  });

  it("refuses a 200 without a usable token", async () => {
    nock("https://api.predict.fun").post("/v1/oauth/finalize").reply(200, { success: true, data: { token: "" } });
    await expect(finalizeConnection(createPredictClient({ apiKey: API_KEY }), wallet, { clientId: "app", authCode: "code" })).rejects.toThrow(
      new InvalidResponseError("POST /v1/oauth/finalize returned no usable token (data.token must be a non-empty string without spaces)"),
    );
  });

  it.each([
    ["clientId", { clientId: "", authCode: "code" }],
    ["authCode", { clientId: "app", authCode: " " }],
  ])("refuses an empty %s before signing or sending", async (field, finalization) => {
    const recorder = recordingFetch();
    const sign = vi.fn(() => "0xsig");
    const client = createPredictClient({ apiKey: API_KEY, fetch: recorder.fetch });
    await expect(finalizeConnection(client, { signer: SIGNER, account: ACCOUNT, sign }, finalization)).rejects.toThrow(
      new ConfigError(`${field} must be a non-empty string`),
    );
    expect(sign).not.toHaveBeenCalled();
    expect(recorder.requests).toEqual([]);
  });
});
