// JWT login through the public API: message -> wallet signature -> JWT -> bearer, and re-login on a 401.
import { describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  InvalidResponseError,
  createLoginTokenSource,
  createPredictClient,
  loginWithSignature,
} from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const MESSAGE = "Sign in to predict.fun\n\nNonce: 6f1e2d9a4c7b3e58";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDhCYSJ9.first";
const NEXT_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDhCYSJ9.second";
const ENVELOPE = {
  signer: SIGNER,
  account: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  signature: "0xsigned",
  data: { timestamp: 1765417200 },
};
const UNAUTHORIZED = {
  success: false,
  code: 401,
  error: "unauthorized",
  message: "Unauthorized",
  timestamp: "2025-12-11T01:41:00.482913Z",
};

function expectLogin(api: ReturnType<typeof nock>, token: string, nonce = MESSAGE) {
  return api
    .get("/v1/auth/message")
    .reply(200, { success: true, data: { message: nonce } })
    .post("/v1/auth", { signer: SIGNER, signature: `signed(${nonce})`, message: nonce })
    .reply(200, { success: true, data: { token } });
}

const signMessage = async (message: string) => `signed(${message})`;

describe("loginWithSignature", () => {
  it("signs the auth message and returns the JWT, which the client then sends as bearer", async () => {
    const recorder = recordingFetch();
    const api = nock("https://api.predict.fun");
    expectLogin(api, JWT);
    const sign = vi.fn(signMessage);

    const jwt = await loginWithSignature(createPredictClient({ apiKey: API_KEY, fetch: recorder.fetch }), {
      signer: SIGNER,
      signMessage: sign,
    });

    expect(jwt).toBe(JWT);
    expect(sign).toHaveBeenCalledWith(MESSAGE);
    // The auth endpoints carry the API key and no bearer.
    expect(recorder.requests.map((r) => [r.method, r.url.pathname, r.headers.get("x-api-key"), r.headers.get("authorization")])).toEqual([
      ["GET", "/v1/auth/message", API_KEY, null],
      ["POST", "/v1/auth", API_KEY, null],
    ]);

    api.post("/v1/oauth/orders/cancel").matchHeader("authorization", `Bearer ${JWT}`).reply(200, { success: true });
    const connected = createPredictClient({ apiKey: API_KEY, jwt });
    const { data } = await connected.POST("/v1/oauth/orders/cancel", { body: { ...ENVELOPE, data: { ...ENVELOPE.data, ids: ["1"] } } });
    expect(data).toEqual({ success: true });
  });

  it("accepts a synchronous signMessage", async () => {
    expectLogin(nock("https://api-testnet.predict.fun"), JWT);
    const client = createPredictClient({ environment: "testnet" });
    await expect(loginWithSignature(client, { signer: SIGNER, signMessage: (m) => `signed(${m})` })).resolves.toBe(JWT);
  });

  it("stops before POST /v1/auth when the wallet returns no signature", async () => {
    nock("https://api-testnet.predict.fun").get("/v1/auth/message").reply(200, { success: true, data: { message: MESSAGE } });
    const client = createPredictClient({ environment: "testnet" });
    const login = loginWithSignature(client, { signer: SIGNER, signMessage: async () => "" });
    await expect(login).rejects.toThrow(new ConfigError("login.signMessage(message) must return (or resolve to) a non-empty signature string, got an empty string"));
  });

  it("refuses a signer that is not an address before anything is sent", async () => {
    const recorder = recordingFetch();
    const client = createPredictClient({ environment: "testnet", fetch: recorder.fetch });
    await expect(loginWithSignature(client, { signer: "alice", signMessage })).rejects.toThrow(
      new ConfigError("login.signer must be a 0x-prefixed 20-byte hex address"),
    );
    expect(() => createLoginTokenSource(client, { signer: "alice", signMessage })).toThrow(ConfigError);
    expect(recorder.requests).toEqual([]);
  });

  it("throws a typed ApiError with Predict's error body", async () => {
    nock("https://api.predict.fun").get("/v1/auth/message").reply(401, UNAUTHORIZED);
    const error = await loginWithSignature(createPredictClient({ apiKey: API_KEY, retry: false }), { signer: SIGNER, signMessage }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, kind: "auth", body: UNAUTHORIZED, method: "GET", url: "https://api.predict.fun/v1/auth/message" });
  });

  it.each([
    ["no message", { success: true, data: {} }, "GET /v1/auth/message returned no message to sign"],
    ["an empty message", { success: true, data: { message: "" } }, "GET /v1/auth/message returned no message to sign"],
  ])("refuses a 200 with %s", async (_, body, message) => {
    nock("https://api-testnet.predict.fun").get("/v1/auth/message").reply(200, body);
    const login = loginWithSignature(createPredictClient({ environment: "testnet" }), { signer: SIGNER, signMessage });
    await expect(login).rejects.toThrow(new InvalidResponseError(message));
  });

  it.each([
    ["no token", { success: true, data: {} }],
    ["a token with a space", { success: true, data: { token: "abc def" } }],
    ["a numeric token", { success: true, data: { token: 42 } }],
  ])("refuses a login response with %s", async (_, body) => {
    nock("https://api-testnet.predict.fun")
      .get("/v1/auth/message")
      .reply(200, { success: true, data: { message: MESSAGE } })
      .post("/v1/auth")
      .reply(200, body);
    const login = loginWithSignature(createPredictClient({ environment: "testnet" }), { signer: SIGNER, signMessage });
    await expect(login).rejects.toThrow(/POST \/v1\/auth returned no usable token/);
    await expect(login).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("createLoginTokenSource", () => {
  it("logs in on first use, and again (once) when Predict rejects the JWT", async () => {
    const recorder = recordingFetch();
    const api = nock("https://api.predict.fun");
    const auth = createPredictClient({ apiKey: API_KEY });
    const tokenSource = createLoginTokenSource(auth, { signer: SIGNER, signMessage });
    const predict = createPredictClient({ apiKey: API_KEY, tokenSource, fetch: recorder.fetch });

    expectLogin(api, JWT);
    api.post("/v1/oauth/positions").reply(200, { success: true, data: [] });
    await predict.POST("/v1/oauth/positions", { body: ENVELOPE });

    expectLogin(api, NEXT_JWT, `${MESSAGE}-2`);
    api.post("/v1/oauth/positions").reply(401, UNAUTHORIZED).post("/v1/oauth/positions").reply(200, { success: true, data: [] });
    const { data } = await predict.POST("/v1/oauth/positions", { body: ENVELOPE });

    expect(data).toEqual({ success: true, data: [] });
    // The recorder is the client's fetch, so it sees every attempt, including the replay after the 401.
    expect(recorder.requests.map((r) => r.headers.get("authorization"))).toEqual([
      `Bearer ${JWT}`,
      `Bearer ${JWT}`,
      `Bearer ${NEXT_JWT}`,
    ]);
    expect(recorder.requests[2]?.body).toBe(JSON.stringify(ENVELOPE));
    expect(tokenSource.current()?.accessToken).toBe(NEXT_JWT);
  });

  it("surfaces a second 401 after one re-login instead of looping", async () => {
    const api = nock("https://api.predict.fun");
    const tokenSource = createLoginTokenSource(createPredictClient({ apiKey: API_KEY }), { signer: SIGNER, signMessage });
    const predict = createPredictClient({ apiKey: API_KEY, tokenSource });
    expectLogin(api, JWT);
    expectLogin(api, NEXT_JWT);
    api.post("/v1/oauth/positions").times(2).reply(401, UNAUTHORIZED);

    const { error, response } = await predict.POST("/v1/oauth/positions", { body: ENVELOPE });
    expect(response.status).toBe(401);
    expect(error).toEqual(UNAUTHORIZED);
  });
});

describe("createLoginTokenSource after a lost login", () => {
  it("logs in again on the next call: a login loses nothing single-use, so the failure is not remembered", async () => {
    const api = nock("https://api-testnet.predict.fun");
    api
      .get("/v1/auth/message")
      .reply(200, { success: true, data: { message: MESSAGE } })
      .post("/v1/auth")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    expectLogin(api, NEXT_JWT);
    const source = createLoginTokenSource(createPredictClient({ environment: "testnet", retry: false }), { signer: SIGNER, signMessage });
    await expect(source.getToken()).rejects.toMatchObject({ kind: "connection", code: "ECONNRESET" });
    await expect(source.getToken()).resolves.toBe(NEXT_JWT);
  });
});
