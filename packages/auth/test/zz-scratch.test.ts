import { afterEach, describe, expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import { BASE, drive, fixtureClient, netFetch, useFakeClock, T0 } from "./fixtures.js";
import { basic } from "../src/index.js";

const nock = useNock();
afterEach(() => vi.useRealTimers());

describe("scratch", () => {
  it("retry-after 2", async () => {
    useFakeClock();
    const net = netFetch();
    const times: number[] = [];
    nock(BASE).get("/items").times(2).reply(() => { times.push(Date.now() - T0); return times.length === 1 ? [503, {}, {"retry-after": "2"}] : [200, {items: []}]; });
    const client = fixtureClient({ credentials: { BasicAuth: basic("u", "p") }, fetch: net.fetch });
    const t = performance.now();
    const r = await drive(client.GET("/items"), net);
    console.log(r.value?.response.status, r.elapsed, times, vi.getTimerCount(), performance.now() - t);
  });
});
