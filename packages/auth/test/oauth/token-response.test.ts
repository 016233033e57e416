import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, InvalidResponseError, OAuthError } from "../../src/errors.js";
import { isOAuthErrorBody, oauthErrorFromBody, parseTokenResponse } from "../../src/oauth/index.js";
import { thrown } from "./helpers.js";

const T0 = 1_700_000_000_000;
const ok = { access_token: "at-123", token_type: "Bearer" };

function invalid(body: unknown, options?: Parameters<typeof parseTokenResponse>[1]): InvalidResponseError {
  const error = thrown(() => parseTokenResponse(body, options));
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect((error as InvalidResponseError).kind).toBe("invalid_response");
  return error as InvalidResponseError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("parseTokenResponse: shape", () => {
  it("returns a TokenSet for a minimal valid body", () => {
    expect(parseTokenResponse(ok, { receivedAt: T0 })).toEqual({ accessToken: "at-123", tokenType: "Bearer" });
  });

  it.each([null, [], "x", 42, true, undefined, new Date()])("case 23: a non-object body %j is an invalid response", (body) => {
    expect(invalid(body).message).toMatch(/^Token response must be a JSON object, got /);
  });

  it("case 23: copies the status to the error", () => {
    expect(invalid(null, { status: 200 }).status).toBe(200);
  });
});

describe("parseTokenResponse: access_token (case 25, 32)", () => {
  it("case 25: missing access_token is an invalid response", () => {
    expect(invalid({ token_type: "Bearer" }).message).toBe("Token response has no access_token");
  });

  it.each([["", "an empty string"], [123, "number"], [null, "null"], [{}, "object"]])(
    "case 25: access_token %j is an invalid response",
    (value, described) => {
      expect(invalid({ ...ok, access_token: value }).message).toBe(
        `Token response access_token must be a non-empty string, got ${described}`,
      );
    },
  );

  it.each([
    ["a newline", "abc\ndef"],
    ["a NUL", "abc\u0000def"],
    ["a CR", "abc\rInjected: 1"],
    ["a leading space", " abcdef"],
    ["a trailing space", "abcdef "],
    ["a trailing tab", "abcdef\t"],
    ["an inner space", "abc def"],
    ["non-ASCII", "abcdéf"],
    ["DEL", "abc\u007f"],
  ])("case 32: an access_token with %s is rejected without echoing it", (_label, token) => {
    const error = invalid({ ...ok, access_token: token });
    expect(error.message).toBe(
      "Token response access_token contains whitespace, control or non-ASCII characters and cannot be sent in a header",
    );
    expect(error.message).not.toContain("abc");
    expect(JSON.stringify(error)).not.toContain("abc");
    expect(inspect(error)).not.toContain("abc");
  });

  it("case 32: a refresh_token with unsafe characters is rejected too", () => {
    expect(invalid({ ...ok, refresh_token: "rt\r\nx" }).message).toMatch(/refresh_token contains whitespace/);
  });

  it("case 32: property: no rejection message contains the token value", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, unit: "binary" }), (token) => {
        fc.pre(!/^[\x21-\x7e]+$/.test(token));
        const marker = `SECRET${token}`;
        const error = invalid({ ...ok, access_token: marker });
        expect(error.message).not.toContain(marker);
        expect(error.message).not.toContain("SECRET");
      }),
    );
  });
});

describe("parseTokenResponse: token_type (case 26)", () => {
  it("case 26: missing token_type is an invalid response", () => {
    expect(invalid({ access_token: "at" }).message).toBe("Token response token_type must be a non-empty string, got undefined");
  });

  it.each(["bearer", "Bearer", "BEARER", "bEaReR"])("case 26: token_type %s is accepted and normalised to Bearer", (type) => {
    expect(parseTokenResponse({ ...ok, token_type: type }).tokenType).toBe("Bearer");
  });

  it.each(["mac", "MAC", "DPoP", "unknown", "", "Bearer "])("case 26: token_type %j is rejected by default", (type) => {
    invalid({ ...ok, token_type: type });
  });

  it("case 26: a non-string token_type is rejected", () => {
    invalid({ ...ok, token_type: 1 });
    invalid({ ...ok, token_type: null }, { requireTokenType: false });
  });

  it("case 26: an odd token_type is not echoed into the message", () => {
    expect(invalid({ ...ok, token_type: "x\n<script>" }).message).toBe(
      "Token response token_type an unrecognised value is not supported (allowed: bearer)",
    );
    expect(invalid({ ...ok, token_type: "mac" }).message).toBe(
      'Token response token_type "mac" is not supported (allowed: bearer)',
    );
  });

  it("case 26: allowedTokenTypes can add DPoP (compared lower-case)", () => {
    expect(parseTokenResponse({ ...ok, token_type: "dpop" }, { allowedTokenTypes: ["Bearer", "DPoP"] }).tokenType).toBe("DPoP");
  });

  it("case 26: requireTokenType false treats a missing token_type as Bearer", () => {
    expect(parseTokenResponse({ access_token: "at" }, { requireTokenType: false }).tokenType).toBe("Bearer");
  });
});

describe("parseTokenResponse: expires_in (case 27, 28)", () => {
  it("case 27: a number gives expiresIn and expiresAt = receivedAt + expires_in * 1000", () => {
    expect(parseTokenResponse({ ...ok, expires_in: 3600 }, { receivedAt: T0 })).toEqual({
      accessToken: "at-123",
      tokenType: "Bearer",
      expiresIn: 3600,
      expiresAt: T0 + 3_600_000,
    });
  });

  it("case 27: the string \"3600\" is accepted and coerced", () => {
    const tokens = parseTokenResponse({ ...ok, expires_in: "3600" }, { receivedAt: T0 });
    expect(tokens.expiresIn).toBe(3600);
    expect(tokens.expiresAt).toBe(T0 + 3_600_000);
  });

  it("case 27: 0 and fractional values are accepted; 0 means an unknown expiry (no expiresAt)", () => {
    const zero = parseTokenResponse({ ...ok, expires_in: 0 }, { receivedAt: T0 });
    expect(zero.expiresIn).toBe(0);
    expect(zero.expiresAt).toBeUndefined();
    expect(parseTokenResponse({ ...ok, expires_in: "0.5" }, { receivedAt: T0 }).expiresAt).toBe(T0 + 500);
  });

  it("case 27: receivedAt defaults to Date.now() (local receipt time, not server time)", () => {
    vi.useFakeTimers({ now: T0 });
    expect(parseTokenResponse({ ...ok, expires_in: 60 }).expiresAt).toBe(T0 + 60_000);
  });

  it.each([
    ["abc", "abc"],
    ["-1", -1],
    ["NaN", Number.NaN],
    ["1e308", 1e308],
    ["true", true],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["\"-1\"", "-1"],
    ["\"3600abc\"", "3600abc"],
    ["\"1e3\"", "1e3"],
    ["\"\"", ""],
    ["\" 60\"", " 60"],
    ["null", null],
    ["a date string", new Date(T0).toUTCString()],
    ["1e15 (expiresAt beyond a safe integer)", 1e15],
  ])("case 27: expires_in %s is rejected", (_label, value) => {
    const error = invalid({ ...ok, expires_in: value }, { receivedAt: T0 });
    expect(error.message).toMatch(/^Token response expires_in /);
  });

  it("case 28: a missing expires_in leaves expiry unknown (no NaN, no key)", () => {
    const tokens = parseTokenResponse(ok, { receivedAt: T0 });
    expect(tokens).not.toHaveProperty("expiresAt");
    expect(tokens).not.toHaveProperty("expiresIn");
  });
});

describe("parseTokenResponse: refresh_token, scope, id_token (case 29, 30)", () => {
  it("case 29: a present refresh_token is returned", () => {
    expect(parseTokenResponse({ ...ok, refresh_token: "rt-2" }).refreshToken).toBe("rt-2");
  });

  it("case 29: a missing refresh_token leaves the key out, so the caller keeps the old one", () => {
    expect(parseTokenResponse(ok)).not.toHaveProperty("refreshToken");
  });

  it.each([[null, "null"], [123, "number"], ["", "an empty string"], [false, "boolean"]])(
    "case 29: refresh_token %j is rejected",
    (value, described) => {
      expect(invalid({ ...ok, refresh_token: value }).message).toBe(
        `Token response refresh_token must be a non-empty string, got ${described}`,
      );
    },
  );

  it("case 30: a narrower scope than requested is exposed as sent", () => {
    expect(parseTokenResponse({ ...ok, scope: "read" }).scope).toBe("read");
    expect(parseTokenResponse({ ...ok, scope: "" }).scope).toBe("");
  });

  it.each([[123, "number"], [null, "null"], [["read"], "an array"]])("case 30: scope %j is rejected", (value, described) => {
    expect(invalid({ ...ok, scope: value }).message).toBe(`Token response scope must be a string, got ${described}`);
  });

  it("id_token is returned when a string and rejected otherwise", () => {
    expect(parseTokenResponse({ ...ok, id_token: "eyJ.a.b" }).idToken).toBe("eyJ.a.b");
    invalid({ ...ok, id_token: 1 });
    invalid({ ...ok, id_token: null });
  });
});

describe("parseTokenResponse: unknown fields and field names (case 31)", () => {
  it("case 31: unknown fields are ignored and not copied", () => {
    const body: unknown = JSON.parse(
      '{"access_token":"at-123","token_type":"Bearer","expires_in":10,"refresh_token":"rt","scope":"a",' +
        '"user_secret":"do-not-copy","__proto__":{"polluted":1},"constructor":"x"}',
    );
    const tokens = parseTokenResponse(body, { receivedAt: T0 });
    expect(Object.keys(tokens).sort()).toEqual(["accessToken", "expiresAt", "expiresIn", "refreshToken", "scope", "tokenType"]);
    expect(JSON.stringify(tokens)).not.toContain("do-not-copy");
    expect(Reflect.get(tokens, "polluted")).toBeUndefined();
    expect(Object.getPrototypeOf(tokens)).toBe(Object.prototype);
  });

  it("case 31: fieldNames maps camelCase providers", () => {
    const body = { accessToken: "at", tokenType: "bearer", expiresIn: "60", refreshToken: "rt", scope_list: "x y" };
    expect(
      parseTokenResponse(body, {
        receivedAt: T0,
        fieldNames: { accessToken: "accessToken", tokenType: "tokenType", expiresIn: "expiresIn", refreshToken: "refreshToken", scope: "scope_list" },
      }),
    ).toEqual({ accessToken: "at", tokenType: "Bearer", expiresIn: 60, expiresAt: T0 + 60_000, refreshToken: "rt", scope: "x y" });
  });

  it("case 31: errors name the provider's field", () => {
    expect(invalid({ tokenType: "Bearer" }, { fieldNames: { accessToken: "accessToken" } }).message).toBe(
      "Token response has no accessToken",
    );
  });
});

describe("OAuth error bodies (case 34, 36, 37, 38)", () => {
  it("case 34: 400 invalid_grant is a typed OAuthError with error, description, uri and status", () => {
    const error = thrown(() =>
      parseTokenResponse(
        { error: "invalid_grant", error_description: "Code already used", error_uri: "https://docs/e" },
        { status: 400 },
      ),
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      kind: "oauth",
      error: "invalid_grant",
      errorDescription: "Code already used",
      errorUri: "https://docs/e",
      status: 400,
      message: "OAuth error invalid_grant: Code already used",
    });
  });

  it("case 46: a provider redirect_uri mismatch surfaces as invalid_grant with its description", () => {
    const error = thrown(() =>
      parseTokenResponse({ error: "invalid_grant", error_description: "redirect_uri mismatch" }, { status: 400 }),
    ) as OAuthError;
    expect(error.error).toBe("invalid_grant");
    expect(error.message).toBe("OAuth error invalid_grant: redirect_uri mismatch");
  });

  it("case 34: non-string error_description and error_uri are dropped", () => {
    const error = oauthErrorFromBody({ error: "invalid_client", error_description: 5, error_uri: {} }, 401);
    expect(error.errorDescription).toBeUndefined();
    expect(error.errorUri).toBeUndefined();
    expect(error.status).toBe(401);
  });

  it("case 36: a very long, multi-line error_description is truncated and escaped in the message", () => {
    const description = `line1\nline2\u0007\u001b[31m${"x".repeat(5000)}`;
    const error = thrown(() => parseTokenResponse({ error: "invalid_request", error_description: description })) as OAuthError;
    expect(error.errorDescription).toBe(description);
    expect(error.message.length).toBeLessThanOrEqual("OAuth error invalid_request: ".length + 201);
    expect(error.message.endsWith("…")).toBe(true);
    expect(error.message).toContain("line1 line2\\u0007\\u001b[31m");
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(JSON.stringify(error)).not.toContain("x".repeat(300));
  });

  it("case 36: a token echoed in error_description is redacted", () => {
    const error = thrown(() =>
      parseTokenResponse({ error: "invalid_grant", error_description: "bad refresh_token=rt-secret-999" }),
    ) as OAuthError;
    expect(error.message).not.toContain("rt-secret-999");
  });

  it.each([
    ["JSON without error", { message: "Bad Request" }, 400, "http"],
    ["an empty error", { error: "" }, 400, "http"],
    ["a non-string error", { error: { code: 1 } }, 400, "http"],
    ["a non-JSON body", "<html>Bad Gateway</html>", 502, "http"],
    ["401 without an OAuth body", "Unauthorized", 401, "auth"],
  ])("case 37: 4xx/5xx with %s is a generic HTTP error, not an OAuthError", (_label, body, status, kind) => {
    const error = thrown(() => parseTokenResponse(body, { status }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ status, kind });
  });

  it("case 38: HTTP 200 with an error body is an OAuthError, not 'missing access_token'", () => {
    const error = thrown(() => parseTokenResponse({ error: "invalid_request", error_description: "nope" }, { status: 200 }));
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: "invalid_request", status: 200 });
  });

  it("case 38: an error member wins even when an access_token is present", () => {
    expect(() => parseTokenResponse({ ...ok, error: "server_error" })).toThrow(OAuthError);
  });

  it("case 37: isOAuthErrorBody recognises only RFC 6749 §5.2 bodies", () => {
    expect(isOAuthErrorBody({ error: "invalid_grant" })).toBe(true);
    expect(isOAuthErrorBody({ error: "invalid_grant", error_description: "d", error_uri: "u", extra: 1 })).toBe(true);
    for (const body of [
      null,
      "error",
      [],
      { error: "" },
      { error: 1 },
      { message: "x" },
      { error: "x", error_description: 1 },
      { error: "x", error_uri: null },
    ]) {
      expect(isOAuthErrorBody(body)).toBe(false);
    }
  });
});
