// Issue #10, items 6 and 11: what a hostile server reflects into a refused redirect's target, and bad
// configuration that used to fail late with a raw TypeError quoting a secret.
import { inspect } from "node:util";
import { startServer, useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { ConfigError, ConnectionError, RedirectError, apiKey, basic, bearer, createTokenSource } from "../src/index.js";
import { BASE, fixtureClient, rejection } from "./fixtures.js";

const nock = useNock();
const shown = (error: unknown) => `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10, customInspect: false })}`;

describe("a refused redirect never quotes a secret the server put in its target", () => {
  it("a Location whose host is the API key", async () => {
    const key = "k3y0secret0host";
    nock(BASE).get("/keyed").reply(302, "", { location: `https://${key}.evil.example/x` });
    const error = await rejection(fixtureClient({ credentials: { ApiKeyAuth: apiKey(key) } }).GET("/keyed"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(shown(error)).not.toContain(key);
    expect((error as Error).message).toContain("[redacted].evil.example");
  });

  it("a token request follows no redirect at all, not even to its own origin", async () => {
    const server = await startServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: "/oauth/token-elsewhere" }).end();
    });
    try {
      const error = await rejection(
        fixtureClient({ baseUrl: server.url }).POST("/oauth/token", {
          body: { grant_type: "client_credentials", client_id: "cid", client_secret: "cs-0123456789" },
        }),
      );
      expect(error).toBeInstanceOf(RedirectError);
      expect(server.hits).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("configuration errors are typed and never quote a secret (item 11)", () => {
  it("a baseUrl with user:password@ is a ConfigError at creation that does not quote the password", () => {
    let error: unknown;
    try {
      fixtureClient({ baseUrl: "https://user:pa55word-in-url@api.test.example" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(shown(error)).not.toContain("pa55word-in-url");
  });

  it("a malformed baseUrl is not quoted either", () => {
    expect(() => fixtureClient({ baseUrl: "not a url with s3cr3t-in-it" })).toThrow(ConfigError);
    try {
      fixtureClient({ baseUrl: "not a url with s3cr3t-in-it" });
    } catch (error) {
      expect(shown(error)).not.toContain("s3cr3t");
    }
  });

  it.each([
    ["apiKey", () => apiKey("key-with-€-sign")],
    ["bearer", () => bearer("token-with-∞")],
  ])("%s() refuses a value outside Latin-1 at once, without quoting it", (_name, build) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(shown(error)).not.toMatch(/€|∞|key-with|token-with/);
  });

  it("a token source handing out a non-Latin-1 token fails the call with a ConfigError, before sending", async () => {
    const source = createTokenSource({ initial: { accessToken: "tøken-ŵith-ŵ", tokenType: "Bearer" }, refresh: async () => expect.unreachable() });
    const error = await rejection(fixtureClient({ credentials: { BearerAuth: bearer(source) } }).GET("/me"));
    expect(error).toBeInstanceOf(ConfigError);
    expect(shown(error)).not.toContain("ŵith");
  });

  it("Basic credentials stay Unicode (they are base64'd UTF-8)", () => {
    expect(() => basic("zoë", "pässwörd-∞")).not.toThrow();
  });
});

describe("a cause is kept only as a masked copy", () => {
  it("Node's ERR_INVALID_URL `input` (which quotes the URL) does not survive into the error", async () => {
    const invalid = Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL", input: "https://u:cause-pw-123456@h/" });
    const error = await rejection(fixtureClient({ fetch: async () => Promise.reject(invalid), retry: false, credentials: { ApiKeyAuth: apiKey("k-1") } }).GET("/keyed"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toMatchObject({ name: "TypeError", message: "Invalid URL", code: "ERR_INVALID_URL" });
    expect((error as Error).cause).not.toHaveProperty("input");
  });
});
