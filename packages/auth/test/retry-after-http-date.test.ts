// RELIABILITY.md §9 case 12: a hostile Retry-After cannot stall the client. The HTTP-date check used
// to backtrack quadratically on a day name followed by many spaces; on the 400 000-character values
// below that took minutes, so a regression shows as a test timeout (nothing here measures time).

import { useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, basic, unwrap } from "../src/index.js";
import { BASE, T0, drive, fixtureClient, netFetch, rejection, useFakeClock } from "./fixtures.js";

const nock = useNock();

const creds = { BasicAuth: basic("retry-after-user", "retry-after-password-1") };

/** Day names followed by a run of spaces, ended by a character no date has (so no trimming removes the run). */
const HOSTILE: [label: string, value: string][] = [
  ["Mon, 400 000 spaces, !", `Mon${" ".repeat(400_000)}!`],
  ["Mon, then a comma, 400 000 spaces, !", `Mon,${" ".repeat(400_000)}!`],
  ["Monday, 200 000 times '1 ', !", `Monday ${"1 ".repeat(200_000)}!`],
];

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** GET /items answered `status` with `retryAfter` first, then 200; resolves with the fake time of each hit. */
async function retriedAfter(status: number, retryAfter: string, retry?: { baseDelayMs: number }): Promise<number[]> {
  const net = netFetch();
  const client = fixtureClient({ credentials: creds, fetch: net.fetch, ...(retry ? { retry } : {}) });
  const hits: number[] = [];
  nock(BASE)
    .get("/items")
    .times(2)
    .reply(() => {
      hits.push(Date.now() - T0);
      return hits.length === 1 ? [status, {}, { "retry-after": retryAfter }] : [200, { items: [] }];
    });
  const { value } = await drive(client.GET("/items"), net);
  expect(value!.response.status).toBe(200);
  return hits;
}

describe("case 12: Retry-After parsing is linear", () => {
  it.each(HOSTILE)("case 12: a Retry-After of %s (400 000 characters) falls back to the jittered backoff", async (_label, value) => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    // floor(0.5 * 400): the header was refused, not read as "now"
    expect(await retriedAfter(503, value, { baseDelayMs: 400 })).toEqual([0, 200]);
  });

  it("case 12: unwrap() of a 429 with a hostile Retry-After has no retryAfterMs", async () => {
    const client = fixtureClient({ credentials: creds, retry: false });
    nock(BASE).get("/items").reply(429, {}, { "retry-after": HOSTILE[0]![1] });
    const result = await client.GET("/items");
    const error = await rejection(Promise.resolve(result).then(unwrap));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterMs).toBeUndefined();
  });

  it.each([
    ["IMF-fixdate", (date: Date) => date.toUTCString()],
    ["RFC 850", (date: Date) => date.toUTCString().replace(/^(\w+), (\d+) (\w+) \d\d(\d\d)/, (_m, _d, dd, mon, yy) => `${dayName(date)}, ${dd}-${mon}-${yy}`)],
    ["lower case", (date: Date) => date.toUTCString().toLowerCase()],
  ] as const)("case 11: an %s HTTP-date is still a wait until that date", async (_form, format) => {
    expect(await retriedAfter(429, format(new Date(T0 + 4000)))).toEqual([0, 4000]);
  });
});

function dayName(date: Date): string {
  return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][date.getUTCDay()]!;
}
