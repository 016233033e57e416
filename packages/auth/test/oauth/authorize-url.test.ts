import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { buildAuthorizeUrl, createPkce, generateCodeVerifier } from "../../src/oauth/index.js";
import { thrown } from "./helpers.js";

const RESERVED = ["response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"];
const SECRETS = ["client_secret", "code_verifier", "password", "access_token", "refresh_token"];
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

const base = {
  authorizeUrl: "https://auth.example.com/oauth/authorize",
  clientId: "client-123",
  redirectUri: "https://app.example.com/callback",
  state: "state-abc",
};

/** What a lenient server may read a parameter name as: compatibility, case and accent folded, trimmed. */
function serverReading(name: string): string {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").trim();
}

/** Look-alikes of each ASCII character of a parameter name that a lenient server may fold back onto it. */
function lookAlikes(c: string): string[] {
  const forms = [c, c.toUpperCase(), String.fromCodePoint(c.codePointAt(0)! + 0xfee0)]; // fullwidth
  if (c === "s") forms.push("ſ"); // U+017F long s: upper-cases to S
  if (c === "i") forms.push("ı", "İ"); // dotless i upper-cases to I; dotted I lower-cases to i + U+0307
  if (c === "k") forms.push("\u212a"); // KELVIN SIGN: NFKC K
  return forms;
}

const PADDING = ["", " ", "\t", "\u00a0", "\u3000", "\u2003"];
const CONTROLS = ["\0", "\u0001", "\n", "\u007f", "\u200b", "\ufeff", "\u00ad"];

describe("buildAuthorizeUrl", () => {
  it("case 42: always has response_type=code, client_id, exact redirect_uri, state and S256 PKCE", () => {
    const url = buildAuthorizeUrl({ ...base, scope: ["read", "trade"], pkce: { challenge: CHALLENGE } });
    expect(url).toBe(
      "https://auth.example.com/oauth/authorize?response_type=code&client_id=client-123" +
        "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=read%20trade&state=state-abc" +
        `&code_challenge=${CHALLENGE}&code_challenge_method=S256`,
    );
  });

  it("case 42: code_challenge_method=S256 is explicit, never left to the plain default", () => {
    const params = new URL(buildAuthorizeUrl({ ...base, pkce: { challenge: CHALLENGE } })).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toBe(CHALLENGE);
  });

  it("case 42: without pkce no code_challenge parameters are sent", () => {
    for (const pkce of [undefined, false] as const) {
      const params = new URL(buildAuthorizeUrl({ ...base, pkce })).searchParams;
      expect(params.has("code_challenge")).toBe(false);
      expect(params.has("code_challenge_method")).toBe(false);
      expect(params.get("response_type")).toBe("code");
    }
  });

  it("case 42: redirect_uri is encoded and parses back byte-for-byte (trailing slash, case, port, query)", () => {
    const redirectUri = "http://127.0.0.1:8080/Call Back/?next=/a&b=c%20d";
    const params = new URL(buildAuthorizeUrl({ ...base, redirectUri })).searchParams;
    expect(params.get("redirect_uri")).toBe(redirectUri);
    expect(params.getAll("next")).toEqual([]);
  });

  it("case 42: keeps query parameters already in the endpoint URL", () => {
    const url = buildAuthorizeUrl({ ...base, authorizeUrl: "https://auth.example.com/authorize?audience=api" });
    expect(new URL(url).searchParams.get("audience")).toBe("api");
  });

  it("case 42: adds extra params after the reserved ones", () => {
    const params = new URL(buildAuthorizeUrl({ ...base, extraParams: { prompt: "consent", skipped: undefined } }))
      .searchParams;
    expect(params.get("prompt")).toBe("consent");
    expect(params.has("skipped")).toBe(false);
  });

  it.each(RESERVED)("case 42: extraParams cannot override %s", (name) => {
    const error = thrown(() => buildAuthorizeUrl({ ...base, extraParams: { [name]: "evil" } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`"${name}"`);
  });

  it("case 42: reserved names are matched case-insensitively", () => {
    expect(() => buildAuthorizeUrl({ ...base, extraParams: { Redirect_URI: "https://evil.example" } })).toThrow(
      /reserved parameter "Redirect_URI"/,
    );
  });

  it("case 42: the endpoint URL cannot pre-set a reserved parameter", () => {
    expect(() =>
      buildAuthorizeUrl({ ...base, authorizeUrl: "https://auth.example.com/authorize?code_challenge_method=plain" }),
    ).toThrow(/reserved parameter "code_challenge_method"/);
  });

  it.each(SECRETS)("case 42: refuses a secret-named extra param %s", (name) => {
    const error = thrown(() => buildAuthorizeUrl({ ...base, extraParams: { [name]: "s3cr3t-value" } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`"${name}"`);
    expect((error as Error).message).not.toContain("s3cr3t-value");
  });

  it.each([
    ["http on a public host", "http://auth.example.com/authorize"],
    ["a relative URL", "/authorize"],
    ["a fragment", "https://auth.example.com/authorize#x"],
    ["an empty fragment", "https://auth.example.com/authorize#"],
    ["credentials", "https://user:pw@auth.example.com/authorize"],
    ["another scheme", "javascript:alert(1)"],
  ])("case 42: rejects an authorizeUrl with %s", (_label, authorizeUrl) => {
    expect(() => buildAuthorizeUrl({ ...base, authorizeUrl })).toThrow(ConfigError);
  });

  it("case 42: allows http only for localhost and 127.0.0.1", () => {
    for (const authorizeUrl of ["http://localhost:9000/authorize", "http://127.0.0.1/authorize", "http://[::1]/a"]) {
      expect(buildAuthorizeUrl({ ...base, authorizeUrl })).toMatch(/^http:\/\//);
    }
    expect(buildAuthorizeUrl({ ...base, authorizeUrl: new URL("https://auth.example.com/a") })).toMatch(/^https:/);
  });

  it.each([
    ["relative", "/callback"],
    ["with a fragment", "https://app.example.com/callback#done"],
    ["empty", ""],
    ["padded with spaces", " https://app.example.com/callback"],
  ])("case 42: rejects a redirectUri that is %s", (_label, redirectUri) => {
    expect(() => buildAuthorizeUrl({ ...base, redirectUri })).toThrow(ConfigError);
  });

  it("case 42: allows a native-app custom-scheme redirectUri", () => {
    const params = new URL(buildAuthorizeUrl({ ...base, redirectUri: "com.example.app:/oauth2redirect" })).searchParams;
    expect(params.get("redirect_uri")).toBe("com.example.app:/oauth2redirect");
  });

  it("case 43: rejects an empty state", () => {
    expect(() => buildAuthorizeUrl({ ...base, state: "" })).toThrow(/state must be a non-empty string/);
  });

  it("case 42: rejects an empty clientId", () => {
    expect(() => buildAuthorizeUrl({ ...base, clientId: "" })).toThrow(ConfigError);
  });

  it("case 42: refuses a pkce.challenge that is not an S256 challenge (e.g. the verifier by mistake)", () => {
    const verifier = generateCodeVerifier(64);
    const error = thrown(() => buildAuthorizeUrl({ ...base, pkce: { challenge: verifier } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain(verifier);
  });

  it("case 42: the verifier never appears in the URL", async () => {
    const pkce = await createPkce();
    const url = buildAuthorizeUrl({ ...base, pkce });
    expect(url).not.toContain(pkce.verifier);
    expect(url).not.toContain("code_verifier");
    expect(new URL(url).searchParams.get("code_challenge")).toBe(pkce.challenge);
  });

  const nonEmpty = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" });
  const extraName = fc
    .string({ minLength: 1, maxLength: 20, unit: "grapheme" })
    .filter((n) => !/[\p{Cc}\p{Cf}]/u.test(n) && n.trim() !== "")
    // A name a server reads as nothing (e.g. "ﱞ": NFKC gives a space and two marks) is refused, rightly.
    .filter((n) => serverReading(n) !== "")
    .filter((n) => ![...RESERVED, ...SECRETS, "client_assertion", "id_token"].includes(serverReading(n)));

  it("case 42: property: for any extra params the reserved params are exactly what was given", () => {
    fc.assert(
      fc.property(
        fc.dictionary(extraName, fc.string({ unit: "grapheme" }), { maxKeys: 6 }),
        nonEmpty,
        nonEmpty,
        fc.webUrl({ withFragments: false, withQueryParameters: true }),
        (extraParams, state, clientId, redirectUri) => {
          const verifier = generateCodeVerifier();
          const url = buildAuthorizeUrl({
            ...base,
            clientId,
            state,
            redirectUri,
            pkce: { challenge: CHALLENGE },
            extraParams,
          });
          const params = new URL(url).searchParams;
          expect(params.getAll("response_type")).toEqual(["code"]);
          expect(params.getAll("client_id")).toEqual([clientId]);
          expect(params.getAll("redirect_uri")).toEqual([redirectUri]);
          expect(params.getAll("state")).toEqual([state]);
          expect(params.getAll("code_challenge")).toEqual([CHALLENGE]);
          expect(params.getAll("code_challenge_method")).toEqual(["S256"]);
          for (const [name, value] of Object.entries(extraParams)) expect(params.getAll(name)).toEqual([value]);
          expect(url).not.toContain(verifier);
          expect(new URL(url).hash).toBe("");
        },
      ),
    );
  });

  it.each(["ſtate", "clıent_id", "state\0", "state ", " scope", "ｓｔａｔｅ", "ﬆate", "cl\u0130ent_id", "ſcope", "coDe_verıfier", "paſſword"])(
    "case 42: %j, which a lenient server may fold onto a reserved or secret name, is refused",
    (name) => {
      expect(() => buildAuthorizeUrl({ ...base, extraParams: { [name]: "x" } })).toThrow(ConfigError);
      expect(() => buildAuthorizeUrl({ ...base, authorizeUrl: `${base.authorizeUrl}?${encodeURIComponent(name)}=x` })).toThrow(ConfigError);
    },
  );

  it("case 42: property: any look-alike of a reserved or secret name, padded or with a control character, is refused", () => {
    const names = [...RESERVED, ...SECRETS, "client_assertion", "id_token"];
    const disguised = fc.constantFrom(...names).chain((name) =>
      fc
        .tuple(
          fc.tuple(...[...name].map((c) => fc.constantFrom(...lookAlikes(c)))),
          fc.constantFrom(...PADDING),
          fc.constantFrom(...PADDING),
          fc.option(fc.tuple(fc.constantFrom(...CONTROLS), fc.nat(name.length))),
        )
        .map(([chars, before, after, control]) => {
          const body = [...chars];
          if (control !== null) body.splice(control[1], 0, control[0]);
          return before + body.join("") + after;
        }),
    );
    fc.assert(
      fc.property(disguised, (name) => {
        expect(thrown(() => buildAuthorizeUrl({ ...base, extraParams: { [name]: "x" } }))).toBeInstanceOf(ConfigError);
      }),
      { numRuns: 500 },
    );
  });

  it("case 42: property: a name with a control or invisible character anywhere is refused", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 8 }), (a, control, b) => {
        expect(thrown(() => buildAuthorizeUrl({ ...base, extraParams: { [a + control + b]: "x" } }))).toBeInstanceOf(ConfigError);
      }),
    );
  });

  it("case 42: a name that a server reads as nothing (NFKC of \"ﱞ\" is a space and two marks) is refused", () => {
    expect(thrown(() => buildAuthorizeUrl({ ...base, extraParams: { "ﱞ": "x" } }))).toBeInstanceOf(ConfigError);
  });

  it("case 42: ordinary provider parameters, including non-ASCII ones, are still accepted", () => {
    const url = new URL(buildAuthorizeUrl({ ...base, extraParams: { audience: "api", prompt: "consent", "état": "1", states: "2" } }));
    expect(url.searchParams.get("audience")).toBe("api");
    expect(url.searchParams.get("état")).toBe("1");
    expect(url.searchParams.get("states")).toBe("2");
  });

  it("case 42: property: any casing of a reserved name in extraParams is refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESERVED), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (name, upper) => {
        const cased = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("");
        expect(() => buildAuthorizeUrl({ ...base, extraParams: { [cased]: "x" } })).toThrow(ConfigError);
      }),
    );
  });
});
