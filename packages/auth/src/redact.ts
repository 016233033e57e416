// Everything an error shows of a response body, a header or a URL passes through here first, so a
// secret that the server echoes back (or that sits in a query string) never reaches a message,
// `JSON.stringify(err)`, `util.inspect(err)` or a log line.

const SECRET_NAMES =
  "access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|code|password|sec|secret|" +
  "accessToken|refreshToken|mdAccessToken|authCode|codeVerifier|apiPrivateKey|privateKey|token|assertion|signature|" +
  "p-ticket|credentialBundle|oidcToken|session|encryptedClientSecret|apiKey|api_key|key";

// "name": "value" in JSON and name=value in forms and query strings, for every secret-bearing name.
const JSON_FIELD = new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
const FORM_FIELD = new RegExp(`((?:^|[?&\\s])(?:${SECRET_NAMES})=)[^&\\s]*`, "gi");
// Authorization-style values: "Bearer abc", "Basic abc", in any case (header dumps often lower-case them).
const AUTH_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;

export const REDACTED = "[redacted]";

/** Header names whose values are credentials; they are never copied into an error. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "x-stamp",
  "x-stamp-webauthn",
  "apca-api-key-id",
  "apca-api-secret-key",
  "cookie",
  "set-cookie",
]);

/**
 * Masks secret-looking fields in free text, plus every exact value in `known` (the credentials a
 * client holds, registered so that even an unlabelled echo of them is caught).
 */
export function redact(text: string, known: Iterable<string> = []): string {
  let out = text;
  for (const secret of known) {
    // Short values would mask ordinary words; credentials are never this short.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(FORM_FIELD, `$1${REDACTED}`)
    .replace(AUTH_VALUE, `$1 ${REDACTED}`);
}

const SECRET_NAME = new RegExp(`^(?:${SECRET_NAMES})$`, "i");
const MAX_SCANNED_BODY = 64 * 1024;

/**
 * The secret values a request carries, to mask if the server echoes them in free text: credential
 * header values (and the credential after `Bearer `/`Basic `, decoded for Basic), and secret-named
 * query parameters and form or JSON body fields (`code`, `code_verifier`, `client_secret`, `password`...).
 */
export function requestSecrets(url: string, headers: Headers, body: Uint8Array | undefined): string[] {
  const out: string[] = [];
  for (const name of SECRET_HEADERS) {
    const value = headers.get(name);
    if (!value) continue;
    out.push(value);
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
  const named = (entries: Iterable<[string, string]>) => {
    for (const [key, value] of entries) if (SECRET_NAME.test(key)) out.push(value);
  };
  try {
    named(new URL(url).searchParams);
  } catch {
    // not a URL: nothing to scan
  }
  if (body && body.length > 0 && body.length <= MAX_SCANNED_BODY) {
    const text = new TextDecoder().decode(body);
    const type = headers.get("content-type") ?? "";
    if (/^application\/x-www-form-urlencoded/i.test(type)) named(new URLSearchParams(text));
    else if (/json/i.test(type)) {
      try {
        collectJson(JSON.parse(text), out, 0);
      } catch {
        // not JSON after all
      }
    }
  }
  return out;
}

function collectJson(value: unknown, out: string[], depth: number): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (typeof member === "string" && SECRET_NAME.test(key)) out.push(member);
    else collectJson(member, out, depth + 1);
  }
}

const SNIPPET_LENGTH = 200;

/** A short, single-line, escaped and redacted excerpt of a body, safe to put in a message. */
export function snippet(body: unknown, known: Iterable<string> = []): string {
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
  const oneLine = redact(text, known)
    .replace(/\s+/g, " ")
    // Escape control characters rather than let them reach a terminal or a log.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .trim();
  return oneLine.length > SNIPPET_LENGTH ? `${oneLine.slice(0, SNIPPET_LENGTH)}…` : oneLine;
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

// The template's segments match the last segments of the path (the base URL may add a prefix such as /v1).
function alignTemplate(pathname: string, template: string): { actual: string[]; params: [index: number, name: string][] } {
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

function templatedPath(pathname: string, template: string): string {
  const { actual, params } = alignTemplate(pathname, template);
  for (const [index, name] of params) actual[index] = name;
  return actual.join("/");
}

/** The values of the path parameters in `url`, decoded: they may be credentials, so they are masked too. */
export function pathParameterValues(url: string, template: string | undefined): string[] {
  if (!template) return [];
  try {
    const { actual, params } = alignTemplate(new URL(url).pathname, template);
    return params.map(([index]) => decodeURIComponent(actual[index] ?? "")).filter(Boolean);
  } catch {
    return [];
  }
}
