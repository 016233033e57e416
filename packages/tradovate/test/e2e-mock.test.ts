// The README's quick start, run as written against @oauth-kit/mock (a stateful Tradovate on 127.0.0.1,
// not nock): the session logs in with the mock user's credentials and reads /auth/me with its token.
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";
import { runQuickStart, useNock } from "@oauth-kit/testkit";
import { afterEach, expect, it, vi } from "vitest";
import * as tradovate from "../src/index.js";

useNock();

let mock: MockProvider<"tradovate"> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await mock?.close();
});

const run = (env: Record<string, string>) =>
  runQuickStart({ readme: new URL("../README.md", import.meta.url), packageName: "@oauth-kit/tradovate", module: tradovate, env, returns: ["me"] });

it("README quick start runs against the Tradovate mock: one session, then /auth/me", async () => {
  mock = await startMockProvider("tradovate");
  vi.stubGlobal("fetch", mock.fetch);
  const { name, password, cid, sec } = mock.credentials;

  const { logs } = await run({ TRADOVATE_USERNAME: name!, TRADOVATE_PASSWORD: password!, TRADOVATE_CID: cid!, TRADOVATE_SEC: sec! });

  expect(logs).toEqual([["Mock Trader", 2456789]]);
  expect(mock.state.requests.map((request) => request.operationId)).toEqual(["accessTokenRequest", "getMe"]);
  expect(mock.state.user.sessions).toHaveLength(1);
});

it("a wrong password: Tradovate's errorText with HTTP 200 reaches the quick start as an error", async () => {
  mock = await startMockProvider("tradovate");
  vi.stubGlobal("fetch", mock.fetch);
  const { name, cid, sec } = mock.credentials;
  await expect(run({ TRADOVATE_USERNAME: name!, TRADOVATE_PASSWORD: "wrong-password", TRADOVATE_CID: cid!, TRADOVATE_SEC: sec! })).rejects.toThrow(
    /Incorrect username or password/,
  );
});
