// The browser demo, end to end in headless Chromium (Debian's, driven by playwright-core; no browser is
// downloaded): the static page starts Alpaca Connect with PKCE, the mock's authorize page is approved with a
// click, the callback exchanges the code and makes the first call. A screenshot of the result is written to
// artifacts/browser-alpaca-connect.png (gitignored) at the repository root.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startMockProvider } from "@oauth-kit/mock";
import { type Browser, bundleForBrowser, launchChromium, startServer, useNock } from "@oauth-kit/testkit";
import { afterAll, expect, it } from "vitest";

useNock();

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here("../../../");
const SCREENSHOT = `${root}artifacts/browser-alpaca-connect.png`;

/** app.ts bundled for the browser, the oauth-kit packages taken from their sources. */
async function bundleApp(): Promise<string> {
  const { code, errors } = await bundleForBrowser(here("../app.ts"));
  expect(errors).toEqual([]);
  return code;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it("runs Alpaca Connect with PKCE in Chromium: authorize page, callback, exchange, first call", { timeout: 120_000 }, async () => {
  const app = await bundleApp();
  const html = readFileSync(here("../index.html"), "utf8");
  const site = await startServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/app.js") response.writeHead(200, { "content-type": "text/javascript" }).end(app);
    else if (path === "/index.html") response.writeHead(200, { "content-type": "text/html" }).end(html);
    else response.writeHead(404).end();
  });
  cleanups.push(() => site.close());
  const pageUrl = `${site.url}/index.html`;
  const mock = await startMockProvider("alpaca", { redirectUris: [pageUrl] });
  cleanups.push(() => mock.close());

  // A browser that cannot start fails the test (it never skips): apt-get install chromium.
  const browser: Browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  const { clientId, clientSecret } = mock.credentials;
  await page.goto(`${pageUrl}?${new URLSearchParams({ alpacaUrl: mock.baseUrl, clientId: clientId!, clientSecret: clientSecret! })}`);
  await page.click("#connect");
  // The mock's authorize page.
  await page.waitForURL(`${mock.baseUrl}/oauth/authorize?**`);
  await expect.poll(() => page.textContent("body")).toContain("Mock Trading App");
  await page.click("#approve");
  // Back on the demo page, which exchanges the code and calls the API.
  await page.waitForSelector("#account:not([hidden])", { timeout: 60_000 });
  expect(await page.textContent("#status")).toBe("Connected.");
  expect(await page.textContent("#account")).toContain("PA3MOCK0001");
  expect(errors).toEqual([]);
  mkdirSync(`${root}artifacts`, { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // PKCE went end to end: the code was bound to an S256 challenge and redeemed with the verifier.
  const [code] = mock.state.codes.values();
  expect(code).toMatchObject({ codeChallengeMethod: "S256", redirectUri: pageUrl, scope: "account:write trading" });
  expect(code!.usedAt).toBeDefined();
  expect(mock.state.requests.filter((request) => request.operationId).map((request) => [request.operationId, request.status])).toEqual([["exchangeConnectAuthorizationCode", 200]]);
  expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe("PNG");
});

it("app.ts type-checks against the packages' sources", { timeout: 120_000 }, () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // Throws, with the compiler's output, on any type error.
  execFileSync(process.execPath, [tsc, "-p", here("../tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
});
