// The list of APIs, read from redocly.yaml: the one place that names every spec and its output.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The repository root; OAUTH_KIT_ROOT points the scripts at a copy (the drift-gate test uses one). */
export const repoRoot = process.env.OAUTH_KIT_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where the tools are installed: always this checkout, even when working on a copy. */
export const toolsRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Every `apis` entry of redocly.yaml as `{ name, spec, schemaOutput, metadataOutput, packageDir }`
 * (paths relative to the repo root). `only` narrows the list; an unknown name is an error.
 */
export function loadApis(only = []) {
  const config = parse(readFileSync(join(repoRoot, "redocly.yaml"), "utf8"));
  const apis = Object.entries(config.apis ?? {}).map(([name, api]) => {
    const schemaOutput = api["x-openapi-ts"]?.output;
    if (!schemaOutput) throw new Error(`redocly.yaml: api "${name}" has no x-openapi-ts.output`);
    const generatedDir = dirname(schemaOutput);
    return {
      name,
      spec: api.root,
      schemaOutput,
      metadataOutput: join(generatedDir, "metadata.ts"),
      packageDir: relative(repoRoot, join(repoRoot, generatedDir, "..", "..")),
    };
  });
  const unknown = only.filter((name) => !apis.some((api) => api.name === name));
  if (unknown.length) throw new Error(`unknown api: ${unknown.join(", ")} (see redocly.yaml)`);
  return only.length ? apis.filter((api) => only.includes(api.name)) : apis;
}
