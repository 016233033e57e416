// A server may echo a secret back in any encoding it applies on the way: JSON string escapes, percent
// encoding (either hex case, `+` for a space), HTML entities, or several of these stacked (JSON inside a
// form inside HTML). Rather than enumerate whole-string encodings, each character of the secret is
// matched in every form it can take, so one pattern finds the secret however its characters were
// escaped, even when a server escaped only some of them.

const hexDigit = (digit: string) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit);
const hex = (value: number, width: number) => [...value.toString(16).padStart(width, "0")].map(hexDigit).join("");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

const HTML_NAMED: Readonly<Record<string, string>> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };
// JSON's short escapes, plus `\/`, which some serialisers emit for `/`.
const JSON_SHORT: Readonly<Record<string, string>> = {
  '"': '"',
  "/": "/",
  "\b": "b",
  "\f": "f",
  "\n": "n",
  "\r": "r",
  "\t": "t",
};

/** Every way one code point of a secret can appear in an echo. */
function codePointForms(char: string): string[] {
  // No encoder escapes letters and digits (JSON, HTML and percent encoding all leave them as they are),
  // and keeping them literal keeps the pattern small and fast: most of a secret is letters and digits.
  if (/^[A-Za-z0-9]$/.test(char)) return [char];
  const code = char.codePointAt(0)!;
  // A backslash, literal or escaped any number of times over, is a run of backslashes.
  const forms = new Set<string>([char === "\\" ? "\\\\+" : escapeRegExp(char)]);
  // JSON: \uXXXX (a pair of escapes outside the BMP), behind any number of stacked backslashes.
  const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
  forms.add(units.map((unit) => `\\\\+u${hex(unit, 4)}`).join(""));
  const short = JSON_SHORT[char];
  if (short !== undefined) forms.add(`\\\\+${escapeRegExp(short)}`);
  // Percent encoding of the UTF-8 bytes, in either hex case, possibly encoded again (`%257E`); `+`
  // stands for a space in forms.
  forms.add([...new TextEncoder().encode(char)].map((byte) => `%(?:25)*${hex(byte, 2)}`).join(""));
  if (char === " ") forms.add("\\+");
  // HTML: decimal, hexadecimal and the named entities a serialiser uses for markup characters.
  forms.add(`&#0*${code};`);
  forms.add(`&#[xX]0*${hex(code, 1)};`);
  const named = HTML_NAMED[char];
  if (named !== undefined) forms.add(`&${named};`);
  return [...forms];
}

/** A regular-expression source that matches `secret` in any mix of the encodings above. */
export function echoPattern(secret: string): string {
  return [...secret].map((char) => `(?:${codePointForms(char).join("|")})`).join("");
}

/**
 * The base64 and base64url text that `secret`'s bytes produce wherever they sit inside a longer encoded
 * value (an echoed Basic header, a base64'd JSON body): for each of the three byte alignments, the
 * characters that depend on the secret's bytes alone.
 */
export function base64Cores(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const cores = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let binary = "";
    for (const byte of padded) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    if (core.length === 0) continue;
    cores.add(core);
    cores.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...cores];
}
