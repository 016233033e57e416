// Markdown to HTML for the site's pages (package READMEs, the guide): marked with GitHub's heading ids,
// so README anchors such as `#retries` keep working, and with relative links rewritten for the site.
import { posix } from "node:path";
import { Marked } from "marked";
import { gfmHeadingId } from "marked-gfm-heading-id";

/**
 * Renders `markdown` whose relative links are relative to `sourceDir` (a repo path such as
 * `packages/alpaca`). A link to a page of the site (`*.html`) or an anchor stays as it is; a link to a
 * package that has a page goes to that page (`sitePageFor(repoPath)` returns its URL); any other repo file
 * goes to the repository's web view, since the site does not copy it.
 */
export function renderMarkdown(markdown, { sourceDir, sitePageFor, repositoryUrl }) {
  const marked = new Marked(gfmHeadingId(), {
    gfm: true,
    walkTokens(token) {
      if (token.type === "link" || token.type === "image") {
        token.href = siteHref(token.href, { sourceDir, sitePageFor, repositoryUrl });
      }
    },
  });
  return marked.parse(markdown, { async: false });
}

function siteHref(href, { sourceDir, sitePageFor, repositoryUrl }) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("//")) return href;
  const [path, hash] = splitHash(href);
  if (path.endsWith(".html")) return href;
  const repoPath = posix.normalize(posix.join(sourceDir, path)).replace(/\/$/, "");
  const page = sitePageFor(repoPath.replace(/\/README\.md$/, ""));
  if (page) return page + hash;
  if (!repositoryUrl) throw new Error(`cannot link ${href} from ${sourceDir}: no repository URL`);
  return `${repositoryUrl}/blob/main/${repoPath}${hash}`;
}

function splitHash(href) {
  const at = href.indexOf("#");
  return at === -1 ? [href, ""] : [href.slice(0, at), href.slice(at)];
}
