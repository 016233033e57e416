// The one place that starts Chromium for tests (the docs-site crawl, the library's browser tests, the
// mock server's browser demo). Always Debian's /usr/bin/chromium driven by playwright-core: no tool ever
// downloads a browser of its own. A test that needs Chromium fails, never skips, when it cannot start.
import { type Browser, type Page, chromium } from "playwright-core";

export type { Browser, Page } from "playwright-core";

/** Debian's `chromium` package (`apt-get install -y chromium`; .ci/run installs it when missing). */
export const CHROMIUM_EXECUTABLE = "/usr/bin/chromium";

/** Headless, no sandbox (CI runs as root), and nothing that reaches out to the network by itself. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * Launches headless Chromium. Throws, with the way to fix it, when it cannot start: a test that needs a
 * browser must fail rather than skip. The caller closes it (`browser.close()`).
 */
export async function launchChromium(options: { timeoutMs?: number } = {}): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      timeout: options.timeoutMs ?? 60_000,
    });
  } catch (error) {
    throw new Error(
      `Chromium could not start from ${CHROMIUM_EXECUTABLE} (install it with: apt-get update && apt-get install -y chromium): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}

/**
 * Records what a healthy page never shows: console errors, uncaught exceptions, failed requests and
 * responses with an error status. Attach before navigating; read `problems` after.
 */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems };
}

/**
 * Launches Chromium and opens `url` in a watched page, waiting until the page sets `window.ready` (a page
 * from browserModulePage() does once its bundles are loaded). The caller closes `browser`.
 */
export async function openInChromium(url: string): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const { problems } = watchPage(page);
    await page.goto(url);
    await page.waitForFunction("window.ready === true", undefined, { timeout: 60_000 });
    return { browser, page, problems };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
