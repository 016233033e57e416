import { afterEach, describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import { BASE, drive, fixtureClient, useFakeClock } from "./fixtures.js";
import { basic, bearer } from "../src/index.js";

const nock = useNock();
afterEach(() => vi.useRealTimers());

describe("scratch", () => {
  it("nock plain with fake timers", async () => {
    useFakeClock();
    const times: number[] = [];
    nock(BASE).get("/items").times(2).reply(() => { times.push(Date.now()); return times.length === 1 ? [503, {}, {"retry-after": "2"}] : [200, {items: []}]; });
    const client = fixtureClient({ credentials: { BasicAuth: basic("u", "p") } });
    const r = await drive(client.GET("/items"), 100);
    console.log(r.value?.response.status, r.elapsed, times.map(t => t - times[0]!), vi.getTimerCount());
  });
  it("nock delay with fake timers", async () => {
    useFakeClock();
    nock(BASE).get("/items").delay(5000).reply(200, {items: []});
    const client = fixtureClient({ credentials: { BasicAuth: basic("u", "p") }, timeoutMs: 1000, retry: false });
    const r = await drive(client.GET("/items"), 100);
    console.log(String(r.error), r.elapsed, vi.getTimerCount());
  });
  it("nock delayBody with fake timers", async () => {
    useFakeClock();
    nock(BASE).get("/items").delayBody(5000).reply(200, {items: []});
    const client = fixtureClient({ credentials: { BasicAuth: basic("u", "p") }, timeoutMs: 1000, retry: false });
    const r = await drive(client.GET("/items"), 100);
    console.log(String(r.error), r.elapsed, vi.getTimerCount());
  });
  it("stream body", async () => {
    nock(BASE).post("/search").reply(401, {});
    const client = fixtureClient({ credentials: { BearerAuth: bearer({ getToken: async () => "tok-123456", invalidate() {} }) } });
    const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"q":1}')); c.close(); } });
    try {
      const r = await client.POST("/search", { body: body as any });
      console.log(r.response.status);
    } catch (e) { console.log("ERR", e); }
  });
});
