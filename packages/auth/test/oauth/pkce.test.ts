import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { base64urlEncode } from "../../src/encoding.js";
import { ConfigError } from "../../src/errors.js";
import { assertCodeVerifier, computeCodeChallenge, createPkce, generateCodeVerifier } from "../../src/oauth/index.js";
import { rejected, thrown } from "./helpers.js";

const RFC7636_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
  88, 5, 88, 83, 132, 141, 121,
];
const RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("RFC 7636 Appendix B vector", () => {
  it("case 40: the App. B octets encode to the App. B verifier", () => {
    expect(base64urlEncode(new Uint8Array(RFC7636_OCTETS))).toBe(RFC7636_VERIFIER);
  });

  it("case 40: the App. B verifier gives challenge E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", async () => {
    await expect(computeCodeChallenge(RFC7636_VERIFIER)).resolves.toBe(RFC7636_CHALLENGE);
  });
});

describe("assertCodeVerifier", () => {
  it("case 41: rejects a 42-character verifier", () => {
    const error = thrown(() => assertCodeVerifier("a".repeat(42)));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).kind).toBe("config");
    expect((error as ConfigError).message).toBe("PKCE code verifier must be 43 to 128 characters long, got 42");
  });

  it("case 41: rejects a 129-character verifier", () => {
    expect(() => assertCodeVerifier("a".repeat(129))).toThrow(ConfigError);
  });

  it.each(["+", "/", "=", " ", "é"])("case 41: rejects a 43-character verifier containing %j", (bad) => {
    const verifier = `${"A".repeat(42)}${bad}`;
    const error = thrown(() => assertCodeVerifier(verifier));
    expect(error).toBeInstanceOf(ConfigError);
    // A verifier is a secret: the message must not echo it.
    expect((error as Error).message).not.toContain("A".repeat(42));
    expect(JSON.stringify(error)).not.toContain("A".repeat(42));
  });

  it("case 41: accepts 43 and 128 characters of the unreserved set", () => {
    expect(() => assertCodeVerifier("aZ09-._~".repeat(6).slice(0, 43))).not.toThrow();
    expect(() => assertCodeVerifier("aZ09-._~".repeat(16))).not.toThrow();
  });

  it("case 41: rejects non-strings", () => {
    for (const bad of [undefined, null, 43, ["a".repeat(43)]]) expect(() => assertCodeVerifier(bad)).toThrow(ConfigError);
  });

  it("case 41: computeCodeChallenge rejects an invalid verifier instead of hashing it", async () => {
    expect(await rejected(computeCodeChallenge("short"))).toBeInstanceOf(ConfigError);
  });

  it("case 41: 43- and 128-character verifiers give a 43-character unpadded challenge", async () => {
    for (const length of [43, 128]) {
      const challenge = await computeCodeChallenge("~".repeat(length));
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });
});

describe("generateCodeVerifier", () => {
  it("case 41: defaults to 43 characters of the unreserved set", () => {
    const verifier = generateCodeVerifier();
    expect(verifier).toHaveLength(43);
    expect(verifier).toMatch(UNRESERVED);
  });

  it("case 41: property: every length 43..128 gives a valid verifier of that length", () => {
    fc.assert(
      fc.property(fc.integer({ min: 43, max: 128 }), (length) => {
        const verifier = generateCodeVerifier(length);
        expect(verifier).toHaveLength(length);
        expect(verifier).toMatch(UNRESERVED);
        expect(() => assertCodeVerifier(verifier)).not.toThrow();
      }),
    );
  });

  it("case 41: property: lengths outside 43..128 or non-integers are rejected", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 42 }), fc.integer({ min: 129 }), fc.double({ noInteger: true })),
        (length) => {
          expect(() => generateCodeVerifier(length)).toThrow(ConfigError);
        },
      ),
    );
  });

  it("case 41: 10,000 generated verifiers are all distinct", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(generateCodeVerifier());
    expect(seen.size).toBe(10_000);
  });

  it("case 41: every unreserved character can appear (no character is starved)", () => {
    const used = new Set(Array.from({ length: 200 }, () => generateCodeVerifier(128)).join(""));
    expect(used.size).toBe(66);
  });

  it("case 41: discards random bytes >= 198 so characters stay uniformly distributed", () => {
    // 0 -> 'A', 65 -> '~', 66 -> 'A' again; 198 and 255 would bias the first 58 characters, so are skipped.
    const pattern = [255, 0, 198, 65, 66];
    let next = 0; // continues across calls, as a real random stream would
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = pattern[next++ % pattern.length] ?? 0;
      return array;
    });
    expect(generateCodeVerifier(43)).toBe("A~A".repeat(15).slice(0, 43));
  });
});

describe("createPkce", () => {
  it("case 40: returns a verifier, its S256 challenge and method S256", async () => {
    const pkce = await createPkce();
    expect(pkce.method).toBe("S256");
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(pkce.challenge).toBe(await computeCodeChallenge(pkce.verifier));
    expect(pkce.challenge).not.toContain("=");
    expect(pkce.challenge).not.toBe(pkce.verifier);
  });

  it("case 41: two calls give different verifiers", async () => {
    const [a, b] = await Promise.all([createPkce(), createPkce()]);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).not.toBe(b.challenge);
  });
});
