import { ConfigError } from "../errors.js";
import { snippet } from "../redact.js";

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), i.e. visible ASCII except '"' and '\'.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Joins scopes into the single `scope` parameter value. A token that is empty, contains the delimiter
 * or falls outside the RFC 6749 scope-token charset is rejected here, because the server would
 * otherwise read it as different scopes than the caller meant (or reject the whole request late).
 *
 * A string is taken as an already-joined list and split on `delimiter`, so `"read write"` works; an
 * array gives one token per element. Most providers use a space; some use `,`.
 * @throws {ConfigError}
 */
export function encodeScope(scopes: string | readonly string[], delimiter: string = " "): string {
  if (typeof delimiter !== "string" || delimiter === "") {
    throw new ConfigError("Scope delimiter must be a non-empty string");
  }
  const tokens = typeof scopes === "string" ? scopes.split(delimiter) : [...scopes];
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === "")) {
    throw new ConfigError("Scope list is empty; omit `scope` instead of sending an empty one");
  }
  for (const [index, token] of tokens.entries()) {
    if (typeof token !== "string") throw new ConfigError(`Scope #${index} must be a string, got ${typeof token}`);
    if (token === "") throw new ConfigError(`Scope #${index} is empty (doubled or trailing delimiter?)`);
    if (token.includes(delimiter)) {
      throw new ConfigError(`Scope "${snippet(token)}" contains the delimiter ${JSON.stringify(delimiter)}`);
    }
    if (!SCOPE_TOKEN.test(token)) {
      throw new ConfigError(`Scope "${snippet(token)}" has a character not allowed by RFC 6749 §3.3`);
    }
  }
  return tokens.join(delimiter);
}
