import { createECDH, createPublicKey, generateKeyPairSync, verify as cryptoVerify, type KeyObject } from "node:crypto";
import { inspect } from "node:util";
import { ApiKeyStamper } from "@turnkey/api-key-stamper";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/errors.js";
import {
  TURNKEY_STAMP_HEADER,
  TURNKEY_STAMP_SCHEME,
  assertTurnkeyApiKeyFormat,
  createTurnkeyApiKeyStamper,
  type Stamper,
} from "../../src/signing/index.js";

// Fixture pair from tkhq/sdk packages/api-key-stamper/src/__fixtures__ (RELIABILITY §4.2).
const FIXTURE_PRIVATE = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
const FIXTURE_PUBLIC = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
// SubjectPublicKeyInfo header for a compressed P-256 point (id-ecPublicKey, prime256v1, BIT STRING of 34 bytes).
const SPKI_PREFIX = "3039301306072a8648ce3d020106082a8648ce3d030107032200";
const MISMATCH = "Turnkey API key pair does not match: the private key does not derive the public key";

// ---- independent check: node:crypto only, nothing from src -------------------------------------------

function spkiKeyFromCompressedHex(compressedHex: string): KeyObject {
  return createPublicKey({ key: Buffer.from(SPKI_PREFIX + compressedHex, "hex"), format: "der", type: "spki" });
}

interface DecodedStamp {
  keys: string[];
  publicKey: string;
  scheme: string;
  signature: string;
}

function decodeStamp(headerValue: string): DecodedStamp {
  const parsed = JSON.parse(Buffer.from(headerValue, "base64url").toString("utf8")) as Record<string, string>;
  return {
    keys: Object.keys(parsed),
    publicKey: parsed["publicKey"] ?? "",
    scheme: parsed["scheme"] ?? "",
    signature: parsed["signature"] ?? "",
  };
}

/** RELIABILITY §4.2 recipe. Returns whether the signature covers exactly `rawBody`; asserts the envelope. */
function verifyStamp(headerValue: string, rawBody: string, expectedPublicKey: string): boolean {
  expect(headerValue).toMatch(/^[A-Za-z0-9_-]+$/); // unpadded base64url: no '=', '+', '/'
  const stamp = decodeStamp(headerValue);
  expect(stamp.keys).toEqual(["publicKey", "scheme", "signature"]);
  expect(stamp.scheme).toBe("SIGNATURE_SCHEME_TK_API_P256");
  expect(stamp.publicKey).toBe(expectedPublicKey);
  return cryptoVerify(
    "sha256",
    Buffer.from(rawBody, "utf8"),
    spkiKeyFromCompressedHex(stamp.publicKey),
    Buffer.from(stamp.signature, "hex"),
  );
}

/** Asserts strict, minimal DER: SEQUENCE { INTEGER r, INTEGER s }, lower-case hex. */
function expectMinimalDer(signatureHex: string): void {
  expect(signatureHex).toMatch(/^30[0-9a-f]+$/);
  const der = Buffer.from(signatureHex, "hex");
  expect(der[1]).toBe(der.length - 2);
  let offset = 2;
  for (let i = 0; i < 2; i++) {
    expect(der[offset]).toBe(0x02);
    const len = der[offset + 1] ?? 0;
    const value = der.subarray(offset + 2, offset + 2 + len);
    expect(value.length).toBe(len);
    expect((value[0] ?? 0) & 0x80).toBe(0); // non-negative
    if (value.length > 1 && value[0] === 0) expect((value[1] ?? 0) & 0x80).toBe(0x80); // no superfluous 0x00
    offset += 2 + len;
  }
  expect(offset).toBe(der.length);
}

interface KeyPairHex {
  privateHex: string;
  publicHex: string;
  uncompressedHex: string;
}

function freshKeyPair(): KeyPairHex {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const d = Buffer.from(jwk.d ?? "", "base64url");
  const x = Buffer.from(jwk.x ?? "", "base64url");
  const y = Buffer.from(jwk.y ?? "", "base64url");
  const prefix = ((y.at(-1) ?? 0) & 1) === 1 ? "03" : "02";
  return {
    privateHex: d.toString("hex").padStart(64, "0"),
    publicHex: prefix + x.toString("hex"),
    uncompressedHex: `04${x.toString("hex")}${y.toString("hex")}`,
  };
}

async function officialStamp(pair: { publicHex: string; privateHex: string }, body: string, runtime?: "node" | "browser" | "purejs") {
  const stamper = new ApiKeyStamper({ apiPublicKey: pair.publicHex, apiPrivateKey: pair.privateHex, runtimeOverride: runtime });
  return stamper.stamp(body);
}

async function expectConfigError(promise: Promise<unknown>, secrets: string[], message?: RegExp | string): Promise<ConfigError> {
  const err = await promise.then(
    () => {
      throw new Error("expected a ConfigError");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  const configError = err as ConfigError;
  expect(configError.kind).toBe("config");
  if (message !== undefined) expect(configError.message).toMatch(message);
  const renderings = [configError.message, String(configError), JSON.stringify(configError), inspect(configError)];
  for (const secret of secrets) {
    for (const needle of [secret, secret.toLowerCase(), secret.slice(-16).toLowerCase()]) {
      for (const text of renderings) expect(text.toLowerCase()).not.toContain(needle.toLowerCase());
    }
  }
  return configError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- tests --------------------------------------------------------------------------------------------

describe("createTurnkeyApiKeyStamper: fixture pair", () => {
  it("fixture sanity (node:crypto only): the private key derives the public key, which imports via the SPKI prefix", () => {
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(FIXTURE_PRIVATE, "hex"));
    expect(ecdh.getPublicKey("hex", "compressed")).toBe(FIXTURE_PUBLIC);
    expect(spkiKeyFromCompressedHex(FIXTURE_PUBLIC).asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
  });

  const bodies: Array<[string, string]> = [
    ["ASCII JSON", JSON.stringify({ type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", timestampMs: "1746736509954", organizationId: "org" })],
    ["Unicode (é, emoji, CJK)", JSON.stringify({ name: "café é", emoji: "🔐👩‍💻🚀", cjk: "認証トークン 한국어 中文" })],
    // Raw text a JSON round-trip would change: 1.0 → 1, \u00e9 → é, whitespace and key order.
    ["numeric text and escapes", '{ "amount": 1.0, "name": "\\u00e9", "z": 1, "a": [1.50, 2e3] }'],
    ["empty body", ""],
  ];

  it.each(bodies)("case 56: the stamp verifies with node:crypto against the exact bytes (%s)", async (_label, body) => {
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    const { headerName, headerValue } = await stamper.stamp(body);
    expect(headerName).toBe("X-Stamp");
    expect(headerName).toBe(TURNKEY_STAMP_HEADER);
    expect(verifyStamp(headerValue, body, FIXTURE_PUBLIC)).toBe(true);
    const { signature } = decodeStamp(headerValue);
    expectMinimalDer(signature);
    expect(signature).toBe(signature.toLowerCase());
    expect(headerValue).not.toMatch(/[=+/]/);
  });

  it("case 56: exports the header name and scheme constants", async () => {
    expect(TURNKEY_STAMP_HEADER).toBe("X-Stamp");
    expect(TURNKEY_STAMP_SCHEME).toBe("SIGNATURE_SCHEME_TK_API_P256");
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    expect(stamper.publicKey).toBe(FIXTURE_PUBLIC);
  });

  it("case 56: a different message fails verification", async () => {
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    const { headerValue } = await stamper.stamp("hello");
    expect(verifyStamp(headerValue, "hello", FIXTURE_PUBLIC)).toBe(true);
    expect(verifyStamp(headerValue, "hellp", FIXTURE_PUBLIC)).toBe(false);
  });

  it("case 56: re-serialising the body (whitespace, key order, numbers, escapes) fails verification", async () => {
    const raw = '{"organizationId":"org","parameters":{"amount":1.0,"name":"\\u00e9"},"type":"T"}';
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    const { headerValue } = await stamper.stamp(raw);
    expect(verifyStamp(headerValue, raw, FIXTURE_PUBLIC)).toBe(true);
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const reserialised = [
      JSON.stringify(parsed), // what nock hands a reply function: 1.0 → 1, \u00e9 → é
      JSON.stringify(parsed, null, 2),
      JSON.stringify({ type: parsed["type"], organizationId: parsed["organizationId"], parameters: parsed["parameters"] }),
    ];
    for (const body of reserialised) {
      expect(body).not.toBe(raw);
      expect(verifyStamp(headerValue, body, FIXTURE_PUBLIC)).toBe(false);
    }
  });

  it("case 56: a middleware that mutates the body after stamping is detectable", async () => {
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    const bodyA = JSON.stringify({ organizationId: "org-1", parameters: { redirectUri: "https://app.example/cb" } });
    const { headerName, headerValue } = await stamper.stamp(bodyA);
    const stamped = new Request("https://api.turnkey.com/public/v1/submit/oauth2_authenticate", {
      method: "POST",
      headers: { "content-type": "application/json", [headerName]: headerValue },
      body: bodyA,
    });
    // A later middleware rewrites one character of the body but keeps the stamp.
    const bodyB = bodyA.replace("org-1", "org-2");
    const mutated = new Request(stamped, { body: bodyB });
    const header = (req: Request) => req.headers.get("X-Stamp") ?? "";
    expect(verifyStamp(header(stamped), await stamped.clone().text(), FIXTURE_PUBLIC)).toBe(true);
    expect(verifyStamp(header(mutated), await mutated.clone().text(), FIXTURE_PUBLIC)).toBe(false);
  });

  it("stamps are randomised (no fixed vector) but every one verifies", async () => {
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    const a = await stamper.stamp("same");
    const b = await stamper.stamp("same");
    expect(a.headerValue).not.toBe(b.headerValue);
    expect(verifyStamp(a.headerValue, "same", FIXTURE_PUBLIC)).toBe(true);
    expect(verifyStamp(b.headerValue, "same", FIXTURE_PUBLIC)).toBe(true);
  });

  it.each(["node", "browser", "purejs"] as const)(
    "the official @turnkey/api-key-stamper (%s runtime) produces stamps the same check accepts, with identical publicKey and scheme",
    async (runtime) => {
      const body = JSON.stringify({ cjk: "認証", emoji: "🔐", n: "1.0" });
      const official = await officialStamp({ publicHex: FIXTURE_PUBLIC, privateHex: FIXTURE_PRIVATE }, body, runtime);
      const ours = await (await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE })).stamp(body);
      expect(official.stampHeaderName).toBe(ours.headerName);
      expect(verifyStamp(official.stampHeaderValue, body, FIXTURE_PUBLIC)).toBe(true);
      const theirs = decodeStamp(official.stampHeaderValue);
      const mine = decodeStamp(ours.headerValue);
      expect([mine.keys, mine.publicKey, mine.scheme]).toEqual([theirs.keys, theirs.publicKey, theirs.scheme]);
    },
  );
});

describe("createTurnkeyApiKeyStamper: fresh key pairs (property)", () => {
  it("case 56: 40 fresh P-256 pairs × random Unicode bodies: ours and the official stamper both verify with the same check", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 50 }), async (a, b) => {
        const pair = freshKeyPair();
        const body = JSON.stringify({ a, b }) + b; // JSON and non-JSON text alike are signed verbatim
        const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: pair.publicHex, apiPrivateKey: pair.privateHex });
        const ours = await stamper.stamp(body);
        expect(verifyStamp(ours.headerValue, body, pair.publicHex)).toBe(true);
        expectMinimalDer(decodeStamp(ours.headerValue).signature);
        expect(verifyStamp(ours.headerValue, `${body} `, pair.publicHex)).toBe(false);

        const official = await officialStamp(pair, body);
        expect(official.stampHeaderName).toBe(ours.headerName);
        expect(verifyStamp(official.stampHeaderValue, body, pair.publicHex)).toBe(true);
        const theirs = decodeStamp(official.stampHeaderValue);
        const mine = decodeStamp(ours.headerValue);
        expect(mine.publicKey).toBe(theirs.publicKey);
        expect(mine.scheme).toBe(theirs.scheme);
      }),
      { numRuns: 40 },
    );
  });
});

describe("createTurnkeyApiKeyStamper: key normalisation", () => {
  const body = JSON.stringify({ hello: "wörld" });

  it.each([
    ["upper-case private key", FIXTURE_PRIVATE.toUpperCase(), FIXTURE_PUBLIC],
    ["0x-prefixed private key", `0x${FIXTURE_PRIVATE}`, FIXTURE_PUBLIC],
    ["0X-prefixed upper-case private key", `0X${FIXTURE_PRIVATE.toUpperCase()}`, FIXTURE_PUBLIC],
    ["surrounding whitespace", ` ${FIXTURE_PRIVATE}\n`, ` ${FIXTURE_PUBLIC}\n`],
    ["upper-case, 0x-prefixed public key", FIXTURE_PRIVATE, `0x${FIXTURE_PUBLIC.toUpperCase()}`],
  ])("case 56: accepts an %s and stamps the lower-case compressed public key", async (_label, apiPrivateKey, apiPublicKey) => {
    const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey, apiPrivateKey });
    expect(stamper.publicKey).toBe(FIXTURE_PUBLIC);
    const { headerValue } = await stamper.stamp(body);
    expect(verifyStamp(headerValue, body, FIXTURE_PUBLIC)).toBe(true);
  });

  it("case 56: accepts a short private key whose leading zero byte was dropped (left-pads to 32 bytes)", async () => {
    let pair: KeyPairHex | undefined;
    for (let i = 0; i < 20_000 && pair === undefined; i++) {
      const candidate = freshKeyPair();
      if (candidate.privateHex.startsWith("00")) pair = candidate;
    }
    if (pair === undefined) throw new Error("no key with a leading zero byte found");
    for (const short of [pair.privateHex.slice(2), pair.privateHex.replace(/^0+/, "")]) {
      expect(short.length).toBeLessThan(64);
      const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: pair.publicHex, apiPrivateKey: short });
      const { headerValue } = await stamper.stamp(body);
      expect(verifyStamp(headerValue, body, pair.publicHex)).toBe(true);
    }
  });
});

describe("createTurnkeyApiKeyStamper: bad keys fail up front with ConfigError, never quoting the key", () => {
  const other = freshKeyPair();
  const fixtureUncompressed = (() => {
    const jwk = spkiKeyFromCompressedHex(FIXTURE_PUBLIC).export({ format: "jwk" });
    return `04${Buffer.from(jwk.x ?? "", "base64url").toString("hex")}${Buffer.from(jwk.y ?? "", "base64url").toString("hex")}`;
  })();
  // An x coordinate with no point on P-256, as judged by node:crypto itself.
  const offCurve = (() => {
    for (let i = 0; i < 256; i++) {
      const candidate = `02${FIXTURE_PUBLIC.slice(2, -2)}${i.toString(16).padStart(2, "0")}`;
      try {
        spkiKeyFromCompressedHex(candidate);
      } catch {
        return candidate;
      }
    }
    throw new Error("no off-curve x found");
  })();

  it("case 56: a mismatched pair (fixture private + another public key) is rejected before any stamp exists", async () => {
    await expectConfigError(
      createTurnkeyApiKeyStamper({ apiPublicKey: other.publicHex, apiPrivateKey: FIXTURE_PRIVATE }),
      [FIXTURE_PRIVATE],
      MISMATCH,
    );
    // Same public x, wrong parity: a valid point, but not the one the private key derives.
    const flipped = (FIXTURE_PUBLIC.startsWith("02") ? "03" : "02") + FIXTURE_PUBLIC.slice(2);
    await expectConfigError(createTurnkeyApiKeyStamper({ apiPublicKey: flipped, apiPrivateKey: FIXTURE_PRIVATE }), [FIXTURE_PRIVATE], MISMATCH);
  });

  it("case 56: a mismatched pair is caught by the sign/verify probe on engines that import an inconsistent JWK", async () => {
    // Node rejects an inconsistent EC JWK at import; other engines may not. Simulate such an engine: the
    // private import ignores the supplied x,y (uses the fixture's own point), so only the probe can tell.
    const subtle = globalThis.crypto.subtle;
    const realImportKey = subtle.importKey.bind(subtle);
    const fixtureJwk = spkiKeyFromCompressedHex(FIXTURE_PUBLIC).export({ format: "jwk" });
    const importKey = vi.spyOn(subtle, "importKey").mockImplementation(((format: "jwk", key: JsonWebKey, ...rest: [EcKeyImportParams, boolean, KeyUsage[]]) =>
      realImportKey(format, key.d === undefined ? key : { ...key, x: fixtureJwk.x, y: fixtureJwk.y }, ...rest)) as typeof subtle.importKey);
    const verify = vi.spyOn(subtle, "verify");
    await expectConfigError(
      createTurnkeyApiKeyStamper({ apiPublicKey: other.publicHex, apiPrivateKey: FIXTURE_PRIVATE }),
      [FIXTURE_PRIVATE],
      MISMATCH,
    );
    expect(importKey).toHaveBeenCalledTimes(2);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["swapped keys", () => ({ apiPublicKey: FIXTURE_PRIVATE, apiPrivateKey: FIXTURE_PUBLIC }), /Did you switch your public and private key\?/],
    ["an uncompressed public key", () => ({ apiPublicKey: fixtureUncompressed, apiPrivateKey: FIXTURE_PRIVATE }), /uncompressed/],
    ["a public key that is not on the curve", () => ({ apiPublicKey: offCurve, apiPrivateKey: FIXTURE_PRIVATE }), /not a point on P-256/],
    ["a public key with a bad prefix", () => ({ apiPublicKey: `04${FIXTURE_PUBLIC.slice(2)}`, apiPrivateKey: FIXTURE_PRIVATE }), /compressed/],
    ["a non-hex private key", () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: `${FIXTURE_PRIVATE.slice(0, -1)}g` }), /must be hex/],
    ["a private key longer than 32 bytes", () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: `ab${FIXTURE_PRIVATE}` }), /longer than 32 bytes/],
    ["a zero-padded 33-byte private key", () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: `00${FIXTURE_PRIVATE}` }), /longer than 32 bytes/],
    ["a zero private key", () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: "0".repeat(64) }), /out of range/],
    [
      "a private key equal to the group order",
      () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551" }),
      /out of range/,
    ],
    ["an empty private key", () => ({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: "" }), /missing/],
    ["a missing public key", () => ({ apiPublicKey: undefined as unknown as string, apiPrivateKey: FIXTURE_PRIVATE }), /missing/],
  ])("case 56: rejects %s before importing or signing anything", async (_label, options, message) => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    const sign = vi.spyOn(globalThis.crypto.subtle, "sign");
    const input = options();
    await expectConfigError(createTurnkeyApiKeyStamper(input), [FIXTURE_PRIVATE, input.apiPrivateKey].filter((s) => s.length > 16), message);
    expect(importKey).not.toHaveBeenCalled();
    expect(sign).not.toHaveBeenCalled();
  });

  it("rejects a non-string body instead of signing something else", async () => {
    const stamper: Stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: FIXTURE_PUBLIC, apiPrivateKey: FIXTURE_PRIVATE });
    await expect(stamper.stamp({ a: 1 } as unknown as string)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe("assertTurnkeyApiKeyFormat: the synchronous shape check createTurnkeyApiKeyStamper starts with", () => {
  it("accepts a well-formed pair, in every accepted spelling, without touching WebCrypto", () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    for (const apiPrivateKey of [FIXTURE_PRIVATE, FIXTURE_PRIVATE.toUpperCase(), `0x${FIXTURE_PRIVATE}`, FIXTURE_PRIVATE.slice(1)]) {
      expect(assertTurnkeyApiKeyFormat(FIXTURE_PUBLIC, apiPrivateKey)).toBeUndefined();
    }
    expect(importKey).not.toHaveBeenCalled();
  });

  it("leaves the curve, the range and the pair to createTurnkeyApiKeyStamper", () => {
    expect(() => assertTurnkeyApiKeyFormat(`02${"ff".repeat(32)}`, FIXTURE_PRIVATE)).not.toThrow();
    expect(() => assertTurnkeyApiKeyFormat(FIXTURE_PUBLIC, "ff".repeat(32))).not.toThrow();
    expect(() => assertTurnkeyApiKeyFormat(freshKeyPair().publicHex, FIXTURE_PRIVATE)).not.toThrow();
  });

  it.each([
    ["a missing public key", undefined, FIXTURE_PRIVATE, /apiPublicKey is missing/],
    ["a missing private key", FIXTURE_PUBLIC, " ", /apiPrivateKey is missing/],
    ["a non-hex public key", `zz${FIXTURE_PUBLIC.slice(2)}`, FIXTURE_PRIVATE, /apiPublicKey must be hex/],
    ["the private key as the public key", FIXTURE_PRIVATE, FIXTURE_PRIVATE, /size of a private key\. Did you switch your public and private key\?/],
    ["swapped keys", FIXTURE_PRIVATE, FIXTURE_PUBLIC, /size of a private key\. Did you switch your public and private key\?/],
    ["an uncompressed public key", `04${"ab".repeat(64)}`, FIXTURE_PRIVATE, /uncompressed point/],
    ["a public key with a bad prefix", `05${FIXTURE_PUBLIC.slice(2)}`, FIXTURE_PRIVATE, /compressed P-256 public key/],
    ["the public key as the private key", FIXTURE_PUBLIC, FIXTURE_PUBLIC, /longer than 32 bytes\. Did you switch your public and private key\?/],
    ["a non-hex private key", FIXTURE_PUBLIC, `${FIXTURE_PRIVATE.slice(0, -1)}g`, /apiPrivateKey must be hex/],
  ])("throws ConfigError synchronously for %s, never quoting a key", async (_label, apiPublicKey, apiPrivateKey, message) => {
    let thrown: unknown;
    try {
      assertTurnkeyApiKeyFormat(apiPublicKey, apiPrivateKey);
    } catch (error) {
      thrown = error;
    }
    await expectConfigError(Promise.reject(thrown), [FIXTURE_PRIVATE], message);
    // The stamper gives the same answer, since it starts with this check.
    await expectConfigError(
      createTurnkeyApiKeyStamper({ apiPublicKey: apiPublicKey as string, apiPrivateKey }),
      [FIXTURE_PRIVATE],
      (thrown as Error).message,
    );
  });
});
