// WWW-Authenticate parsing (RFC 9110 §11.6.1), with vectors in the style of the greenbytes httpauth suite
// that oauth4webapi adapts: several challenges, token68, quoted-string escapes, lax spacing, garbage.
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { parseWwwAuthenticate } from "../src/index.js";

useNock();

describe("parseWwwAuthenticate", () => {
  it.each([
    ["a bare scheme", "Bearer", [{ scheme: "Bearer", params: {} }]],
    ["a Basic realm", 'Basic realm="oauth"', [{ scheme: "Basic", params: { realm: "oauth" } }]],
    [
      "an RFC 6750 error challenge",
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      [{ scheme: "Bearer", params: { realm: "example", error: "invalid_token", error_description: "The access token expired" } }],
    ],
    ["unquoted values", "Bearer error=insufficient_scope, scope=read", [{ scheme: "Bearer", params: { error: "insufficient_scope", scope: "read" } }]],
    ["upper-case parameter names are lower-cased", 'Basic REALM="x"', [{ scheme: "Basic", params: { realm: "x" } }]],
    ["lax spacing around = and commas", 'Bearer  realm = "a" ,error= "b"', [{ scheme: "Bearer", params: { realm: "a", error: "b" } }]],
    ["quoted-string escapes", 'Basic realm="the \\"quoted\\" realm, with a comma"', [{ scheme: "Basic", params: { realm: 'the "quoted" realm, with a comma' } }]],
    [
      "two challenges",
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
      [
        { scheme: "Newauth", params: { realm: "apps", type: "1", title: 'Login to "apps"' } },
        { scheme: "Basic", params: { realm: "simple" } },
      ],
    ],
    ["a token68", "Negotiate a87421000492aa874209af8bc028==", [{ scheme: "Negotiate", params: {}, token68: "a87421000492aa874209af8bc028==" }]],
    [
      "a token68 then another challenge",
      'Negotiate abc123, Bearer error="invalid_token"',
      [
        { scheme: "Negotiate", params: {}, token68: "abc123" },
        { scheme: "Bearer", params: { error: "invalid_token" } },
      ],
    ],
    ["bare schemes separated by commas", "Basic, Bearer", [{ scheme: "Basic", params: {} }, { scheme: "Bearer", params: {} }]],
  ])("parses %s", (_label, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it.each([
    ["nothing", ""],
    ["a missing header", null],
    ["an unterminated quoted string", 'Basic realm="oops'],
    ["a parameter without a scheme", 'realm="x"'],
    ["a value that is not a token or quoted string", "Bearer error=@@@"],
    ["stray text after a parameter", 'Bearer error="x" trailing'],
    ["only punctuation", "=,="],
  ])("returns no challenge for %s", (_label, header) => {
    expect(parseWwwAuthenticate(header)).toEqual([]);
  });
});
