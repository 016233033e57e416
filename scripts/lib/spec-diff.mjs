// The semver impact of a spec change. api-smart-diff (udamir/api-smart-diff: OpenAPI 3.x, resolves $refs,
// matches operations and parameters, two small dependencies) finds the changes and classifies them for an
// HTTP client in general; we re-classify each for the users of a *typed* client, per issue #14:
//   breaking: operation or response field removed, type narrowed, a request field became required,
//             an enum value removed, auth changed (security or security schemes), a server removed
//   minor:    operation or optional field added, and other additions
//   patch:    descriptions, summaries, examples, external docs
// A change none of these rules names keeps api-smart-diff's class (unclassified counts as minor).
import { apiCompare } from "api-smart-diff";

export const LEVELS = ["none", "patch", "minor", "major"];
const max = (a, b) => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);
export const atLeast = (level, bump) => LEVELS.indexOf(bump) >= LEVELS.indexOf(level);

const ANNOTATION_KEYS = new Set(["description", "summary", "example", "examples", "externalDocs", "title", "contact", "termsOfService"]);
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const LIBRARY_LEVEL = { breaking: "major", "non-breaking": "minor", deprecated: "minor", annotation: "patch", unclassified: "minor" };

/** The level of one api-smart-diff change. */
export function levelOf(diff) {
  const path = diff.path.map(String);
  const last = path.at(-1);
  const parent = path.at(-2);
  // Prose and examples change no type and no behaviour, wherever they sit.
  if (path.some((key) => ANNOTATION_KEYS.has(key))) return "patch";
  if (path[0] === "info") return "patch";
  if (path.includes("security") || path.includes("securitySchemes")) return "major";
  const inRequest = path.includes("requestBody") || path.includes("parameters");

  if (diff.action === "remove") {
    // An operation or a whole path, a field, an enum value, a parameter or a server that users relied on.
    if ((path[0] === "paths" && (path.length === 2 || (path.length === 3 && METHODS.has(last)))) || parent === "properties") return "major";
    if (parent === "enum" || path[0] === "servers" || parent === "parameters") return "major";
    // A field no longer required: looser for what is sent, weaker for what is received.
    if (parent === "required") return inRequest ? "minor" : "major";
  }
  if (diff.action === "add") {
    if (parent === "required") return inRequest ? "major" : "minor";
    if (path[0] === "paths" || parent === "properties" || parent === "enum" || path[0] === "servers") {
      return diff.type === "breaking" ? "major" : "minor";
    }
  }
  if (diff.action === "replace" && (last === "type" || parent === "type")) return diff.type === "breaking" ? "major" : "minor";
  return LIBRARY_LEVEL[diff.type] ?? "minor";
}

/** `{ level, changes: [{ level, action, path, description }] }` between two parsed OpenAPI documents. */
export function classifySpecChange(before, after) {
  if (before === undefined) return { level: "minor", changes: [{ level: "minor", action: "add", path: "(new spec)", description: "new API" }] };
  const { diffs } = apiCompare(before, after);
  const changes = diffs.map((diff) => ({
    level: levelOf(diff),
    action: diff.action,
    path: diff.path.join("/"),
    description: diff.description ?? `${diff.action} ${diff.path.join("/")}`,
  }));
  return { level: changes.reduce((level, change) => max(level, change.level), "none"), changes };
}
