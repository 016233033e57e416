import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { encodeScope } from "../../src/oauth/index.js";

describe("encodeScope", () => {
  it("case 42: joins an array with a space", () => {
    expect(encodeScope(["openid", "read:orders", "trading"])).toBe("openid read:orders trading");
  });

  it("case 42: accepts an already-joined string", () => {
    expect(encodeScope("account:write trading")).toBe("account:write trading");
  });

  it("case 42: uses a custom delimiter", () => {
    expect(encodeScope(["read", "write"], ",")).toBe("read,write");
    expect(encodeScope("read,write", ",")).toBe("read,write");
  });

  it.each([
    ["a token containing the delimiter", ["read write"], " "],
    ["a token containing a custom delimiter", ["read,write"], ","],
    ["an empty token", ["read", ""], " "],
    ["a doubled delimiter in a string", "read  write", " "],
    ["a trailing delimiter", "read ", " "],
    ["a double quote", ['say"hi'], " "],
    ["a backslash", ["a\\b"], " "],
    ["non-ASCII", ["lecture-é"], " "],
    ["a control character", ["read\nwrite"], ","],
    ["a space with a comma delimiter", ["read write"], ","],
    ["an empty list", [], " "],
    ["an empty string", "", " "],
  ] as const)("case 42: rejects %s", (_label, scopes, delimiter) => {
    expect(() => encodeScope(scopes, delimiter)).toThrow(ConfigError);
  });

  it("case 42: rejects an empty delimiter", () => {
    expect(() => encodeScope(["a"], "")).toThrow(ConfigError);
  });

  it("case 42: property: valid scope tokens round-trip through join and split", () => {
    const token = fc.stringMatching(/^[\x21\x23-\x5b\x5d-\x7e]{1,20}$/);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), (tokens) => {
        expect(encodeScope(tokens).split(" ")).toEqual(tokens);
      }),
    );
  });
});
