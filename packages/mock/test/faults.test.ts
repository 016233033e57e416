// Fault injection per route: a status with a body and Retry-After, a delay, a reset connection, a truncated
// body and a redirect; `after` and `times` choose which requests; rules can be removed.
import { expect, it } from "vitest";
import { basic, call, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();

async function openapi() {
  const mock = await start("openapi-com");
  const headers = basic(mock.credentials.email!, mock.credentials.apiKey!);
  return { mock, wallet: () => call(mock, "GET", "/wallet", { headers }) };
}

it("status, body and Retry-After for the matching route only, `times` requests long", async () => {
  const { mock, wallet } = await openapi();
  mock.faults.add({ route: "getWallet", status: 429, body: { message: "slow down" }, retryAfter: 7, times: 2 });
  for (const _ of [1, 2]) {
    const limited = await wallet();
    expect([limited.status, limited.headers.get("retry-after"), limited.json]).toEqual([429, "7", { message: "slow down" }]);
  }
  expect((await wallet()).status).toBe(200);
});

it("`after` lets requests through first; a route can be named by method and path template; rules can be removed", async () => {
  const { mock, wallet } = await openapi();
  const remove = mock.faults.add({ route: "GET /wallet", after: 1, status: 503, times: Infinity });
  expect((await wallet()).status).toBe(200);
  expect((await wallet()).status).toBe(503);
  remove();
  expect((await wallet()).status).toBe(200);
});

it("a reset connection and a truncated body fail the client's read", async () => {
  const { mock, wallet } = await openapi();
  mock.faults.add({ route: "getWallet", reset: true });
  await expect(wallet()).rejects.toThrow();
  mock.faults.add({ route: "getWallet", truncate: true });
  await expect(wallet()).rejects.toThrow();
  expect((await wallet()).status).toBe(200);
});

it("a delay answers normally, later; a redirect answers 307 to the given place", async () => {
  const { mock, wallet } = await openapi();
  mock.faults.add({ route: "getWallet", delayMs: 20 });
  expect((await wallet()).status).toBe(200);
  mock.faults.add({ route: "*", redirect: "/wallet?moved=1" });
  const moved = await wallet();
  expect([moved.status, moved.headers.get("location")]).toEqual([307, `${mock.baseUrl}/wallet?moved=1`]);
});

it("faults given at start apply from the first request", async () => {
  const mock = await start("tradovate", { faults: [{ route: "accessTokenRequest", status: 429 }] });
  const reply = await call(mock, "POST", "/auth/accesstokenrequest", { json: { name: "n", password: "p" } });
  expect([reply.status, reply.text]).toEqual([429, ""]);
});
