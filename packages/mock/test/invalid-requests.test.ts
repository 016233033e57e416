// A request the spec does not allow is refused the way the provider documents it: for every operation
// with a body, a body that breaks its schema (sent with valid credentials, so only the body is wrong) gets
// a documented 4xx, never a 2xx. The mock's own response check turns an undocumented answer into a 500.
import { describe, expect, it } from "vitest";
import { providers } from "../src/bundled/index.js";
import type { MockProvider, MockProviderName } from "../src/index.js";
import { specOperations } from "../src/spec/operations.js";
import { basic, call, stamped, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();

/** Valid credentials for any operation of the provider (Turnkey signs the exact body instead). */
function credentials(provider: MockProviderName, mock: MockProvider): Record<string, string> {
  const c = mock.credentials;
  if (provider === "alpaca") return basic(c.brokerKey!, c.brokerSecret!);
  if (provider === "openapi-com") return basic(c.email!, c.apiKey!);
  if (provider === "predict") return { "x-api-key": c.apiKey! };
  return {};
}

describe.each(Object.keys(providers) as MockProviderName[])("%s mock", (provider) => {
  it("refuses a body that breaks the schema with a documented 4xx", async () => {
    const mock = await start(provider);
    const operations = specOperations(await providers[provider].spec()).filter((operation) => operation.requestBody);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const mediaType = Object.keys(operation.requestBody!.body.content ?? {})[0]!;
      // An array where an object is expected; a form without any of the required fields.
      const raw = /json/.test(mediaType) ? "[]" : "unexpected=1";
      const path = operation.path.replace(/\{[^}]+\}/g, "0123456789abcdef01234567");
      const reply =
        provider === "turnkey"
          ? await stamped(mock as MockProvider<"turnkey">, path, [])
          : await call(mock, operation.method, path, { raw, headers: { ...credentials(provider, mock), "content-type": mediaType } });
      const documented = operation.responses.map(({ status }) => status);
      expect(reply.status, `${operation.operationId}: ${reply.text}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${operation.operationId}: ${reply.text}`).toBeLessThan(500);
      expect(documented, `${operation.operationId} documents ${reply.status}`).toContain(String(reply.status));
    }
  });
});

it("a wrong media type is refused too (Alpaca Connect wants a form)", async () => {
  const mock = await start("alpaca");
  const reply = await call(mock, "POST", "/oauth/token", { json: { grant_type: "authorization_code" } });
  expect(reply.status).toBe(400);
  expect(reply.json).toMatchObject({ error: "invalid_request" });
});

it("a query parameter outside its schema is refused as documented (openapi.com stats: 422, error 240)", async () => {
  const mock = await start("openapi-com");
  const reply = await call(mock, "GET", "/stats", { headers: basic(mock.credentials.email!, mock.credentials.apiKey!), query: { date: "April 2026" } });
  expect(reply.status).toBe(422);
  expect(reply.json).toMatchObject({ success: false, error: 240 });
});
