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

/** The URL's origin and path; the query string and fragment (which may carry codes or tokens) are dropped. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return REDACTED;
  }
}
