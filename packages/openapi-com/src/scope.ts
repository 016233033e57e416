import { ConfigError } from "@oauth-kit/auth";

// openapi.com scopes are `METHOD:host/path-prefix`, e.g. `GET:company.openapi.com/IT-start` or
// `DELETE:oauth.openapi.com/tokens`. The server rejects a malformed one only when the token is created
// (422, errors 80/90), so these helpers catch it where it is written, with a message saying which part is wrong.

export const SCOPE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ScopeMethod = (typeof SCOPE_METHODS)[number];

/** The three parts of a scope string. `path` is a prefix starting with `/`, or empty for the whole host. */
export interface ScopeParts {
  method: ScopeMethod;
  host: string;
  path: string;
}

// Far longer than any real scope; anything beyond is a mistake (a pasted document), not a scope.
const MAX_SCOPE_LENGTH = 2048;
const MAX_HOST_LENGTH = 253;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// RFC 3986 path characters, except ',' which separates scopes in the `scopes` query filter.
const PATH_CHARACTER = /^(?:[A-Za-z0-9\-._~!$&'()*+;=:@/]|%[0-9A-Fa-f]{2})/;
const PREVIEW_LENGTH = 40;

/** A short, escaped quotation of caller input for an error message: never the whole of a huge value. */
function preview(value: string): string {
  if (value.length <= PREVIEW_LENGTH) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, PREVIEW_LENGTH))}… (${value.length} characters)`;
}

function checkMethod(method: unknown, where: string): asserts method is ScopeMethod {
  if (typeof method !== "string" || !(SCOPE_METHODS as readonly string[]).includes(method)) {
    const got = typeof method === "string" ? preview(method) : typeof method;
    throw new ConfigError(`${where}method must be one of ${SCOPE_METHODS.join(", ")} (uppercase), got ${got}`);
  }
}

function checkHost(host: unknown, where: string): asserts host is string {
  const expected = "a lowercase DNS name such as company.openapi.com";
  if (typeof host !== "string" || host === "") {
    throw new ConfigError(`${where}host must be ${expected}, got ${typeof host === "string" ? "nothing" : typeof host}`);
  }
  if (host.length > MAX_HOST_LENGTH) throw new ConfigError(`${where}host ${preview(host)} is longer than ${MAX_HOST_LENGTH} characters`);
  const labels = host.split(".");
  const bad = labels.find((label) => !DNS_LABEL.test(label));
  if (bad !== undefined || labels.length < 2) {
    const reason = bad === "" ? "has an empty label" : bad !== undefined ? `has the invalid label ${preview(bad)}` : "has no domain";
    throw new ConfigError(`${where}host ${preview(host)} ${reason}; it must be ${expected}`);
  }
  // An IPv4 address passes the label rules; scopes name API hosts, never addresses.
  if (/^\d+$/.test(labels[labels.length - 1]!)) throw new ConfigError(`${where}host ${preview(host)} is an address; it must be ${expected}`);
}

function checkPath(path: unknown, where: string): asserts path is string {
  if (typeof path !== "string") throw new ConfigError(`${where}path must be a string starting with "/" (or empty), got ${typeof path}`);
  if (path === "") return;
  if (!path.startsWith("/")) throw new ConfigError(`${where}path ${preview(path)} must start with "/" (or be empty)`);
  for (let index = 0; index < path.length; ) {
    const match = PATH_CHARACTER.exec(path.slice(index, index + 3));
    if (!match) {
      const character = path[index] === "%" ? path.slice(index, index + 3) : path[index]!;
      const why = character === "," ? " (',' separates scopes in the scopes filter)" : "";
      throw new ConfigError(`${where}path ${preview(path)} has ${JSON.stringify(character)} at position ${index}, which a scope path cannot contain${why}`);
    }
    index += match[0].length;
  }
}

/** `METHOD:host/path`, e.g. `buildScope({ method: "GET", host: "company.openapi.com", path: "/IT-start" })`. */
export function buildScope(parts: ScopeParts): string {
  if (parts === null || typeof parts !== "object") throw new ConfigError("buildScope takes { method, host, path }");
  const { method, host, path } = parts;
  checkMethod(method, "scope ");
  checkHost(host, "scope ");
  checkPath(path, "scope ");
  const scope = `${method}:${host}${path}`;
  if (scope.length > MAX_SCOPE_LENGTH) throw new ConfigError(`scope is ${scope.length} characters long; at most ${MAX_SCOPE_LENGTH}`);
  return scope;
}

/** The method, host and path of a scope string; throws a ConfigError naming the part that is wrong. */
export function parseScope(scope: string): ScopeParts {
  if (typeof scope !== "string") throw new ConfigError(`scope must be a string, got ${scope === null ? "null" : typeof scope}`);
  if (scope.length > MAX_SCOPE_LENGTH) {
    throw new ConfigError(`scope ${preview(scope)} is ${scope.length} characters long; at most ${MAX_SCOPE_LENGTH}`);
  }
  const colon = scope.indexOf(":");
  if (colon < 0) throw new ConfigError(`scope ${preview(scope)} must look like METHOD:host/path, e.g. GET:company.openapi.com/IT-start`);
  const method = scope.slice(0, colon);
  const rest = scope.slice(colon + 1);
  const slash = rest.indexOf("/");
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash);
  const where = `scope ${preview(scope)}: `;
  checkMethod(method, where);
  checkHost(host, where);
  checkPath(path, where);
  return { method, host, path };
}

/** The `scopes` query filter: scope strings, each checked with parseScope, joined with ','. */
export function scopesFilter(scopes: string | readonly string[]): string {
  const list = typeof scopes === "string" ? scopes.split(",") : scopes;
  if (!Array.isArray(list) || list.length === 0) throw new ConfigError("scopes filter must list at least one scope");
  for (const scope of list) parseScope(scope);
  return list.join(",");
}
