// Issue #10, item 1: a request that carries a secret anywhere (a credential header, or a token request's
// body: client_secret, code, code_verifier, refresh_token, password, sec) must never reach another
// origin through a 307/308, which resends the body. Every operation of every provider (discovered from
// redocly.yaml) is sent to a real 127.0.0.1 server that redirects it to a second one; the second must
// receive nothing, and the call must fail with a RedirectError. Plus the two provider helpers the
// review reproduced it with.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type ApiMetadata,
  type Credential,
  RedirectError,
  apiKey,
  basic,
  bearer,
  createProviderClient,
  stamp,
} from "@oauth-kit/auth";
import { createAlpacaClient, exchangeConnectCode } from "../../packages/alpaca/src/index.js";
import { type TestServer, startServer } from "@oauth-kit/testkit";
import { createTradovateClient, requestTradovateAccessToken } from "../../packages/tradovate/src/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApis, repoRoot } from "../lib/apis.mjs";

const apis = loadApis();
const metadataOf = async (metadataOutput: string): Promise<ApiMetadata> =>
  (await import(pathToFileURL(join(repoRoot, metadataOutput)).href)).metadata as ApiMetadata;

const SECRET_BODY = {
  client_secret: "cs-must-not-leave-1",
  code: "code-must-not-leave-2",
  code_verifier: "verifier-must-not-leave-3",
  refresh_token: "refresh-must-not-leave-4",
  password: "password-must-not-leave-5",
  sec: "sec-must-not-leave-6",
};

function credentialsFor(metadata: ApiMetadata): Record<string, Credential> {
  const out: Record<string, Credential> = {};
  for (const [name, scheme] of Object.entries(metadata.securitySchemes)) {
    if (scheme.type === "http") out[name] = scheme.scheme === "basic" ? basic("user", "basic-must-not-leave") : bearer("bearer-must-not-leave");
    else if (/stamp/i.test(scheme.name)) out[name] = stamp({ stamp: async () => ({ headerName: scheme.name, headerValue: "stamp-must-not-leave" }) });
    else out[name] = apiKey("apikey-must-not-leave");
  }
  return out;
}

let origin: TestServer;
let other: TestServer;
let status = 307;
beforeAll(async () => {
  other = await startServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  origin = await startServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(status, { location: `${other.url}/landing` }).end());
  });
});
afterAll(async () => {
  await origin.close();
  await other.close();
});

async function expectRefused(call: () => Promise<unknown>) {
  const before = other.hits;
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RedirectError);
  expect(other.hits - before, "the other origin received the request").toBe(0);
}

describe.each([307, 308])("a cross-origin %i never carries a secret to the other origin", (code) => {
  beforeAll(() => {
    status = code;
  });

  describe.each(apis.map((api) => [api.name, api] as const))("%s", (_name, api) => {
    it("every operation that carries credentials or a body", async () => {
      const metadata = await metadataOf(api.metadataOutput);
      const client = createProviderClient<Record<string, never>>({ metadata, baseUrl: origin.url, credentials: credentialsFor(metadata), retry: false });
      const request = (client as unknown as { request: (m: string, p: string, i: Record<string, unknown>) => Promise<unknown> }).request;
      let checked = 0;
      for (const operation of Object.values(metadata.operations)) {
        const carriesSecret = operation.security.some((alternative) => alternative.length > 0) || operation.requestMediaTypes.length > 0;
        if (!carriesSecret) continue;
        const path = Object.fromEntries([...operation.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, "v"]));
        const init: Record<string, unknown> = { params: { path } };
        if (operation.requestMediaTypes.length > 0) init.body = SECRET_BODY;
        await expectRefused(() => request(operation.method, operation.path, init));
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  });

  it("Alpaca exchangeConnectCode", async () => {
    const alpaca = createAlpacaClient({ baseUrl: origin.url });
    await expectRefused(() =>
      exchangeConnectCode(alpaca, { code: SECRET_BODY.code, clientId: "cid", clientSecret: SECRET_BODY.client_secret, redirectUri: "https://app.example/cb" }),
    );
  });

  it("Tradovate requestTradovateAccessToken", async () => {
    const tradovate = createTradovateClient({ baseUrl: origin.url });
    await expectRefused(() =>
      requestTradovateAccessToken(tradovate, { name: "trader", password: SECRET_BODY.password, appId: "app", appVersion: "1.0", cid: 1, sec: SECRET_BODY.sec }),
    );
  });
});
