// --- README ---
import { createAlpacaClient, exchangeConnectCode } from "@oauth-kit/alpaca";
import { startMockProvider } from "@oauth-kit/mock";
import { afterAll, expect, it } from "vitest";

const redirectUri = "http://localhost/callback";
const mock = await startMockProvider("alpaca", { autoApprove: true, redirectUris: [redirectUri] });
afterAll(() => mock.close());

it("exchanges an Alpaca Connect code exactly once", async () => {
  const { clientId, clientSecret, authorizeUrl } = mock.credentials;
  // The user approves on the mock's authorize page (at once, with autoApprove) and comes back with a code.
  const query = new URLSearchParams({ response_type: "code", client_id: clientId!, redirect_uri: redirectUri, state: "s1" });
  const authorized = await fetch(`${authorizeUrl}?${query}`, { redirect: "manual" });
  const code = new URL(authorized.headers.get("location")!).searchParams.get("code")!;

  // Your code under test, pointed at the mock.
  const alpaca = createAlpacaClient({ baseUrl: mock.baseUrl });
  const exchange = { code, clientId: clientId!, clientSecret: clientSecret!, redirectUri };
  const tokens = await exchangeConnectCode(alpaca, exchange);
  expect(tokens.accessToken).toBeTruthy();

  // A code works once: the second exchange gets the provider's error.
  await expect(exchangeConnectCode(alpaca, exchange)).rejects.toMatchObject({ error: "invalid_grant" });
});
// --- end README ---

import { readFileSync } from "node:fs";
import { useNock } from "@oauth-kit/testkit";

// No network but loopback, as in every test file.
useNock();

it("the code above is the README's quick start, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const tested = /\/\/ --- README ---\n([\s\S]*?)\/\/ --- end README ---/.exec(source)?.[1];
  expect(block?.trim().split("\n").length).toBeGreaterThan(10);
  expect(tested?.trim()).toBe(block?.trim());
});
