// createTradovateSession({ store }): instances that share a store share one session per account
// (issue #12): one accesstokenrequest for all of them, renewals by the lease holder only.
import { createMemoryTokenStore } from "@oauth-kit/auth";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { createTradovateClient, createTradovateSession } from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";
const MINUTE = 60_000;
const credentials = { name: "jdoe_trader", password: "Correct-Horse-Battery-9", cid: "1234", sec: "5a1f3c7e-9b2d-4e8f-a061-7c3b5d9e2f14" };
const issued = (token: string, minutes = 80) => ({
  accessToken: token,
  expirationTime: new Date(Date.now() + minutes * MINUTE).toISOString(),
  userId: 2456789,
});

/** One app instance: its own clients and session, on the shared store. */
function instance(store: ReturnType<typeof createMemoryTokenStore>) {
  const session = createTradovateSession(createTradovateClient({ retry: false }), { credentials, store });
  return { session, tradovate: createTradovateClient({ tokenSource: session, retry: false }) };
}

describe("a session shared through a store", () => {
  it("three instances × 10 concurrent requests open exactly one session", async () => {
    nock(DEMO).post("/v1/auth/accesstokenrequest").once().reply(200, () => issued("session-token-1"));
    nock(DEMO).get("/v1/auth/me").times(30).matchHeader("authorization", "Bearer session-token-1").reply(200, { userId: 2456789 });
    const store = createMemoryTokenStore();
    const instances = [instance(store), instance(store), instance(store)];
    const results = await Promise.all(instances.flatMap(({ tradovate }) => Array.from({ length: 10 }, () => tradovate.GET("/auth/me"))));
    expect(results.every((result) => result.response.status === 200)).toBe(true);
    for (const { session } of instances) expect(session.current()?.accessToken).toBe("session-token-1");
  });

  it("renewal near expiry is made once, by the lease holder, and adopted by the others", async () => {
    // A session 10 minutes from expiry: inside the 15-minute renewal window.
    const store = createMemoryTokenStore();
    await store.write(`tradovate session\0${credentials.name}\0`, 0, {
      tokens: { accessToken: "old-token", tokenType: "Bearer", expiresAt: Date.now() + 10 * MINUTE },
    });
    nock(DEMO).get("/v1/auth/renewaccesstoken").once().matchHeader("authorization", "Bearer old-token").reply(200, () => issued("renewed-token"));
    nock(DEMO).get("/v1/auth/me").times(6).matchHeader("authorization", "Bearer renewed-token").reply(200, {});
    const instances = [instance(store), instance(store)];
    await Promise.all(instances.flatMap(({ tradovate }) => [1, 2, 3].map(() => tradovate.GET("/auth/me"))));
    for (const { session } of instances) expect(session.current()?.accessToken).toBe("renewed-token");
  });
});
