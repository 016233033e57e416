// The README's quick start, run as written against @oauth-kit/mock (a stateful Turnkey on 127.0.0.1, not
// nock). The mock also plays X: its authorize page gives the code, bound to the PKCE challenge, that
// oauth2_authenticate exchanges. Every request's X-Stamp is verified by the mock over the bytes it received.
import { createPkce } from "@oauth-kit/auth";
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";
import { runQuickStart, useNock, operationsAnswered } from "@oauth-kit/testkit";
import { afterEach, expect, it, vi } from "vitest";
import * as turnkey from "../src/index.js";
import { SESSION_PUBLIC_KEY } from "./helpers.js";

useNock();

const CREDENTIAL_ID = "247bf35d-a47b-4aee-a9d0-6a97886107fa";
const REDIRECT_URI = "https://app.example.com/oauth/callback/x";

let mock: MockProvider<"turnkey"> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await mock?.close();
});

/** The user approves on the (mock) X authorize page; the code comes back on the redirect. */
async function authorize(current: MockProvider<"turnkey">, challenge: string): Promise<string> {
  const url = new URL(current.credentials.authorizeUrl!);
  for (const [name, value] of Object.entries({ response_type: "code", client_id: current.credentials.oauth2ClientId!, redirect_uri: REDIRECT_URI, state: "st", code_challenge: challenge, code_challenge_method: "S256" })) {
    url.searchParams.set(name, value);
  }
  const response = await fetch(url, { redirect: "manual" });
  return new URL(response.headers.get("location")!).searchParams.get("code")!;
}

const quickStart = (current: MockProvider<"turnkey">, inputs: Record<string, unknown>) =>
  runQuickStart({
    readme: new URL("../README.md", import.meta.url),
    packageName: "@oauth-kit/turnkey",
    module: turnkey,
    env: { TURNKEY_API_PUBLIC_KEY: current.credentials.apiPublicKey!, TURNKEY_API_PRIVATE_KEY: current.credentials.apiPrivateKey!, TURNKEY_ORGANIZATION_ID: current.credentials.organizationId! },
    inputs,
    returns: ["oidcToken", "session"],
  });

it("README quick start runs against the Turnkey mock: activities polled until complete, session bound to the key", async () => {
  mock = await startMockProvider("turnkey", { oauth2CredentialId: CREDENTIAL_ID, redirectUris: [REDIRECT_URI], autoApprove: true, pollsBeforeCompletion: 1 });
  const pkce = await createPkce();
  const code = await authorize(mock, pkce.challenge);
  vi.stubGlobal("fetch", mock.fetch);

  const { values } = await quickStart(mock, { code, codeVerifier: pkce.verifier, sessionPublicKey: SESSION_PUBLIC_KEY });

  const claims = JSON.parse(Buffer.from(String(values.session).split(".")[1]!, "base64url").toString("utf8"));
  expect(claims).toMatchObject({ public_key: SESSION_PUBLIC_KEY, organization_id: mock.credentials.organizationId });
  expect(operationsAnswered(mock.state.requests)).toEqual([
    ["oauth2Authenticate", 200],
    ["getActivity", 200],
    ["oauthLogin", 200],
    ["getActivity", 200],
  ]);
});

it("the code is single-use: running the quick start twice with it fails with Turnkey's error", async () => {
  mock = await startMockProvider("turnkey", { oauth2CredentialId: CREDENTIAL_ID, redirectUris: [REDIRECT_URI], autoApprove: true });
  const pkce = await createPkce();
  const code = await authorize(mock, pkce.challenge);
  vi.stubGlobal("fetch", mock.fetch);
  await quickStart(mock, { code, codeVerifier: pkce.verifier, sessionPublicKey: SESSION_PUBLIC_KEY });
  await expect(quickStart(mock, { code, codeVerifier: pkce.verifier, sessionPublicKey: SESSION_PUBLIC_KEY })).rejects.toMatchObject({ status: 400 });
});
