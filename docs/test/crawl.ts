// Opens every page of a site in Chromium, following its internal links from a start page, and reports
// what a reader would trip on: pages that do not load, console errors, failed requests (anything fetched
// from outside the site fails too: the test machine has no network), and links whose page or #anchor
// does not exist.
//
// Redoc's pages (the rendered specs) are single-page apps: their in-page links are routes in the fragment
// (`spec.html#/broker-oauth`), not element ids. Each route is checked by loading it directly, as a reader
// following a shared link would, and looking for Redoc's "No page at this address".
import type { Browser, Page } from "@oauth-kit/testkit";
import { watchPage } from "@oauth-kit/testkit";

export interface CrawlReport {
  /** Every page opened (URL without fragment). */
  pages: string[];
  /** Every Redoc route opened (`spec.html#/route`). */
  routes: string[];
  /** One line per problem, naming the page. */
  problems: string[];
}

const REDOC_NOT_FOUND = "No page at this address";
const LOAD_TIMEOUT_MS = 60_000;

interface Found {
  hrefs: string[];
  ids: string[];
  /** Redoc's routes linked from the page, as fragments (`/broker-oauth`). */
  routes: string[];
}

export async function crawlSite(browser: Browser, start: string, options: { concurrency?: number } = {}): Promise<CrawlReport> {
  const origin = new URL(start).origin;
  const anchors = new Map<string, Set<string>>();
  const links: Array<{ from: string; to: URL }> = [];
  const routes = new Set<string>();
  const problems: string[] = [];
  const seen = new Set<string>([start]);

  await inTabs(browser, options.concurrency ?? 3, async (visit) => {
    let level = [start];
    // Breadth first, a level at a time, so that the tabs can share a level's pages.
    while (level.length) {
      const next: string[] = [];
      await visit(level, async (tab, url) => {
        const found = await openPage(tab, url);
        anchors.set(url, new Set(found.ids));
        for (const route of found.routes) routes.add(`${url}#${route}`);
        for (const href of found.hrefs) {
          const target = new URL(href);
          if (target.origin !== origin) continue;
          links.push({ from: url, to: target });
          const page = target.href.replace(/#.*$/, "");
          if (!seen.has(page)) {
            seen.add(page);
            next.push(page);
          }
        }
      });
      level = next;
    }
    await visit([...routes], async (tab, url) => {
      await openPage(tab, url);
      const text = await tab.evaluate(() => document.body.innerText);
      if (text.includes(REDOC_NOT_FOUND)) throw new Error("Redoc has no page for this route");
    });
  }, problems);

  for (const { from, to } of links) {
    const hash = decodeURIComponent(to.hash.slice(1));
    if (!hash) continue;
    const ids = anchors.get(to.href.replace(/#.*$/, ""));
    if (ids && !ids.has(hash)) problems.push(`${from}: link to a missing anchor ${to.pathname}#${hash}`);
  }
  return { pages: [...anchors.keys()], routes: [...routes], problems };
}

type Visit = (urls: string[], check: (tab: Page, url: string) => Promise<void>) => Promise<void>;

// Runs `body` with a `visit` that spreads URLs over `count` tabs and records, per URL, what went wrong:
// a thrown check, and every console error, uncaught exception and failed request seen while it was open.
async function inTabs(browser: Browser, count: number, body: (visit: Visit) => Promise<void>, problems: string[]) {
  const tabs = await Promise.all(Array.from({ length: count }, () => browser.newPage()));
  const watched = tabs.map((tab) => watchPage(tab));
  const visit: Visit = async (urls, check) => {
    let cursor = 0;
    await Promise.all(
      tabs.map(async (tab, i) => {
        while (cursor < urls.length) {
          const url = urls[cursor++]!;
          // Leave the previous page first: the requests it still had in flight are aborted by leaving it,
          // which is not a problem of either page.
          await tab.goto("about:blank");
          const seen = watched[i]!.problems;
          seen.length = 0;
          try {
            await check(tab, url);
          } catch (error) {
            problems.push(`${url}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          }
          problems.push(...seen.map((problem) => `${url}: ${problem}`));
        }
      }),
    );
  };
  try {
    await body(visit);
  } finally {
    await Promise.all(tabs.map((tab) => tab.close()));
  }
}

async function openPage(tab: Page, url: string): Promise<Found> {
  // Always from about:blank (see inTabs), so a route `spec.html#/b` after `spec.html#/a` is a fresh load too.
  const response = await tab.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
  if (!response?.ok()) throw new Error(`HTTP ${response?.status()}`);
  if (await tab.evaluate(() => document.getElementById("redoc") !== null)) {
    // Redoc has hydrated once its attribution logo is mounted (it is rendered on the client only).
    await tab.waitForFunction(() => document.querySelector('#redoc img[alt="redocly logo"]') !== null, undefined, {
      timeout: LOAD_TIMEOUT_MS,
    });
  }
  return tab.evaluate(() => {
    const redoc = document.getElementById("redoc");
    const hrefs: string[] = [];
    const routes: string[] = [];
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))) {
      const raw = a.getAttribute("href") ?? "";
      if (redoc?.contains(a) && (raw.startsWith("/") || raw.includes("#/"))) {
        // A Redoc route: `/tag` before the router rewrites it, `spec.html#/tag/op` after.
        routes.push(raw.includes("#/") ? raw.slice(raw.indexOf("#") + 1) : raw);
      } else {
        hrefs.push(a.href);
      }
    }
    const ids = Array.from(document.querySelectorAll("[id], a[name]"), (e) => e.id || e.getAttribute("name") || "");
    return { hrefs, ids, routes };
  });
}
