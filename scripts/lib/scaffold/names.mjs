// The names a new provider is known by, derived from its npm-style name (`acme`, `open-id`).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Auth modes the scaffold can write: the spec's security schemes and the client options they map to. */
export const AUTH_MODES = ["basic", "api-key", "bearer"];

export function providerNames(name) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new Error(`provider name must be lower-case letters, digits and dashes (like "acme" or "open-id"), got ${JSON.stringify(name)}`);
  }
  const pascal = name.split("-").map((part) => part[0].toUpperCase() + part.slice(1)).join("");
  return {
    name,
    /** `OpenId`: in type and function names (`createOpenIdClient`). */
    pascal,
    /** `open-id` -> `openId`: the client variable in examples. */
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    /** `OPEN_ID`: environment variable prefix in examples. */
    env: name.toUpperCase().replace(/-/g, "_"),
    packageName: `@oauth-kit/${name}`,
  };
}

/** The repository's pinned versions, so a scaffolded package depends on what the others do. */
export function sharedVersions(root) {
  const alpaca = JSON.parse(readFileSync(join(root, "packages", "alpaca", "package.json"), "utf8"));
  return { openapiFetch: alpaca.dependencies["openapi-fetch"], engines: alpaca.engines, sizeBudget: { quickStart: alpaca.sizeBudget?.quickStart ?? "6 kB", target: alpaca.sizeBudget?.target ?? "6 kB" } };
}
