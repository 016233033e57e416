// The HTML shell every page of the site (except the rendered specs and the TypeDoc reference, which
// bring their own) is wrapped in: title, stylesheet and the navigation, with links relative to `root`.

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/**
 * A page: `root` is the relative path from the page to the site root ("" or "../../"), `packages` the
 * published packages (for the navigation), `body` trusted HTML.
 */
export function page({ title, root, packages, body }) {
  const nav = [
    ["index.html", "Home"],
    ["guide.html", "OAuth flows, errors, secrets"],
    ["browser-safety.html", "Browser safety"],
    ["api/index.html", "API reference"],
    ...packages.map((pkg) => [`packages/${pkg.dir}/index.html`, pkg.name]),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · oauth-kit</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/style.css">
</head>
<body>
<nav>${nav.map(([href, label]) => `<a href="${root}${href}">${escapeHtml(label)}</a>`).join("\n")}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}
