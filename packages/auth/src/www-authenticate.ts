// WWW-Authenticate (RFC 9110 §11.6.1): one or more challenges, each a scheme followed by either a token68
// or comma-separated auth-params, e.g. `Bearer realm="api", error="invalid_token", Basic realm="x"`.

/** One challenge: the scheme as sent, its parameters (names lower-cased, values unquoted), or a token68. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const SCHEME = new RegExp(`^(${TOKEN})(?=[ ,]|$)`);
const PARAM = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*(${TOKEN}|${QUOTED})[ \\t]*`);
const NEXT_PARAM = new RegExp(`^,[ \\t]*${TOKEN}[ \\t]*=[ \\t]*(?:${TOKEN}|${QUOTED})`);
const TOKEN68 = /^([A-Za-z0-9\-._~+/]+=*)[ \t]*(?=,|$)/;

/**
 * The challenges in a WWW-Authenticate header; `[]` when there is none or the header does not parse
 * (a malformed header is treated as absent rather than half-read).
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  if (!header) return [];
  const challenges: Challenge[] = [];
  let rest = header.trim();
  while (rest !== "") {
    rest = rest.replace(/^[ \t,]+/, "");
    if (rest === "") break;
    const scheme = SCHEME.exec(rest);
    if (!scheme) return [];
    rest = rest.slice(scheme[0].length).replace(/^[ \t]+/, "");
    const challenge: Challenge = { scheme: scheme[1]!, params: {} };
    challenges.push(challenge);
    const token68 = PARAM.test(rest) ? null : TOKEN68.exec(rest);
    if (token68) {
      challenge.token68 = token68[1]!;
      rest = rest.slice(token68[0].length);
      continue;
    }
    for (let param = PARAM.exec(rest); param; param = PARAM.exec(rest)) {
      const value = param[2]!;
      challenge.params[param[1]!.toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
      rest = rest.slice(param[0].length);
      // A comma followed by another name=value continues this challenge; otherwise a new one starts.
      if (!NEXT_PARAM.test(rest)) break;
      rest = rest.slice(1).replace(/^[ \t]+/, "");
    }
    if (rest !== "" && !rest.startsWith(",")) return [];
  }
  return challenges;
}
