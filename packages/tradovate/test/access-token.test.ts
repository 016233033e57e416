// accesstokenrequest and renewaccesstoken: errorText, validation, and expiry from expirationTime without clock skew.
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  InvalidResponseError,
  TradovateError,
  createTradovateClient,
  renewTradovateAccessToken,
  requestTradovateAccessToken,
} from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";
const credentials = {
  name: "jdoe_trader",
  password: "Correct-Horse-Battery-9",
  appId: "Sample App",
  appVersion: "1.0",
  deviceId: "3f2b8c1e-6a4d-4e7f-9b2a-1c5d8e0f7a63",
  cid: "1234",
  sec: "5a1f3c7e-9b2d-4e8f-a061-7c3b5d9e2f14",
};
const SERVER_NOW = Date.parse("2026-08-21T14:20:00Z");
const MINUTE = 60_000;
const success = {
  accessToken: "Vb3oL9yq2XkPjR1sT7uW0aZ5",
  expirationTime: new Date(SERVER_NOW + 80 * MINUTE).toISOString(),
  passwordExpirationTime: "2026-11-19T14:10:00.000Z",
  userStatus: "Active",
  userId: 2456789,
  name: "jdoe_trader",
  hasLive: true,
};

afterEach(() => {
  vi.useRealTimers();
});

describe("requestTradovateAccessToken", () => {
  it("posts the credentials as JSON, without a bearer, and returns the token with its profile fields", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: SERVER_NOW });
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, success);
    const recorder = recordingFetch();
    const token = await requestTradovateAccessToken(createTradovateClient({ fetch: recorder.fetch }), credentials);
    expect(token).toEqual({
      accessToken: success.accessToken,
      tokenType: "Bearer",
      expiresAt: SERVER_NOW + 80 * MINUTE,
      expiresIn: 4800,
      expirationTime: success.expirationTime,
      passwordExpirationTime: success.passwordExpirationTime,
      userStatus: "Active",
      userId: 2456789,
      name: "jdoe_trader",
    });
    expect(JSON.parse(recorder.requests[0]!.body)).toEqual(credentials);
    expect(recorder.requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("treats an HTTP 200 carrying errorText as a TradovateError, not a token, and does not retry it", async () => {
    const scope = nock(DEMO)
      .post("/v1/auth/accesstokenrequest")
      .once()
      .reply(200, { errorText: "Incorrect username or password. Please try again." });
    const error = await requestTradovateAccessToken(createTradovateClient({ retry: { maxRetries: 3 } }), credentials).catch(
      (e: unknown) => e,
    );
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(TradovateError);
    expect(error).toMatchObject({ kind: "oauth", status: 200, errorText: "Incorrect username or password. Please try again." });
    expect(String(error)).toContain("Incorrect username or password");
  });

  it.each([
    ["no accessToken", { expirationTime: success.expirationTime }, /no accessToken/],
    ["an expirationTime that is not a date-time", { ...success, expirationTime: "in 80 minutes" }, /expirationTime is not an ISO 8601/],
    ["an expirationTime already past", { ...success, expirationTime: "2020-01-01T00:00:00Z" }, /expirationTime is not in the future/],
  ])("refuses a 200 with %s", async (_, body, message) => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, body);
    const error = await requestTradovateAccessToken(createTradovateClient(), credentials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String(error)).toMatch(message);
  });

  it("keeps a token without expirationTime, with no expiry (it is then used until a 401)", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, { accessToken: "tok-no-expiry" });
    const token = await requestTradovateAccessToken(createTradovateClient(), credentials);
    expect(token).toEqual({ accessToken: "tok-no-expiry", tokenType: "Bearer" });
  });
});

describe("expiry from expirationTime, guarded against clock skew (case 54)", () => {
  const httpDate = new Date(SERVER_NOW).toUTCString();

  it.each([
    ["5 minutes ahead", 5 * MINUTE],
    ["5 minutes behind", -5 * MINUTE],
    ["in step", 0],
  ])("with a Date header, the local clock %s still gives an 80-minute lifetime from local receipt", async (_, skew) => {
    vi.useFakeTimers({ toFake: ["Date"], now: SERVER_NOW + skew });
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, success, { Date: httpDate });
    const token = await requestTradovateAccessToken(createTradovateClient(), credentials);
    expect(token.expiresAt).toBe(SERVER_NOW + skew + 80 * MINUTE);
    expect(token.expiresIn).toBe(4800);
  });

  it("without a Date header, a local clock 5 minutes ahead shortens the lifetime (renewal comes early, never late)", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: SERVER_NOW + 5 * MINUTE });
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, success);
    const token = await requestTradovateAccessToken(createTradovateClient(), credentials);
    expect(token.expiresAt).toBe(SERVER_NOW + 5 * MINUTE + 75 * MINUTE);
  });

  it("ignores an unparseable Date header and falls back to local receipt time", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: SERVER_NOW });
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, success, { Date: "yesterday" });
    const token = await requestTradovateAccessToken(createTradovateClient(), credentials);
    expect(token.expiresAt).toBe(SERVER_NOW + 80 * MINUTE);
  });
});

describe("renewTradovateAccessToken", () => {
  it("sends the given token as the bearer, whatever the client's own token", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: SERVER_NOW });
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken")
      .matchHeader("authorization", "Bearer old-session-token")
      .reply(200, { ...success, accessToken: "renewed-token-1" });
    const client = createTradovateClient({ accessToken: "some-other-token" });
    const token = await renewTradovateAccessToken(client, "old-session-token");
    expect(token.accessToken).toBe("renewed-token-1");
  });

  it("an errorText renewal is a TradovateError; a 401 is an ApiError of kind auth", async () => {
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken").reply(200, { errorText: "Access is denied" })
      .get("/v1/auth/renewaccesstoken").reply(401, "");
    const client = createTradovateClient();
    await expect(renewTradovateAccessToken(client, "tok-abcdef")).rejects.toBeInstanceOf(TradovateError);
    const error = await renewTradovateAccessToken(client, "tok-abcdef").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "auth", status: 401 });
  });
});
