import { describe, expect, it } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { ConfigError, type OpenapiComClientOptions, createOpenapiComClient, unwrap } from "../src/index.js";

const nock = useNock();
const credentials = { email: "dev@example.com", apiKey: "oc-api-key-0123456789abcdef" };
const wallet = { data: { credit: 125.5 } };

describe("createOpenapiComClient", () => {
  it("talks to the sandbox unless told otherwise, so a forgotten setting spends no credit", async () => {
    nock("https://test.oauth.openapi.com").get("/wallet").reply(200, wallet);
    const client = createOpenapiComClient({ credentials });
    expect(unwrap(await client.GET("/wallet"))).toEqual(wallet);
  });

  it("talks to oauth.openapi.com for environment production", async () => {
    nock("https://oauth.openapi.com").get("/wallet").reply(200, wallet);
    const client = createOpenapiComClient({ environment: "production", credentials });
    expect(unwrap(await client.GET("/wallet"))).toEqual(wallet);
  });

  it("sends everything to baseUrl when given, whatever the environment", async () => {
    nock("https://mock.example.test").get("/prefix/wallet").reply(200, wallet);
    const client = createOpenapiComClient({ environment: "production", baseUrl: "https://mock.example.test/prefix/", credentials });
    expect(unwrap(await client.GET("/wallet"))).toEqual(wallet);
  });

  it("sends the email and API key as HTTP Basic", async () => {
    const recorder = recordingFetch();
    nock("https://test.oauth.openapi.com").get("/scopes").reply(200, { data: [] });
    const client = createOpenapiComClient({ credentials, fetch: recorder.fetch });
    await client.GET("/scopes");
    expect(recorder.requests[0]!.headers.get("authorization")).toBe(`Basic ${btoa("dev@example.com:oc-api-key-0123456789abcdef")}`);
  });

  it("runs the caller's middleware after the credentials are applied", async () => {
    nock("https://test.oauth.openapi.com").get("/wallet").matchHeader("x-client-version", "app/1.2").reply(200, wallet);
    const client = createOpenapiComClient({
      credentials,
      middleware: [
        {
          onRequest({ request }) {
            expect(request.headers.get("authorization")).toMatch(/^Basic /);
            request.headers.set("x-client-version", "app/1.2");
          },
        },
      ],
    });
    expect(unwrap(await client.GET("/wallet"))).toEqual(wallet);
  });

  it("retries a retry-safe GET after a 503, and not with retry: false", async () => {
    nock("https://test.oauth.openapi.com").get("/wallet").reply(503).get("/wallet").reply(200, wallet);
    const retrying = createOpenapiComClient({ credentials, retry: { baseDelayMs: 1 } });
    expect(unwrap(await retrying.GET("/wallet"))).toEqual(wallet);

    nock("https://test.oauth.openapi.com").get("/wallet").reply(503);
    const once = createOpenapiComClient({ credentials, retry: false });
    expect((await once.GET("/wallet")).response.status).toBe(503);
  });

  it.each([
    ["no options", undefined, /credentials \{ email, apiKey \} are required/],
    ["no credentials", {}, /credentials \{ email, apiKey \} are required/],
    ["no email", { credentials: { apiKey: "k" } }, /credentials.email must be the openapi.com account email/],
    ["an empty API key", { credentials: { email: "dev@example.com", apiKey: "" } }, /credentials.apiKey must be the openapi.com account API key/],
    ["an API key with a line break", { credentials: { email: "dev@example.com", apiKey: "key\r\nX-Evil: 1" } }, /control characters/],
    ["an email with a colon", { credentials: { email: "dev:x@example.com", apiKey: "key" } }, /must not contain ':'/],
    ["an unknown environment", { credentials, environment: "staging" }, /unknown environment "staging"; expected one of: production, sandbox/],
    ["a plain-http baseUrl", { credentials, baseUrl: "http://oauth.openapi.com" }, /must use https/],
  ])("rejects %s with ConfigError", (_label, options, message) => {
    const create = () => createOpenapiComClient(options as unknown as OpenapiComClientOptions);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(message);
  });

  it("never echoes the API key in a configuration error", () => {
    const apiKey = "oc-secret-key-with-a-newline\n";
    try {
      createOpenapiComClient({ credentials: { email: "dev@example.com", apiKey } });
      expect.unreachable();
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain("oc-secret-key");
      expect(String(error)).not.toContain("oc-secret-key");
    }
  });
});
