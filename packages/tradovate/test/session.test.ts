// createTradovateSession: accesstokenrequest once, renewaccesstoken before expiry, one token call at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  PenaltyTicketError,
  TradovateError,
  createTokenSource,
  createTradovateClient,
  createTradovateSession,
  type TradovateAccessToken,
} from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";
const T0 = Date.parse("2026-08-21T14:00:00Z");
const MINUTE = 60_000;
const credentials = { name: "jdoe_trader", password: "Correct-Horse-Battery-9", cid: "1234", sec: "5a1f3c7e-9b2d-4e8f-a061-7c3b5d9e2f14" };

/** A Tradovate access-token body for `token`, valid 80 minutes from the current (fake) time. */
function issued(token: string) {
  return { accessToken: token, expirationTime: new Date(Date.now() + 80 * MINUTE).toISOString(), userId: 2456789 };
}

function setup(options: { initial?: TradovateAccessToken; onTokens?: (tokens: TradovateAccessToken) => void | Promise<void> } = {}) {
  const session = createTradovateSession(createTradovateClient({ retry: false }), { credentials, ...options });
  const tradovate = createTradovateClient({ tokenSource: session, retry: false });
  return { session, tradovate };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("opening and renewing one session", () => {
  it("10 concurrent requests with no token make exactly one accesstokenrequest (case 49)", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("session-token-1"));
    nock(DEMO).get("/v1/auth/me").times(10).matchHeader("authorization", "Bearer session-token-1").reply(200, { userId: 2456789 });
    const { tradovate } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => tradovate.GET("/auth/me")));
    expect(results.map((r) => r.data)).toEqual(Array(10).fill({ userId: 2456789 }));
  });

  it("renews before expiry with the session's own token, once for 10 concurrent requests, and never logs in again", async () => {
    const onTokens = vi.fn();
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("session-token-1"));
    nock(DEMO).get("/v1/auth/me").times(2).matchHeader("authorization", "Bearer session-token-1").reply(200, {});
    const { tradovate, session } = setup({ onTokens });
    await tradovate.GET("/auth/me");

    // Default renewal point: 15 minutes before the 80-minute expiry.
    vi.setSystemTime(T0 + 65 * MINUTE - 1);
    await tradovate.GET("/auth/me");

    vi.setSystemTime(T0 + 65 * MINUTE);
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken")
      .once()
      .matchHeader("authorization", "Bearer session-token-1")
      .reply(200, () => issued("session-token-2"));
    nock(DEMO).get("/v1/auth/me").times(10).matchHeader("authorization", "Bearer session-token-2").reply(200, {});
    await Promise.all(Array.from({ length: 10 }, () => tradovate.GET("/auth/me")));

    expect(session.current()).toMatchObject({ accessToken: "session-token-2", expiresAt: T0 + 145 * MINUTE });
    expect(onTokens.mock.calls.map(([tokens]) => (tokens as TradovateAccessToken).accessToken)).toEqual([
      "session-token-1",
      "session-token-2",
    ]);
  });

  it("waits for onTokens (persistence) before handing out the token", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, () => issued("session-token-1"));
    let release!: () => void;
    const saved = new Promise<void>((resolve) => (release = resolve));
    const { session } = setup({ onTokens: () => saved });
    let token: string | undefined;
    const pending = session.getToken().then((t) => (token = t));
    await vi.waitFor(() => expect(nock.pendingMocks()).toEqual([]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(token).toBeUndefined();
    release();
    await pending;
    expect(token).toBe("session-token-1");
  });

  it("renews a restored session instead of opening a new one", async () => {
    const initial = { accessToken: "restored-token", tokenType: "Bearer", expiresAt: T0 + 10 * MINUTE };
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken")
      .matchHeader("authorization", "Bearer restored-token")
      .reply(200, () => issued("renewed-token"));
    const { session } = setup({ initial });
    await expect(session.getToken()).resolves.toBe("renewed-token");
  });

  it("opens a new session when the restored one has already expired (renewing it cannot work)", async () => {
    const initial = { accessToken: "expired-token", tokenType: "Bearer", expiresAt: T0 - 1 };
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, () => issued("fresh-token"));
    const { session } = setup({ initial });
    await expect(session.getToken()).resolves.toBe("fresh-token");
  });

  it("renews 15 minutes before the real expiry even with the local clock 5 minutes ahead (Date header; case 54)", async () => {
    vi.setSystemTime(T0 + 5 * MINUTE);
    const serverNow = T0;
    nock(DEMO)
      .post("/v1/auth/accesstokenrequest")
      .reply(200, { accessToken: "session-token-1", expirationTime: new Date(serverNow + 80 * MINUTE).toISOString() }, {
        Date: new Date(serverNow).toUTCString(),
      });
    const { session } = setup();
    await session.getToken();
    // Reading expirationTime against the fast local clock would renew 5 minutes early, here.
    vi.setSystemTime(T0 + 5 * MINUTE + 65 * MINUTE - 1);
    await expect(session.getToken()).resolves.toBe("session-token-1");
    vi.setSystemTime(T0 + 5 * MINUTE + 65 * MINUTE);
    nock(DEMO).get("/v1/auth/renewaccesstoken").reply(200, () => issued("session-token-2"));
    await expect(session.getToken()).resolves.toBe("session-token-2");
  });
});

describe("when the session is over", () => {
  it("a refused renewal (errorText) opens one new session", async () => {
    const initial = { accessToken: "closed-token", tokenType: "Bearer", expiresAt: T0 + 10 * MINUTE };
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken").reply(200, { errorText: "Access is denied" })
      .post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("new-session-token"));
    const { session } = setup({ initial });
    await expect(session.getToken()).resolves.toBe("new-session-token");
  });

  it("a 401 opens a new session without renewing the rejected token, and the request is replayed once", async () => {
    const initial = { accessToken: "revoked-token", tokenType: "Bearer", expiresAt: T0 + 60 * MINUTE };
    nock(DEMO)
      .get("/v1/auth/me").matchHeader("authorization", "Bearer revoked-token").reply(401, "")
      .post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("new-session-token"))
      .get("/v1/auth/me").matchHeader("authorization", "Bearer new-session-token").reply(200, { userId: 1 });
    const { tradovate } = setup({ initial });
    const { data } = await tradovate.GET("/auth/me");
    expect(data).toEqual({ userId: 1 });
  });

  it("still 401 after a new session: surfaced after exactly one replay, no loop (case 52)", async () => {
    const initial = { accessToken: "revoked-token", tokenType: "Bearer", expiresAt: T0 + 60 * MINUTE };
    nock(DEMO)
      .get("/v1/auth/me").reply(401, "")
      .post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("new-session-token"))
      .get("/v1/auth/me").once().reply(401, "");
    const { tradovate } = setup({ initial });
    const { response } = await tradovate.GET("/auth/me");
    expect(response.status).toBe(401);
  });
});

describe("failures", () => {
  it("a refused login reaches every waiter as the same error and is remembered: no second request (case 50)", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, { errorText: "Incorrect username or password. Please try again." });
    const { session } = setup();
    const errors = await Promise.all(Array.from({ length: 10 }, () => session.getToken().catch((e: unknown) => e)));
    expect(errors[0]).toBeInstanceOf(TradovateError);
    expect(new Set(errors).size).toBe(1);
    // No interceptor is left: a second request would fail with a nock error, not this one.
    await expect(session.getToken()).rejects.toBe(errors[0]);

    session.clear();
    nock(DEMO).post("/v1/auth/accesstokenrequest").reply(200, () => issued("after-clear"));
    await expect(session.getToken()).resolves.toBe("after-clear");
  });

  it("a captcha penalty on login is remembered too", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, { "p-ticket": "9e4b2d6f81a0", "p-time": 60, "p-captcha": true });
    const { session } = setup();
    const first = await session.getToken().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(PenaltyTicketError);
    await expect(session.getToken()).rejects.toBe(first);
  });

  it("a transient failure is not remembered: the next call tries again", async () => {
    nock(DEMO)
      .post("/v1/auth/accesstokenrequest").reply(503, "")
      .post("/v1/auth/accesstokenrequest").reply(200, () => issued("second-try"));
    const { session } = setup();
    await expect(session.getToken()).rejects.toBeInstanceOf(ApiError);
    await expect(session.getToken()).resolves.toBe("second-try");
  });

  /** A renewal that nock holds until the test answers it. */
  function heldRenewal(token: string) {
    let answer!: () => void;
    const sent = new Promise<void>((resolve) => {
      nock(DEMO)
        .get("/v1/auth/renewaccesstoken")
        .once()
        .reply(200, async () => {
          resolve();
          await new Promise<void>((release) => (answer = release));
          return issued(token);
        });
    });
    return { sent, answer: () => answer() };
  }

  it("setTokens() while a renewal is in flight keeps the renewal's stale result out (case 55)", async () => {
    const onTokens = vi.fn();
    const renewal = heldRenewal("stale-token-b");
    const { session } = setup({ initial: { accessToken: "token-a", tokenType: "Bearer", expiresAt: T0 + 10 * MINUTE }, onTokens });
    const first = session.getToken();
    await renewal.sent;
    session.setTokens({ accessToken: "token-c", tokenType: "Bearer", expiresAt: T0 + 80 * MINUTE });
    renewal.answer();
    await first;
    expect(session.current()?.accessToken).toBe("token-c");
    await expect(session.getToken()).resolves.toBe("token-c");
    expect(onTokens).not.toHaveBeenCalled();
  });

  it("a 401 for the token a renewal is already replacing shares that renewal: no second token call", async () => {
    const renewal = heldRenewal("token-b");
    const { session } = setup({ initial: { accessToken: "token-a", tokenType: "Bearer", expiresAt: T0 + 10 * MINUTE } });
    const first = session.getToken();
    await renewal.sent;
    session.invalidate("token-a");
    const second = session.getToken();
    renewal.answer();
    // Only the held renewal is mocked: a login or a second renewal would fail with a nock error.
    await expect(Promise.all([first, second])).resolves.toEqual(["token-b", "token-b"]);
  });

  it("refuses a client whose bearer comes from a token source (its renewal would wait on itself)", () => {
    const tokenSource = createTokenSource({ refresh: async () => ({ accessToken: "x", tokenType: "Bearer" }) });
    expect(() => createTradovateSession(createTradovateClient({ tokenSource }), { credentials })).toThrow(ConfigError);
  });
});

describe("a renewal whose outcome is unknown", () => {
  it("is tried again on the next call: renewal loses nothing single-use, so the session is not given up", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("session-token-1"));
    const { session } = setup();
    await expect(session.getToken()).resolves.toBe("session-token-1");

    vi.setSystemTime(T0 + 65 * MINUTE);
    nock(DEMO)
      .get("/v1/auth/renewaccesstoken")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
      .get("/v1/auth/renewaccesstoken")
      .matchHeader("authorization", "Bearer session-token-1")
      .reply(200, () => issued("session-token-2"));
    await expect(session.getToken()).rejects.toMatchObject({ kind: "connection", code: "ECONNRESET" });
    await expect(session.getToken()).resolves.toBe("session-token-2");
  });
});
