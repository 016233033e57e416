import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import { ConfigError, SCOPE_METHODS, type ScopeParts, buildScope, parseScope } from "../src/index.js";

useNock();

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("buildScope", () => {
  it("joins method, host and path as METHOD:host/path", () => {
    expect(buildScope({ method: "GET", host: "company.openapi.com", path: "/IT-start" })).toBe("GET:company.openapi.com/IT-start");
    expect(buildScope({ method: "DELETE", host: "oauth.openapi.com", path: "/tokens" })).toBe("DELETE:oauth.openapi.com/tokens");
  });

  it("builds a whole-host scope from an empty path", () => {
    expect(buildScope({ method: "POST", host: "sms.openapi.com", path: "" })).toBe("POST:sms.openapi.com");
  });

  it.each([
    ["a lowercase method", { method: "get", host: "company.openapi.com", path: "/IT-start" }, /method must be one of GET, POST, PUT, PATCH, DELETE \(uppercase\), got "get"/],
    ["an unknown method", { method: "HEAD", host: "company.openapi.com", path: "/x" }, /method must be one of .* got "HEAD"/],
    ["a missing method", { host: "company.openapi.com", path: "/x" }, /method must be one of .* got undefined/],
    ["an empty host", { method: "GET", host: "", path: "/x" }, /host must be a lowercase DNS name .* got nothing/],
    ["a host with a scheme", { method: "GET", host: "https://company.openapi.com", path: "" }, /host "https:\/\/company.openapi.com" has the invalid label "https:\/\/company"/],
    ["an uppercase host", { method: "GET", host: "Company.openapi.com", path: "" }, /invalid label "Company"/],
    ["a host with a port", { method: "GET", host: "company.openapi.com:443", path: "" }, /invalid label "com:443"/],
    ["a single-label host", { method: "GET", host: "localhost", path: "" }, /host "localhost" has no domain/],
    ["a host with an empty label", { method: "GET", host: "company..openapi.com", path: "" }, /has an empty label/],
    ["a label starting with a hyphen", { method: "GET", host: "-company.openapi.com", path: "" }, /invalid label "-company"/],
    ["an IP address", { method: "GET", host: "192.168.1.1", path: "" }, /is an address/],
    ["a path without a leading slash", { method: "GET", host: "company.openapi.com", path: "IT-start" }, /path "IT-start" must start with "\/" \(or be empty\)/],
    ["a path with a space", { method: "GET", host: "company.openapi.com", path: "/IT start" }, /has " " at position 3/],
    ["a path with a comma", { method: "GET", host: "company.openapi.com", path: "/a,b" }, /',' separates scopes/],
    ["a path with a query", { method: "GET", host: "company.openapi.com", path: "/a?b=1" }, /has "\?" at position 2/],
    ["a path with a bad escape", { method: "GET", host: "company.openapi.com", path: "/a%zz" }, /has "%zz" at position 2/],
    ["a path with a line break", { method: "GET", host: "company.openapi.com", path: "/a\nb" }, /has "\\n" at position 2/],
    ["a numeric path", { method: "GET", host: "company.openapi.com", path: 7 }, /path must be a string .* got number/],
  ])("rejects %s with a ConfigError naming the part", (_label, parts, message) => {
    expect(configError(() => buildScope(parts as unknown as ScopeParts)).message).toMatch(message);
  });

  it("rejects something that is not an object", () => {
    expect(configError(() => buildScope(null as unknown as ScopeParts)).message).toMatch(/buildScope takes \{ method, host, path \}/);
  });
});

describe("parseScope", () => {
  it("splits the README example into method, host and path", () => {
    expect(parseScope("GET:company.openapi.com/IT-start")).toEqual({ method: "GET", host: "company.openapi.com", path: "/IT-start" });
  });

  it("reads every scope the spec's examples use", () => {
    expect(parseScope("DELETE:oauth.openapi.com/tokens")).toEqual({ method: "DELETE", host: "oauth.openapi.com", path: "/tokens" });
    expect(parseScope("POST:sms.openapi.com/IT-messages")).toEqual({ method: "POST", host: "sms.openapi.com", path: "/IT-messages" });
    expect(parseScope("PATCH:test.oauth.openapi.com/tokens")).toEqual({ method: "PATCH", host: "test.oauth.openapi.com", path: "/tokens" });
    expect(parseScope("GET:company.openapi.com/CH-start/sub:x%20y")).toEqual({
      method: "GET",
      host: "company.openapi.com",
      path: "/CH-start/sub:x%20y",
    });
  });

  it("reads a whole-host scope as an empty path", () => {
    expect(parseScope("PUT:company.openapi.com")).toEqual({ method: "PUT", host: "company.openapi.com", path: "" });
  });

  it.each([
    ["no method separator", "company.openapi.com/IT-start", /must look like METHOD:host\/path/],
    ["an empty string", "", /must look like METHOD:host\/path/],
    ["a lowercase method", "get:company.openapi.com/IT-start", /method must be one of .* got "get"/],
    ["a method with a space", "GET :company.openapi.com/x", /got "GET "/],
    ["a URL", "GET:https://company.openapi.com/x", /invalid label "https:"/],
    ["no host", "GET:/IT-start", /host must be .* got nothing/],
    ["two scopes joined by a comma", "GET:company.openapi.com/a,POST:sms.openapi.com/b", /',' separates scopes/],
    ["trailing whitespace", "GET:company.openapi.com/IT-start ", /has " " at position 9/],
  ])("rejects %s with a ConfigError", (_label, scope, message) => {
    const error = configError(() => parseScope(scope));
    expect(error.message).toMatch(message);
    expect(error.message).toContain("scope ");
  });

  it.each([
    ["undefined", undefined, /scope must be a string, got undefined/],
    ["null", null, /scope must be a string, got null/],
    ["an array", ["GET:company.openapi.com/x"], /scope must be a string, got object/],
  ])("rejects %s", (_label, value, message) => {
    expect(configError(() => parseScope(value as unknown as string)).message).toMatch(message);
  });

  it("never echoes a huge input: the message quotes at most 40 characters and gives the length", () => {
    const huge = `GET:company.openapi.com/${"x".repeat(1_000_000)}`;
    const error = configError(() => parseScope(huge));
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toContain(`${huge.length} characters`);

    const longPath = `/${"a".repeat(1500)} b`;
    const pathError = configError(() => buildScope({ method: "GET", host: "company.openapi.com", path: longPath }));
    expect(pathError.message.length).toBeLessThan(250);
    expect(pathError.message).toContain("at position 1501");
    expect(JSON.stringify(pathError)).not.toContain("a".repeat(100));
  });

  it("escapes control characters instead of printing them", () => {
    const error = configError(() => parseScope("GET\u0000\u001b[31m:company.openapi.com/x"));
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it("property: every valid scope round-trips through buildScope and parseScope", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const tld = fc.stringMatching(/^[a-z]{2,6}$/);
    const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, top]) => [...labels, top].join("."));
    const path = fc.oneof(fc.constant(""), fc.stringMatching(/^\/[A-Za-z0-9\-._~/:@!$&'()*+;=]{0,30}$/));
    const parts = fc.record({ method: fc.constantFrom(...SCOPE_METHODS), host, path });
    fc.assert(
      fc.property(parts, (scope) => {
        expect(parseScope(buildScope(scope))).toEqual(scope);
      }),
    );
  });
});
