import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, ConfigError, createAlpacaClient, unwrap } from "../src/index.js";

const nock = useNock();
const getClient = { params: { path: { client_id: "7a3c52a910e1dc2abbb14da2b6b8e711" } } } as const;

describe("createAlpacaClient", () => {
  it("uses the sandbox Broker host by default", async () => {
    nock("https://broker-api.sandbox.alpaca.markets").get("/v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711").reply(200, { name: "A" });
    const data = unwrap(await createAlpacaClient({ credentials: { key: "k", secret: "s" } }).GET("/v1/oauth/clients/{client_id}", getClient));
    expect(data).toEqual({ name: "A" });
  });

  it("sends every operation to baseUrl when one is given, Connect included", async () => {
    nock("http://127.0.0.1:4010").post("/oauth/token").reply(200, { access_token: "t-123456", token_type: "Bearer" });
    const client = createAlpacaClient({ baseUrl: "http://127.0.0.1:4010" });
    const result = await client.POST("/oauth/token", {
      body: { grant_type: "authorization_code", code: "c", client_id: "i", client_secret: "s", redirect_uri: "https://x.example/cb" },
    });
    expect(result.data).toEqual({ access_token: "t-123456", token_type: "Bearer" });
  });

  it("rejects an unknown environment, naming the valid ones", () => {
    expect(() => createAlpacaClient({ environment: "staging" as never })).toThrow(/expected one of: sandbox, production/);
  });

  it("rejects a plain-http baseUrl that is not loopback", () => {
    expect(() => createAlpacaClient({ baseUrl: "http://broker.example.com" })).toThrow(ConfigError);
  });

  it("fails a Basic operation before sending anything when no Broker credentials were given", async () => {
    // No interceptor: if anything were sent, nock's disableNetConnect would fail differently.
    await expect(createAlpacaClient().GET("/v1/oauth/clients/{client_id}", getClient)).rejects.toThrow(
      /getOAuthClient needs credentials for BasicAuth/,
    );
  });

  it("rejects a key with a line break before it reaches a header", () => {
    expect(() => createAlpacaClient({ credentials: { key: "k\r\nX-Injected: 1", secret: "s" } })).toThrow(ConfigError);
  });

  it("unwrap() throws an ApiError carrying Alpaca's plain-text body, status and request id", async () => {
    nock("https://broker-api.sandbox.alpaca.markets")
      .get("/v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711")
      .reply(401, "Client does not exist or you do not have access to the client.", {
        "Content-Type": "text/plain",
        "X-Request-ID": "req-42",
      });
    const result = await createAlpacaClient({ credentials: { key: "AKKEY123", secret: "the-broker-secret" } }).GET(
      "/v1/oauth/clients/{client_id}",
      getClient,
    );
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, kind: "auth", requestId: "req-42", method: "GET", attempts: 1 });
    expect(error?.body).toBe("Client does not exist or you do not have access to the client.");
    // Path parameters are shown by name: on some APIs they are credentials.
    expect(error?.url).toBe("https://broker-api.sandbox.alpaca.markets/v1/oauth/clients/{client_id}");
    expect(JSON.stringify(error)).not.toContain("the-broker-secret");
  });

  it("retries a safe GET after a 503 and succeeds", async () => {
    nock("https://broker-api.sandbox.alpaca.markets")
      .get("/v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711")
      .reply(503, "busy", { "Retry-After": "0" })
      .get("/v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711")
      .reply(200, { name: "B" });
    const client = createAlpacaClient({ credentials: { key: "k", secret: "s" } });
    expect(unwrap(await client.GET("/v1/oauth/clients/{client_id}", getClient))).toEqual({ name: "B" });
  });

  it("does not retry the non-idempotent token issue on a 503", async () => {
    nock("https://broker-api.sandbox.alpaca.markets").post("/v1/oauth/token").once().reply(503, "busy");
    const client = createAlpacaClient({ credentials: { key: "k", secret: "s" } });
    const result = await client.POST("/v1/oauth/token", {
      body: { client_id: "c", client_secret: "s", redirect_uri: "https://x.example/cb", scope: "general", account_id: "8f8c8cee-5bea-4f3b-a8d6-3c2b5e2ef4a1" },
    });
    expect(result.response.status).toBe(503);
  });
});
