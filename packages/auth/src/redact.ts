// Everything an error shows of a response body, a header or a URL passes through here first, so a
// secret that the server echoes back (or that sits in a query string) never reaches a message,
// `JSON.stringify(err)`, `util.inspect(err)` or a log line. The masker itself is in secrets/masker.ts.
import { type Mask, REDACTED, createMasker } from "./secrets/masker.js";
import { alignTemplate } from "./secrets/request-secrets.js";

export { REDACTED };
export { SECRET_HEADERS } from "./secrets/secret-names.js";

/**
 * Masks secret-named fields in free text, plus every value in `known` in any encoding a server may
 * echo it in (see createMasker).
 */
export function redact(text: string, known: Iterable<string> = []): string {
  return createMasker(known)(text);
}

const SNIPPET_LENGTH = 200;

/** Text for a message: masked first (so truncation never cuts a secret in two), one line, escaped, short. */
export function shorten(masked: string): string {
  const oneLine = masked
    .replace(/\s+/g, " ")
    // Escape control characters rather than let them reach a terminal or a log.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .trim();
  return oneLine.length > SNIPPET_LENGTH ? `${oneLine.slice(0, SNIPPET_LENGTH)}…` : oneLine;
}

/** A short, single-line, escaped and redacted excerpt of a body, safe to put in a message. */
export function snippet(body: unknown, known: Iterable<string> | Mask = []): string {
  let text: string;
  if (typeof body === "string") text = body;
  else if (body === undefined) return "";
  else {
    try {
      text = JSON.stringify(body) ?? "";
    } catch {
      text = String(body);
    }
  }
  const mask = typeof known === "function" ? known : createMasker(known);
  return shorten(mask(text));
}

/**
 * The URL's origin and path; the query string and fragment (which may carry codes or tokens) are dropped.
 * With the operation's path template, path parameters are shown by name (`/tokens/{token}`), since some
 * APIs put a credential in the path (openapi.com's token id is the bearer token itself).
 */
export function safeUrl(url: string, template?: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${template ? templatedPath(u.pathname, template) : u.pathname}`;
  } catch {
    return REDACTED;
  }
}

function templatedPath(pathname: string, template: string): string {
  const { actual, params } = alignTemplate(pathname, template);
  for (const [index, name] of params) actual[index] = name;
  return actual.join("/");
}
