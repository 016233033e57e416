import { base64Cores, echoPattern } from "./echo-pattern.js";
import { SECRET_FIELD_NAMES } from "./secret-names.js";

export const REDACTED = "[redacted]";

/** Replaces every secret it knows, in any encoding, plus secret-named fields, with `[redacted]`. */
export interface Mask {
  (text: string): string;
  /** Only the known secrets, not secret-named fields: for our own messages ("Basic password must be..."). */
  known(text: string): string;
}

// Shorter secrets would mask ordinary words and numbers wherever they stand, so they are masked only
// where they stand as a whole value: between delimiters such as quotes, `=`, `&`, `:` or spaces.
const MIN_FREE_TEXT_LENGTH = 6;
const DELIMITER = `[\\s"'=:&;,<>()\\[\\]{}/?#|\\\\+]|%[0-9A-Fa-f]{2}`;

// "name": "value" in JSON; the same JSON escaped inside a JSON string; name=value in forms, query
// strings and text (also after `&amp;` in HTML, or after a quote inside a JSON string); and
// Authorization-style values in any case ("Bearer abc", "basic abc"), but not a challenge's `realm="`.
const JSON_FIELD = new RegExp(`("(?:${SECRET_FIELD_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
const ESCAPED_JSON_FIELD = new RegExp(`(\\\\+"(?:${SECRET_FIELD_NAMES})\\\\+"\\s*:\\s*\\\\+")[^"]*?(?=\\\\+")`, "gi");
const FORM_FIELD = new RegExp(`((?:^|[?&\\s;"'#,])(?:${SECRET_FIELD_NAMES})=)[^&\\s"'<>#]*`, "gi");
const AUTH_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*(?![\w=".~+/-])/gi;

function maskNamedFields(text: string): string {
  return text
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(ESCAPED_JSON_FIELD, `$1${REDACTED}`)
    .replace(FORM_FIELD, `$1${REDACTED}`)
    .replace(AUTH_VALUE, `$1 ${REDACTED}`);
}

function base64Of(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The one masker every error and log line goes through. `secrets` are the values to find however a
 * server echoed them: verbatim, JSON-escaped, percent-encoded (either case, `+` for space, encoded
 * twice), HTML-escaped, or as base64/base64url inside a longer encoded value. The patterns are built
 * here, once per error, never on the success path.
 */
export function createMasker(secrets: Iterable<string | null | undefined>): Mask {
  const unique = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length > 0))];
  // Longest first, so a secret that contains another is masked whole.
  unique.sort((a, b) => b.length - a.length);
  const free: string[] = [];
  const bounded: string[] = [];
  for (const secret of unique) {
    if (secret.length >= MIN_FREE_TEXT_LENGTH) {
      free.push(echoPattern(secret));
      for (const core of base64Cores(secret)) if (core.length >= MIN_FREE_TEXT_LENGTH) free.push(echoPattern(core));
    } else {
      bounded.push(echoPattern(secret));
      const encoded = base64Of(secret);
      const url = encoded.replace(/\+/g, "-").replace(/\//g, "_");
      for (const form of new Set([encoded, encoded.replace(/=+$/, ""), url, url.replace(/=+$/, "")])) bounded.push(echoPattern(form));
    }
  }
  const freeText = free.length > 0 ? new RegExp(free.join("|"), "g") : undefined;
  const asValue = bounded.length > 0 ? new RegExp(`(^|${DELIMITER})(?:${bounded.join("|")})(?=${DELIMITER}|$)`, "g") : undefined;
  const known = (text: string) => {
    let out = text;
    if (freeText) out = out.replace(freeText, REDACTED);
    // Twice: two short values separated by a single delimiter share it, and the first pass consumes it.
    if (asValue) out = out.replace(asValue, `$1${REDACTED}`).replace(asValue, `$1${REDACTED}`);
    return out;
  };
  return Object.assign((text: string) => maskNamedFields(known(text)), { known });
}
