// What npm shows and needs for every published package: the MIT licence file (identical to the root's, and
// listed in `files` so the tarball carries it; the pack step checks the tarball itself), where the code and
// the issues live, and the publishing configuration the release workflow relies on (public, provenance).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const published = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => !manifest.private);

describe.each(published)("$manifest.name", ({ dir, manifest }) => {
  it("ships the root's MIT LICENSE", () => {
    expect(manifest.license).toBe("MIT");
    expect(manifest.files).toContain("LICENSE");
    expect(readFileSync(join(root, "packages", dir, "LICENSE"), "utf8")).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
  });

  it("names its repository folder, homepage and issue tracker", () => {
    expect(manifest.repository).toEqual({ type: "git", url: "git+https://github.com/oauth-kit/oauth-kit.git", directory: `packages/${dir}` });
    expect(manifest.homepage).toBe(`https://github.com/oauth-kit/oauth-kit/tree/main/packages/${dir}#readme`);
    expect(manifest.bugs).toEqual({ url: "https://github.com/oauth-kit/oauth-kit/issues" });
  });

  it("publishes publicly with provenance", () => {
    expect(manifest.publishConfig).toEqual({ access: "public", provenance: true });
  });

  it("supports the Node versions CI tests, and says so like the root", () => {
    expect(manifest.engines).toEqual(rootManifest.engines);
  });
});

it("the root LICENSE is MIT", () => {
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
});
