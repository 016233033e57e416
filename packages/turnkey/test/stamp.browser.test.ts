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
  bundleForBrowser,
  launchChromium,
  startServer,
  watchPage,
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

const PAGE = `<!doctype html><meta charset="utf-8"><title>stamp</title><link rel="icon" href="data:,">
<script type="module">
import * as turnkey from "/turnkey.js";
window.turnkey = turnkey;
window.ready = true;
</script>`;

const keys = turnkeyKeyPair();
const received: Array<RecordedRequest & { verified: boolean }> = [];
let server: TestServer;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  const bundle = await bundleForBrowser(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method === "GET" && (path === "/" || path === "/turnkey.js")) {
      res.writeHead(200, { "content-type": path === "/" ? "text/html" : "text/javascript" });
      res.end(path === "/" ? PAGE : bundle);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = {
        method: req.method ?? "",
        url: new URL(req.url ?? "/", server.url),
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
  browser = await launchChromium();
  page = await browser.newPage();
  watched = watchPage(page);
  await page.goto(`${server.url}/`);
  await page.waitForFunction("window.ready === true", undefined, { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

declare const window: { turnkey: any };

describe("Turnkey in Chromium", () => {
  it("signs an activity with a WebCrypto P-256 stamp that the server verifies over the bytes it received", async () => {
    const result = await page.evaluate(
      async ({ keys, organizationId }) => {
        const client = window.turnkey.createTurnkeyClient({ ...keys, organizationId, baseUrl: location.origin, retry: false });
        return window.turnkey.oauthLogin(client, { oidcToken: "oidc.token.value", publicKey: keys.apiPublicKey });
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

  it("loaded the bundle and made the call with no console error or failed request", () => {
    expect(watched.problems).toEqual([]);
  });
});
