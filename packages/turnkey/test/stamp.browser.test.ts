// A Turnkey stamped call made by real headless Chromium from an esbuild browser bundle of the package:
// the P-256 X-Stamp is signed with WebCrypto in the browser, and a server on 127.0.0.1 (the test's)
// checks with node:crypto that it covers exactly the bytes it received before answering.
import { generateKeyPairSync } from "node:crypto";
import { fileURLToPath } from "node:url";
import {
  type Browser,
  type Page,
  type RecordedRequest,
  type TestServer,
  browserModulePage,
  openInChromium,
  startServer,
} from "@oauth-kit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORG, activityResponse, stampVerifies } from "./helpers.js";

// A fresh key pair per run, in Turnkey's form: compressed public key and private scalar, hex.
function turnkeyKeyPair() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const y = Buffer.from(jwk.y!, "base64url");
  const apiPublicKey = (y[y.length - 1]! % 2 === 0 ? "02" : "03") + Buffer.from(jwk.x!, "base64url").toString("hex");
  return { apiPublicKey, apiPrivateKey: Buffer.from(jwk.d!, "base64url").toString("hex") };
}

// stampVerifies asserts the stamp's structure with expect(); here a malformed stamp is just not verified.
function verifies(request: RecordedRequest): boolean {
  try {
    return stampVerifies(request, keys.apiPublicKey);
  } catch {
    return false;
  }
}

const keys = turnkeyKeyPair();
const received: Array<RecordedRequest & { verified: boolean }> = [];
let server: TestServer | undefined;
let browser: Browser | undefined;
// Started once; each test awaits it, so a Chromium that cannot start fails every test instead of
// skipping them (a failing beforeAll hook makes vitest report its tests as skipped).
let started: Promise<{ page: Page; problems: string[] }>;

beforeAll(() => {
  started = start();
  started.catch(() => undefined);
});

async function start() {
  const serve = await browserModulePage({ turnkey: fileURLToPath(new URL("../src/index.ts", import.meta.url)) });
  server = await startServer((req, res) => {
    if (serve(req, res)) return;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = {
        method: req.method ?? "",
        url: new URL(req.url ?? "/", server!.url),
        headers: new Headers(req.headers as Record<string, string>),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      // Answers only a request whose stamp verifies, as Turnkey would.
      const verified = request.headers.has("x-stamp") && verifies(request);
      received.push({ ...request, verified });
      if (!verified || path !== "/public/v1/submit/oauth_login") {
        res.writeHead(verified ? 404 : 401, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 16, message: "unauthenticated" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          activityResponse("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: "session.jwt" } }),
        ),
      );
    });
  });
  const opened = await openInChromium(`${server.url}/`);
  browser = opened.browser;
  return opened;
}

afterAll(async () => {
  await started.catch(() => undefined);
  await browser?.close();
  await server?.close();
});

declare const window: { lib: { turnkey: any } };

describe("Turnkey in Chromium", () => {
  it("signs an activity with a WebCrypto P-256 stamp that the server verifies over the bytes it received", async () => {
    const { page } = await started;
    const result = await page.evaluate(
      async ({ keys, organizationId }) => {
        const client = window.lib.turnkey.createTurnkeyClient({ ...keys, organizationId, baseUrl: location.origin, retry: false });
        return window.lib.turnkey.oauthLogin(client, { oidcToken: "oidc.token.value", publicKey: keys.apiPublicKey });
      },
      { keys, organizationId: ORG },
    );

    expect(result).toEqual({ session: "session.jwt" });
    const calls = received.filter((request) => request.method === "POST");
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url.pathname).toBe("/public/v1/submit/oauth_login");
    expect(call.verified).toBe(true);
    expect(JSON.parse(call.body)).toMatchObject({
      type: "ACTIVITY_TYPE_OAUTH_LOGIN",
      organizationId: ORG,
      parameters: { oidcToken: "oidc.token.value", publicKey: keys.apiPublicKey },
      timestampMs: expect.stringMatching(/^\d+$/),
    });
  });

  it("loaded the bundle and made the call with no console error or failed request", async () => {
    const { problems } = await started;
    expect(problems).toEqual([]);
  });
});
