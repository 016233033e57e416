// Which benchmarks exist: every bench/*.bench.mjs, sorted by name. Discovered, never listed, so a bench
// file added on another branch joins `pnpm bench` by being merged.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));

export function benchFiles(dir = benchDir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".bench.mjs"))
    .sort();
}
