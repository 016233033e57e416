// The README's quick start, run as written against @oauth-kit/mock (a stateful openapi.com on 127.0.0.1,
// not nock): create a token, rotate it with its refresh token (the old one is deleted), list the tokens.
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";
import { runQuickStart, useNock } from "@oauth-kit/testkit";
import { afterEach, expect, it, vi } from "vitest";
import * as openapiCom from "../src/index.js";

useNock();

let mock: MockProvider<"openapi-com"> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await mock?.close();
});

const run = (apiKey: string) =>
  runQuickStart({
    readme: new URL("../README.md", import.meta.url),
    packageName: "@oauth-kit/openapi-com",
    module: openapiCom,
    env: { OPENAPI_API_KEY: apiKey },
    returns: ["created", "rotated", "vault"],
  });

it("README quick start runs against the openapi.com mock: create, rotate, list", async () => {
  mock = await startMockProvider("openapi-com", { email: "you@example.com" });
  vi.stubGlobal("fetch", mock.fetch);

  const { logs, values } = await run(mock.credentials.apiKey!);

  const created = values.created as { token: string; refreshToken: string };
  const rotated = values.rotated as { token: string; previousToken: string };
  expect(logs[0]).toEqual(["created", created.token]);
  expect(logs[1]).toEqual(["rotated", created.token, "->", rotated.token]);
  // Only the rotated token is left, with the scope the token was created with.
  expect(logs.slice(2)).toEqual([["my-first-token", ["GET:company.openapi.com/IT-start"]]]);
  expect([...mock.state.apiTokens.keys()]).toEqual([rotated.token]);
  expect((values.vault as Map<string, string>).get("token")).toBe(rotated.token);
  expect(mock.state.requests.map((request) => [request.operationId, request.status])).toEqual([
    ["createToken", 200],
    ["updateToken", 200],
    ["listTokens", 200],
  ]);
});

it("a wrong API key gets openapi.com's 401", async () => {
  mock = await startMockProvider("openapi-com", { email: "you@example.com" });
  vi.stubGlobal("fetch", mock.fetch);
  await expect(run("not-the-key")).rejects.toMatchObject({ status: 401 });
});
