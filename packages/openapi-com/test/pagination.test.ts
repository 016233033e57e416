import { describe, expect, it } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import {
  AbortError,
  ApiError,
  ConfigError,
  InvalidResponseError,
  type OpenapiComClient,
  type PageOptions,
  createOpenapiComClient,
  iterateCallbacks,
  iterateErrors,
  iterateSubscriptions,
  iterateTokens,
  iterateWalletTransactions,
} from "../src/index.js";

const nock = useNock();
const PRODUCTION = "https://oauth.openapi.com";
const email = "dev@example.com";
const apiKey = "oc-api-key-0123456789abcdef";
const basicHeader = `Basic ${Buffer.from(`${email}:${apiKey}`).toString("base64")}`;

function setup() {
  const recorder = recordingFetch();
  const client = createOpenapiComClient({ environment: "production", credentials: { email, apiKey }, retry: false, fetch: recorder.fetch });
  return { client, requests: recorder.requests };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

const items = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${from + i}` }));

type Iterate = (client: OpenapiComClient, options?: PageOptions) => AsyncIterable<unknown>;
const lists: [string, string, Iterate][] = [
  ["iterateTokens", "/tokens", iterateTokens],
  ["iterateWalletTransactions", "/wallet/transactions", iterateWalletTransactions],
  ["iterateErrors", "/errors", iterateErrors],
  ["iterateCallbacks", "/callbacks", iterateCallbacks],
  ["iterateSubscriptions", "/subscriptions", iterateSubscriptions],
];

describe.each(lists)("%s (GET %s)", (_name, path, iterate) => {
  it("walks skip/limit pages until a short page, with Basic on every request", async () => {
    nock(PRODUCTION).get(path).query({ skip: "0", limit: "2" }).reply(200, { data: items("a", 0, 2) });
    nock(PRODUCTION).get(path).query({ skip: "2", limit: "2" }).reply(200, { data: items("a", 2, 2) });
    nock(PRODUCTION).get(path).query({ skip: "4", limit: "2" }).reply(200, { data: items("a", 4, 1) });
    const { client, requests } = setup();

    expect(await collect(iterate(client, { limit: 2 }))).toEqual(items("a", 0, 5));
    expect(requests).toHaveLength(3);
    for (const request of requests) expect(request.headers.get("authorization")).toBe(basicHeader);
  });

  it("asks for 100 items per page by default and stops on an empty page", async () => {
    nock(PRODUCTION).get(path).query({ skip: "0", limit: "100" }).reply(200, { data: items("b", 0, 100) });
    nock(PRODUCTION).get(path).query({ skip: "100", limit: "100" }).reply(200, { data: [] });
    const { client } = setup();
    expect(await collect(iterate(client))).toHaveLength(100);
  });

  it("yields a single object answered instead of a list, then stops", async () => {
    nock(PRODUCTION).get(path).query({ skip: "0", limit: "100" }).reply(200, { data: { id: "only" } });
    const { client, requests } = setup();
    expect(await collect(iterate(client))).toEqual([{ id: "only" }]);
    expect(requests).toHaveLength(1);
  });

  it("throws InvalidResponseError when a page has no data list", async () => {
    nock(PRODUCTION).get(path).query(true).reply(200, { data: "nothing" });
    const { client } = setup();
    await expect(collect(iterate(client))).rejects.toThrow(new InvalidResponseError(`GET ${path}: the page at skip=0 has no \`data\` list (got string)`));
  });
});

describe("pagination", () => {
  it("starts at the given skip", async () => {
    nock(PRODUCTION).get("/tokens").query({ skip: "40", limit: "20" }).reply(200, { data: items("t", 40, 3) });
    const { client } = setup();
    expect(await collect(iterateTokens(client, { skip: 40, limit: 20 }))).toEqual(items("t", 40, 3));
  });

  it("requests nothing until iterated, and stops requesting when the caller breaks", async () => {
    nock(PRODUCTION).get("/tokens").query({ skip: "0", limit: "2" }).reply(200, { data: items("t", 0, 2) });
    const { client, requests } = setup();
    const iterator = iterateTokens(client, { limit: 2 });
    expect(requests).toHaveLength(0);
    for await (const token of iterator) {
      expect(token).toEqual({ id: "t-0" });
      break;
    }
    expect(requests).toHaveLength(1);
  });

  it("passes a scopes filter, checked and comma-joined", async () => {
    const scopes = ["GET:company.openapi.com/IT-start", "POST:sms.openapi.com/send"];
    nock(PRODUCTION).get("/errors").query({ scopes: scopes.join(","), skip: "0", limit: "100" }).reply(200, { data: [] });
    nock(PRODUCTION).get("/callbacks").query({ scopes: scopes[0], skip: "0", limit: "100" }).reply(200, { data: [] });
    nock(PRODUCTION).get("/subscriptions").query({ scopes: scopes.join(","), skip: "0", limit: "100" }).reply(200, { data: [] });
    const { client, requests } = setup();
    await collect(iterateErrors(client, { scopes }));
    await collect(iterateCallbacks(client, { scopes: scopes[0]! }));
    await collect(iterateSubscriptions(client, { scopes: scopes.join(",") }));
    expect(requests).toHaveLength(3);
  });

  it("rejects a malformed scope in the filter before sending anything", () => {
    const { client, requests } = setup();
    expect(() => iterateErrors(client, { scopes: ["GET:company.openapi.com/IT-start", "get:x"] })).toThrow(ConfigError);
    expect(() => iterateSubscriptions(client, { scopes: [] })).toThrow(/at least one scope/);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ limit: 101 }, /limit must be an integer 1–100, got 101/],
    [{ limit: 0 }, /limit must be an integer 1–100, got 0/],
    [{ limit: 2.5 }, /limit must be an integer 1–100, got 2.5/],
    [{ limit: "10" }, /limit must be an integer 1–100, got string/],
    [{ skip: -1 }, /skip must be an integer >= 0, got -1/],
    [{ skip: Number.NaN }, /skip must be an integer >= 0, got NaN/],
    [{ maxPages: 0 }, /maxPages must be an integer >= 1, got 0/],
  ])("rejects %o with ConfigError at the call, before any request", (options, message) => {
    const { client, requests } = setup();
    for (const [, , iterate] of lists) expect(() => iterate(client, options as unknown as PageOptions)).toThrow(message);
    expect(requests).toHaveLength(0);
  });

  it("stops after maxPages full pages with an InvalidResponseError", async () => {
    for (let page = 0; page < 3; page++) {
      nock(PRODUCTION).get("/wallet/transactions").query({ skip: String(page * 2), limit: "2" }).reply(200, { data: items("w", page * 2, 2) });
    }
    const { client, requests } = setup();
    const seen: unknown[] = [];
    const walk = async () => {
      for await (const item of iterateWalletTransactions(client, { limit: 2, maxPages: 3 })) seen.push(item);
    };
    await expect(walk()).rejects.toThrow(/GET \/wallet\/transactions: still full pages after 3 pages of 2/);
    expect(seen).toEqual(items("w", 0, 6));
    expect(requests).toHaveLength(3);
  });

  it("detects a server that ignores skip on the second page", async () => {
    nock(PRODUCTION).get("/tokens").query(true).times(2).reply(200, { data: items("t", 0, 2) });
    const { client, requests } = setup();
    await expect(collect(iterateTokens(client, { limit: 2 }))).rejects.toThrow(/skip=2 returned the same page as skip=0; the server ignores skip/);
    expect(requests).toHaveLength(2);
  });

  it("surfaces an error status as ApiError with the provider's error body", async () => {
    const body = { success: false, message: "Query error", error: 190, data: null };
    nock(PRODUCTION).get("/errors").query(true).reply(400, body);
    const { client } = setup();
    const error = await collect(iterateErrors(client)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, body });
  });

  it("stops with AbortError when the caller's signal aborts", async () => {
    nock(PRODUCTION).get("/tokens").query(true).delay(200).reply(200, { data: [] });
    const { client } = setup();
    const controller = new AbortController();
    const walk = collect(iterateTokens(client, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(walk).rejects.toBeInstanceOf(AbortError);
  });
});
