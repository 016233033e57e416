import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packages = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Bundles a TypeScript worker script (for child processes) into one .mjs, with the workspace packages
 * resolved to their sources as in vitest, so the multi-process tests need no build first.
 */
export async function bundleWorker(entry: string): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "oauth-kit-worker-"));
  const file = join(dir, "worker.mjs");
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    alias: {
      "@oauth-kit/auth/file-store": join(packages, "auth/src/file-store/index.ts"),
      "@oauth-kit/auth/errors": join(packages, "auth/src/public-errors.ts"),
      "@oauth-kit/auth": join(packages, "auth/src/index.ts"),
      "@oauth-kit/redis": join(packages, "redis/src/index.ts"),
    },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
