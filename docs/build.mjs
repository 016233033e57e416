#!/usr/bin/env node
// `pnpm docs`: builds the static docs site into docs/site/ (gitignored). Every package and provider is
// discovered (pnpm workspace, redocly.yaml); see docs/README.md for what is built and why these tools.
import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { toolsRoot } from "../scripts/lib/apis.mjs";
import { buildApiReference } from "./lib/api-reference.mjs";
import { browserSafety, loadClassification } from "./lib/browser-safety.mjs";
import { exportedHelpers } from "./lib/exported-helpers.mjs";
import { escapeHtml, page } from "./lib/layout.mjs";
import { renderMarkdown } from "./lib/markdown.mjs";
import { providers, publishedPackages, repoRoot } from "./lib/workspace.mjs";

const docsDir = dirname(fileURLToPath(import.meta.url));
export const defaultSiteDir = join(docsDir, "site");

/** Builds the whole site into `siteDir` (emptied first); logs each step with its duration. */
export async function buildSite(siteDir = defaultSiteDir, log = console.log) {
  const started = performance.now();
  const packages = publishedPackages();
  const apis = providers(packages);
  const repositoryUrl = packages.find((pkg) => pkg.repository)?.repository;
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(join(siteDir, "assets"), { recursive: true });

  // The rendered specs run as child processes while TypeDoc works in this one: the two use both cores.
  const specs = timed(`rendered ${apis.length} specs (Redocly build-docs)`, log, () =>
    Promise.all(apis.map((api) => renderSpec(api, join(siteDir, "packages", api.package.dir, "spec.html")))),
  );
  const apiUrls = await timed(`API reference of ${packages.length} packages (TypeDoc)`, log, () =>
    buildApiReference(packages, join(siteDir, "api"), { repositoryUrl }),
  );
  const table = await timed("browser-safety table (exports read with the TypeScript compiler API)", log, async () => {
    const safety = browserSafety(exportedHelpers(packages), loadClassification());
    if (safety.unclassified.length) {
      throw new Error(`docs/browser-safety.yaml does not classify: ${safety.unclassified.join(", ")}`);
    }
    return safety.rows;
  });
  await timed("pages (landing, guide, browser safety, one per package)", log, async () => {
    const site = { packages, apis, apiUrls, repositoryUrl };
    for (const asset of ["style.css", "redocly-logo.svg"]) await copyFile(join(docsDir, "assets", asset), join(siteDir, "assets", asset));
    await writeFile(join(siteDir, "favicon.ico"), FAVICON);
    await writeFile(join(siteDir, "index.html"), landingPage(site));
    await writeFile(join(siteDir, "guide.html"), await guidePage(site));
    await writeFile(join(siteDir, "browser-safety.html"), browserSafetyPage(site, table));
    for (const pkg of packages) {
      await mkdir(join(siteDir, "packages", pkg.dir), { recursive: true });
      await writeFile(join(siteDir, "packages", pkg.dir, "index.html"), await packagePage(site, pkg));
    }
  });
  await specs;
  log(`docs: built ${siteDir} in ${seconds(started)}`);
}

async function timed(what, log, run) {
  const started = performance.now();
  const result = await run();
  log(`docs: ${what} in ${seconds(started)}`);
  return result;
}

function seconds(started) {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

const execFileAsync = promisify(execFile);

// Where Redoc's page would fetch its attribution logo at view time; the site serves its own copy.
const REDOC_CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

/**
 * One provider's rendered spec, a self-contained page that loads nothing from outside:
 * - `--inlineBundle` puts Redoc's script into the page (by default it comes from a CDN at view time);
 * - Redoc 3 routes with the URL path (`/broker-oauth`), which a static host cannot serve; a routing base of
 *   `spec.html#` keeps every route in the fragment, so a deep link (`spec.html#/broker-oauth`) loads;
 * - REDOCLY_TELEMETRY=off keeps the page from reporting to Redocly;
 * - the attribution logo is served from the site instead of Redocly's CDN.
 * Redocly's output is printed only when it fails: a successful run prints banners a reader cannot act on.
 */
async function renderSpec(api, output) {
  await mkdir(dirname(output), { recursive: true });
  const redocly = join(toolsRoot, "node_modules", ".bin", "redocly");
  const args = ["build-docs", api.name, "--inlineBundle", "--output", output, "--title", `${api.package.name} API`];
  args.push(`--openapi.routingBasePath=${basename(output)}#`);
  try {
    await execFileAsync(redocly, args, {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`redocly build-docs ${api.name} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
  const html = await readFile(output, "utf8");
  await writeFile(output, html.replace(REDOC_CDN_LOGOS, "../../assets/redocly-logo.svg"));
}

// A 1×1 transparent PNG: browsers ask every page without an icon for /favicon.ico (Redoc's and TypeDoc's pages).
const FAVICON = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

function landingPage({ packages, apis }) {
  const rows = packages
    .map((pkg) => {
      const api = apis.find((candidate) => candidate.package === pkg);
      return `<tr><td><a href="packages/${pkg.dir}/index.html">${escapeHtml(pkg.name)}</a></td><td>${escapeHtml(pkg.description)}</td><td>${
        api ? `<a href="packages/${pkg.dir}/spec.html">rendered spec</a>` : "—"
      }</td></tr>`;
    })
    .join("\n");
  const body = `<h1>oauth-kit</h1>
<p>Typed TypeScript clients for the OAuth endpoints of ${apis.length} API providers, generated from hand-written
OpenAPI 3.1 specs, one npm package per provider, on one shared auth package.</p>
<table><thead><tr><th>package</th><th>what it covers</th><th>spec</th></tr></thead><tbody>
${rows}
</tbody></table>
<ul>
<li><a href="guide.html">OAuth flows, errors and secrets</a>: what every package does the same way.</li>
<li><a href="browser-safety.html">Browser safety</a>: which helper needs a secret that must stay on a server.</li>
<li><a href="api/index.html">API reference</a>: every exported function, class and type.</li>
</ul>`;
  return page({ title: "oauth-kit", root: "", packages, body });
}

async function guidePage({ packages, repositoryUrl }) {
  const markdown = await readFile(join(docsDir, "guide.md"), "utf8");
  const body = renderMarkdown(markdown, { sourceDir: "docs", sitePageFor: () => undefined, repositoryUrl });
  return page({ title: "OAuth flows, errors and secrets", root: "", packages, body });
}

function browserSafetyPage({ packages }, rows) {
  const sections = packages
    .map((pkg) => {
      const own = rows.filter((row) => row.package === pkg.name);
      const lines = own
        .map(
          (row) =>
            `<tr><td><code>${escapeHtml(row.name)}</code>${row.kind === "class" ? " (class)" : ""}${
              row.origin === pkg.name ? "" : ` <small>from ${escapeHtml(row.origin)}</small>`
            }</td><td class="${row.runs}">${row.runs === "server" ? "server only" : "safe in a browser"}</td><td>${escapeHtml(row.why)}</td></tr>`,
        )
        .join("\n");
      return `<h2 id="${pkg.dir}">${escapeHtml(pkg.name)}</h2>
<table><thead><tr><th>helper</th><th>where it may run</th><th>why</th></tr></thead><tbody>
${lines}
</tbody></table>`;
    })
    .join("\n");
  const body = `<h1>Browser safety</h1>
<p>Every exported helper of every package, read from the packages' exports. <span class="server">server only</span>:
the helper needs a secret that must stay on a server (a client secret, an account password or API key, an
organization's signing key), so calling it from a browser would ship that secret to every user; or it needs
Node itself (the column "why" says which).
<span class="browser">safe in a browser</span>: it needs no such secret (it may take a user's own token).
The classification is kept in <code>docs/browser-safety.yaml</code>; a test fails when an export is missing from it.</p>
${sections}`;
  return page({ title: "Browser safety", root: "", packages, body });
}

async function packagePage({ packages, apis, apiUrls, repositoryUrl }, pkg) {
  const api = apis.find((candidate) => candidate.package === pkg);
  const readme = await readFile(join(pkg.root, "README.md"), "utf8");
  const html = renderMarkdown(readme, {
    sourceDir: `packages/${pkg.dir}`,
    sitePageFor: (repoPath) => {
      const target = packages.find((candidate) => repoPath === `packages/${candidate.dir}`);
      return target && `../${target.dir}/index.html`;
    },
    repositoryUrl,
  });
  const links = [
    api ? `<a href="spec.html">Rendered spec (${escapeHtml(api.spec)})</a>` : "",
    `<a href="../../api/${apiUrls[pkg.name]}">API reference</a>`,
    `<a href="../../browser-safety.html#${pkg.dir}">Browser safety of its helpers</a>`,
  ].filter(Boolean);
  const body = `<p class="links">${links.join("")}</p>\n${html}`;
  return page({ title: pkg.name, root: "../../", packages, body });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSite().catch((error) => {
    console.error(`docs: ${error.message}`);
    process.exitCode = 1;
  });
}
