import { SECRET_HEADERS, isSecretField } from "./secret-names.js";

/** What a request carried, as the transport saw it when it sent it. */
export interface SentRequest {
  url: string;
  /** The headers of every attempt (a 401 replay sends a new token). */
  headers: Iterable<Headers>;
  body?: Uint8Array | string | undefined;
  /** The operation's path template, when known: path parameter values are masked too. */
  pathTemplate?: string | undefined;
}

/**
 * Every secret value a request carried: credential header values (the credential after its scheme,
 * and a Basic header's decoded `user:password` and password), cookie values, secret-named query
 * parameters and form or JSON body fields at any size and depth, and path parameter values (some APIs
 * put a bearer token in the path). Computed only when an error is built.
 */
export function requestSecrets(sent: SentRequest): string[] {
  const out: string[] = [];
  for (const headers of sent.headers) collectHeaderSecrets(headers, out);
  let url: URL | undefined;
  try {
    url = new URL(sent.url);
  } catch {
    // not a URL: nothing to scan
  }
  if (url) {
    for (const [key, value] of url.searchParams) if (isSecretField(key)) out.push(value);
    out.push(...pathParameterValues(url.pathname, sent.pathTemplate));
  }
  const text = typeof sent.body === "string" ? sent.body : sent.body && sent.body.length > 0 ? new TextDecoder().decode(sent.body) : "";
  if (text !== "") collectBodySecrets(text, out);
  return out;
}

function collectHeaderSecrets(headers: Headers, out: string[]): void {
  for (const name of SECRET_HEADERS) {
    const value = headers.get(name);
    if (!value) continue;
    out.push(value);
    if (name === "cookie" || name === "set-cookie") {
      for (const pair of value.split(/[;,]/)) out.push(pair.slice(pair.indexOf("=") + 1).trim());
      continue;
    }
    const scheme = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
    if (!scheme) continue;
    out.push(scheme[2]!);
    if (scheme[1]!.toLowerCase() === "basic") {
      try {
        const decoded = new TextDecoder().decode(Uint8Array.from(atob(scheme[2]!), (c) => c.charCodeAt(0)));
        out.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
      } catch {
        // not base64: the raw value is already listed
      }
    }
  }
}

// The body is read whatever its declared type: a JSON body sent as text/plain is still JSON.
function collectBodySecrets(text: string, out: string[]): void {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      collectJsonSecrets(JSON.parse(text), out, 0);
      return;
    } catch {
      // not JSON after all: try it as a form
    }
  }
  for (const [key, value] of new URLSearchParams(text)) if (isSecretField(key)) out.push(value);
}

function collectJsonSecrets(value: unknown, out: string[], depth: number): void {
  if (depth > 64 || value === null || typeof value !== "object") return;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (typeof member === "string" && isSecretField(key)) out.push(member);
    else collectJsonSecrets(member, out, depth + 1);
  }
}

/** The values of the secret-named string fields of a JSON value, at any depth (a Turnkey activity's intent). */
export function secretFieldsOf(value: unknown): string[] {
  const out: string[] = [];
  collectJsonSecrets(value, out, 0);
  return out;
}

// The template's segments match the last segments of the path (the base URL may add a prefix such as /v1).
export function alignTemplate(pathname: string, template: string): { actual: string[]; params: [index: number, name: string][] } {
  const actual = pathname.split("/");
  const wanted = template.split("/");
  const offset = actual.length - wanted.length;
  if (offset < 0) return { actual, params: [] };
  const params: [number, string][] = [];
  wanted.forEach((segment, i) => {
    if (/\{[^}]+\}/.test(segment)) params.push([offset + i, segment]);
  });
  return { actual, params };
}

/** The values of the path parameters in `pathname`, decoded: they may be credentials, so they are masked too. */
export function pathParameterValues(pathname: string, template: string | undefined): string[] {
  if (!template) return [];
  const { actual, params } = alignTemplate(pathname, template);
  const out: string[] = [];
  for (const [index] of params) {
    const raw = actual[index] ?? "";
    out.push(raw);
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      // a malformed escape: the raw segment is already listed
    }
  }
  return out.filter(Boolean);
}
