// Joins the exported helpers (read from the packages) with docs/browser-safety.yaml (the annotated
// classification) into the rows of the browser-safety table, and says what the YAML lacks or has too much.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./workspace.mjs";

export const CLASSIFICATION_FILE = "docs/browser-safety.yaml";
const RUNS = new Set(["server", "browser"]);

/** The YAML, as `{ [package]: { [helper]: { runs, why } } }`. */
export function loadClassification(file = join(repoRoot, CLASSIFICATION_FILE)) {
  return parse(readFileSync(file, "utf8")) ?? {};
}

/**
 * `{ rows, unclassified, stale, invalid }`: one row per exported helper (`{ package, name, kind, origin,
 * runs, why }`); helpers with no entry at their origin; entries no package exports; entries whose
 * `runs` is not server/browser or whose `why` is empty.
 */
export function browserSafety(helpers, classification) {
  const rows = helpers.map((helper) => ({ ...helper, ...(classification[helper.origin]?.[helper.name] ?? {}) }));
  const unclassified = rows.filter((row) => row.runs === undefined).map((row) => `${row.origin} ${row.name}`);
  const declared = new Set(helpers.map((helper) => `${helper.origin} ${helper.name}`));
  const stale = [];
  const invalid = [];
  for (const [pkg, entries] of Object.entries(classification)) {
    for (const [name, entry] of Object.entries(entries ?? {})) {
      const id = `${pkg} ${name}`;
      if (!declared.has(id)) stale.push(id);
      if (!RUNS.has(entry?.runs) || typeof entry?.why !== "string" || entry.why.trim() === "") invalid.push(id);
    }
  }
  return { rows, unclassified: [...new Set(unclassified)], stale, invalid };
}
