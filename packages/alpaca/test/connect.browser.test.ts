// The Alpaca Connect pieces that belong in a browser, run in real headless Chromium from an esbuild
// browser bundle of the package: a PKCE pair, state, the authorize URL, and the callback check. (The code
// exchange sends the app's client secret, so it stays on a server and is not run here.)
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import {
  type Browser,
  type Page,
  type TestServer,
  browserModulePage,
  openInChromium,
  startServer,
  workspaceSourceAliases,
} from "@oauth-kit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECT_AUTHORIZE_URL } from "../src/index.js";

let server: TestServer | undefined;
let browser: Browser | undefined;
// Started once; each test awaits it, so a Chromium that cannot start fails every test instead of
// skipping them (a failing beforeAll hook makes vitest report its tests as skipped).
let started: Promise<{ page: Page; problems: string[] }>;

beforeAll(() => {
  started = (async () => {
    const serve = await browserModulePage({
      alpaca: fileURLToPath(new URL("../src/index.ts", import.meta.url)),
      auth: workspaceSourceAliases()["@oauth-kit/auth"]!,
    });
    server = await startServer((req, res) => {
      if (serve(req, res)) return;
      res.writeHead(404).end("not found");
    });
    const opened = await openInChromium(`${server.url}/`);
    browser = opened.browser;
    return opened;
  })();
  started.catch(() => undefined);
});

afterAll(async () => {
  await started.catch(() => undefined);
  await browser?.close();
  await server?.close();
});

// The bundles' exports, as the page sees them (typed loosely: this runs in the browser).
declare const window: { lib: { alpaca: any; auth: any } };

describe("Alpaca Connect in Chromium", () => {
  it("makes a PKCE pair with WebCrypto whose S256 challenge is the verifier's SHA-256", async () => {
    const { page } = await started;
    const pkce = await page.evaluate(() => window.lib.auth.createPkce());
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(pkce.method).toBe("S256");
    expect(pkce.challenge).toBe(createHash("sha256").update(pkce.verifier).digest("base64url"));
  });

  it("builds the authorize URL with a fresh state, and checks the callback against it once", async () => {
    const { page } = await started;
    const redirectUri = `${server!.url}/callback`;
    const outcome = await page.evaluate(async (redirectUri) => {
      const { alpaca, auth } = window.lib;
      const store = new alpaca.MemoryPendingStore();
      const started = await alpaca.startConnectAuthorization({
        clientId: "client-123",
        redirectUri,
        scope: ["account:write", "trading"],
        store,
      });
      const state = new URL(started.url).searchParams.get("state");
      const callback = `${redirectUri}?code=one-time-code&state=${state}`;
      const completed = await auth.completeAuthorization(callback, { provider: "alpaca", store });
      const refusal = (error: { name: string; reason: string }) => `${error.name}:${error.reason}`;
      const replayed = await auth.completeAuthorization(callback, { provider: "alpaca", store }).then(() => "accepted", refusal);
      const other = await alpaca.startConnectAuthorization({ clientId: "client-123", redirectUri, store });
      const forgedUrl = `${redirectUri}?code=c&state=forged-state`;
      const unknown = await auth.completeAuthorization(forgedUrl, { provider: "alpaca", store }).then(() => "accepted", refusal);
      let mismatch = "accepted";
      try {
        auth.parseCallback(forgedUrl, { state });
      } catch (error) {
        mismatch = refusal(error as { name: string; reason: string });
      }
      const parsed = auth.parseCallback(callback, { state });
      return { url: started.url, otherUrl: other.url, completed, replayed, unknown, mismatch, parsed };
    }, redirectUri);

    const url = new URL(outcome.url);
    expect(`${url.origin}${url.pathname}`).toBe(CONNECT_AUTHORIZE_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client-123",
      redirect_uri: redirectUri,
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: "account:write trading",
    });
    expect(new URL(outcome.otherUrl).searchParams.get("state")).not.toBe(url.searchParams.get("state"));
    expect(outcome.completed).toMatchObject({ code: "one-time-code", redirectUri });
    expect(outcome.replayed).toBe("CallbackError:state_replayed");
    expect(outcome.unknown).toBe("CallbackError:state_mismatch"); // a state this store never issued
    expect(outcome.mismatch).toBe("CallbackError:state_mismatch");
    expect(outcome.parsed).toMatchObject({ code: "one-time-code" });
  });

  it("loaded the bundles with no console error or failed request", async () => {
    const { problems } = await started;
    expect(problems).toEqual([]);
  });
});
