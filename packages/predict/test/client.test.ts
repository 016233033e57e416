// createPredictClient(): environments, the mainnet API-key rule, and which credentials go where.
import { describe, expect, it } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { ConfigError, createPredictClient, createTokenSource } from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
const MESSAGE = { success: true, data: { message: "Sign in to predict.fun\n\nNonce: 1" } };
const ENVELOPE = {
  signer: "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
  account: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  signature: "0xsigned",
  data: { timestamp: 1765417200 },
};

describe("the mainnet API-key rule", () => {
  it.each([
    ["environment: mainnet", { environment: "mainnet" as const }],
    ["the default environment", {}],
    ["a baseUrl on the mainnet host", { baseUrl: "https://api.predict.fun/" }],
    ["a JWT but no API key", { environment: "mainnet" as const, jwt: JWT }],
  ])("refuses %s without an API key, before anything is sent", async (_, options) => {
    const recorder = recordingFetch();
    const create = () => createPredictClient({ ...options, fetch: recorder.fetch });
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(/mainnet requires an API key: pass `apiKey`.*testnet/);
    // No interceptor is registered and net connect is off: any request would also have failed loudly.
    expect(recorder.requests).toEqual([]);
  });

  it("lets a keyless testnet client call Predict, with no credential headers", async () => {
    const recorder = recordingFetch();
    nock("https://api-testnet.predict.fun").get("/v1/auth/message").reply(200, MESSAGE);
    const client = createPredictClient({ environment: "testnet", fetch: recorder.fetch });
    const { data } = await client.GET("/v1/auth/message");
    expect(data).toEqual(MESSAGE);
    expect(recorder.requests[0]?.headers.get("x-api-key")).toBeNull();
    expect(recorder.requests[0]?.headers.get("authorization")).toBeNull();
  });

  it("lets a keyless client talk to a local mock server", () => {
    expect(() => createPredictClient({ baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
  });

  it("sends the API key on mainnet", async () => {
    nock("https://api.predict.fun", { reqheaders: { "x-api-key": API_KEY } }).get("/v1/auth/message").reply(200, MESSAGE);
    const { data } = await createPredictClient({ apiKey: API_KEY }).GET("/v1/auth/message");
    expect(data).toEqual(MESSAGE);
  });
});

describe("bearer credentials", () => {
  it("refuses both `jwt` and `tokenSource`", () => {
    const tokenSource = createTokenSource({ refresh: async () => ({ accessToken: JWT, tokenType: "Bearer" }) });
    expect(() => createPredictClient({ environment: "testnet", jwt: JWT, tokenSource })).toThrow(
      new ConfigError("pass either `jwt` or `tokenSource` to createPredictClient(), not both"),
    );
  });

  it("refuses a JWT or API key that could split a header", () => {
    expect(() => createPredictClient({ environment: "testnet", jwt: `${JWT}\r\nx: y` })).toThrow(ConfigError);
    expect(() => createPredictClient({ apiKey: ` ${API_KEY}` })).toThrow(ConfigError);
  });

  it("sends a token source's token on the OAuth operations but not on finalize", async () => {
    const recorder = recordingFetch();
    const tokenSource = createTokenSource({ refresh: async () => ({ accessToken: JWT, tokenType: "Bearer" }) });
    const client = createPredictClient({ apiKey: API_KEY, tokenSource, fetch: recorder.fetch });
    nock("https://api.predict.fun")
      .post("/v1/oauth/positions")
      .reply(200, { success: true, data: [] })
      .post("/v1/oauth/finalize")
      .reply(200, { success: true, data: { token: JWT } });

    await client.POST("/v1/oauth/positions", { body: ENVELOPE });
    await client.POST("/v1/oauth/finalize", { body: { ...ENVELOPE, data: { ...ENVELOPE.data, clientId: "app", authCode: "code" } } });

    const [positions, finalize] = recorder.requests;
    expect(positions?.headers.get("authorization")).toBe(`Bearer ${JWT}`);
    expect(positions?.headers.get("x-api-key")).toBe(API_KEY);
    expect(finalize?.headers.get("authorization")).toBeNull();
    expect(finalize?.headers.get("x-api-key")).toBe(API_KEY);
  });
});
