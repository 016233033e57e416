// The docs site as a reader sees it: built once for this run by `pnpm docs`'s own code, served from
// 127.0.0.1, and opened page by page in headless Chromium. Screenshots of the landing page and one
// provider page are written to artifacts/ (gitignored; CI prints their paths).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type TestServer, launchChromium, serveDirectory } from "@oauth-kit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, defaultSiteDir } from "../build.mjs";
import { providers, publishedPackages, repoRoot } from "../lib/workspace.mjs";
import { crawlSite } from "./crawl.js";

const artifacts = join(repoRoot, "artifacts");
const packages = publishedPackages();
const firstProvider = providers(packages)[0]!;

let server: TestServer | undefined;
let browser: Browser | undefined;
// Built, served and launched once; each test awaits it, so a build or a Chromium that fails fails every
// test instead of skipping them (a failing beforeAll hook makes vitest report its tests as skipped).
let started: Promise<{ server: TestServer; browser: Browser }>;

beforeAll(() => {
  started = (async () => {
    await buildSite(defaultSiteDir);
    server = await serveDirectory(defaultSiteDir);
    browser = await launchChromium();
    return { server, browser };
  })();
  started.catch(() => undefined);
});

afterAll(async () => {
  await started.catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe("docs site in Chromium", () => {
  it("opens every page with no console error or failed request, and every internal link and anchor resolves", async () => {
    const { server, browser } = await started;
    const report = await crawlSite(browser, `${server.url}/index.html`);
    console.log(`docs site: opened ${report.pages.length} pages and ${report.routes.length} Redoc routes in Chromium`);
    expect(report.problems).toEqual([]);
    const paths = report.pages.map((page) => new URL(page).pathname);
    // What the crawl must have reached from the landing page alone.
    expect(paths).toEqual(expect.arrayContaining(["/guide.html", "/browser-safety.html", "/api/index.html"]));
    for (const pkg of packages) expect(paths).toContain(`/packages/${pkg.dir}/index.html`);
    for (const api of providers(packages)) expect(paths).toContain(`/packages/${api.package.dir}/spec.html`);
    // Redoc's own navigation (tags and operations) was followed in every rendered spec.
    for (const api of providers(packages)) {
      expect(report.routes.filter((route) => route.includes(`/packages/${api.package.dir}/spec.html#/`)).length).toBeGreaterThan(1);
    }
    expect(paths.filter((path) => path.startsWith("/api/")).length).toBeGreaterThan(packages.length);
  }, 1_200_000);

  it("writes screenshots of the landing page and of a provider page", async () => {
    const { server, browser } = await started;
    mkdirSync(artifacts, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const shots = [
        { url: `${server.url}/index.html`, file: join(artifacts, "docs-landing.png"), heading: "oauth-kit" },
        {
          url: `${server.url}/packages/${firstProvider.package.dir}/index.html`,
          file: join(artifacts, `docs-provider-${firstProvider.name}.png`),
          heading: firstProvider.package.name,
        },
      ];
      for (const shot of shots) {
        await page.goto(shot.url, { waitUntil: "load" });
        await expect.poll(() => page.locator("h1").first().textContent()).toContain(shot.heading);
        await page.screenshot({ path: shot.file, fullPage: false });
        const png = readFileSync(shot.file);
        expect(png.subarray(0, 8).toString("hex"), `${shot.file} is a PNG`).toBe("89504e470d0a1a0a");
        expect(png.length).toBeGreaterThan(10_000);
      }
    } finally {
      await page.close();
    }
  });
});
