// createTurnkeyClient: key checks (synchronous shape, pair on the first request), stamping of the exact
// bytes sent, and the queries. Every request any test sends has its X-Stamp verified in afterEach.
import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConfigError,
  InvalidResponseError,
  createOauthProviders,
  createTurnkeyClient,
  getActivity,
  getOauth2Credential,
  getOauthProviders,
  listOauth2Credentials,
  type TurnkeyClientOptions,
} from "../src/index.js";
import { API_PRIVATE_KEY, API_PUBLIC_KEY, BASE, ORG, activityResponse, stampVerifies, verifyStamp } from "./helpers.js";

const nock = useNock();

let recorder: ReturnType<typeof recordingFetch>;
beforeEach(() => {
  recorder = recordingFetch();
});
afterEach(() => {
  for (const request of recorder.requests) verifyStamp(request);
});

function client(options: Partial<TurnkeyClientOptions> = {}) {
  return createTurnkeyClient({
    apiPublicKey: API_PUBLIC_KEY,
    apiPrivateKey: API_PRIVATE_KEY,
    organizationId: ORG,
    fetch: recorder.fetch,
    ...options,
  });
}

/** A fresh P-256 pair in Turnkey's encodings: compressed public key hex, private scalar hex. */
function newKeyPair(): { publicKey: string; privateKey: string } {
  const jwk = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ format: "jwk" });
  const hex = (b64url: string) => Buffer.from(b64url, "base64url").toString("hex");
  const y = Buffer.from(jwk.y!, "base64url");
  return { publicKey: (y[31]! & 1 ? "03" : "02") + hex(jwk.x!), privateKey: hex(jwk.d!) };
}

describe("createTurnkeyClient", () => {
  it("is an openapi-fetch client that carries the organization and public key, never the private key", () => {
    const turnkey = client();
    expect(typeof turnkey.POST).toBe("function");
    expect(turnkey.organizationId).toBe(ORG);
    expect(turnkey.apiPublicKey).toBe(API_PUBLIC_KEY);
    expect(inspect(turnkey, { depth: 5, showHidden: true })).not.toContain(API_PRIVATE_KEY);
    expect(JSON.stringify(turnkey)).not.toContain(API_PRIVATE_KEY);
  });

  const malformed: Array<[string, Partial<TurnkeyClientOptions>, RegExp]> = [
    ["a missing public key", { apiPublicKey: "" }, /apiPublicKey is missing/],
    ["a missing private key", { apiPrivateKey: undefined as unknown as string }, /apiPrivateKey is missing/],
    ["a public key that is not hex", { apiPublicKey: `zz${API_PUBLIC_KEY.slice(2)}` }, /apiPublicKey must be hex/],
    ["the private key given as the public key", { apiPublicKey: API_PRIVATE_KEY }, /size of a private key\. Did you switch/],
    ["an uncompressed public key", { apiPublicKey: `04${"ab".repeat(64)}` }, /uncompressed point/],
    ["a public key without an 02/03 prefix", { apiPublicKey: `05${API_PUBLIC_KEY.slice(2)}` }, /compressed P-256 public key/],
    ["the public key given as the private key", { apiPrivateKey: API_PUBLIC_KEY }, /longer than 32 bytes\. Did you switch/],
    ["a private key that is not hex", { apiPrivateKey: `${API_PRIVATE_KEY.slice(0, 62)}-x` }, /apiPrivateKey must be hex/],
    ["no organizationId", { organizationId: " " }, /organizationId must be a non-empty string/],
  ];
  it.each(malformed)("throws ConfigError at once for %s, without quoting a key", (_, override, message) => {
    let thrown: unknown;
    try {
      client(override);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    for (const key of [API_PRIVATE_KEY, API_PUBLIC_KEY.slice(2)]) {
      expect(`${String(thrown)} ${JSON.stringify(thrown)} ${inspect(thrown)}`).not.toContain(key);
    }
    expect(recorder.requests).toHaveLength(0);
  });

  const wrongButWellFormed: Array<[string, Partial<TurnkeyClientOptions>, RegExp]> = [
    ["a private key from another pair", { apiPrivateKey: newKeyPair().privateKey }, /key pair does not match/],
    ["a public key that is not on the curve", { apiPublicKey: `02${"ff".repeat(32)}` }, /not a point on P-256/],
    ["a private key out of range", { apiPrivateKey: "ff".repeat(32) }, /out of range/],
  ];
  it.each(wrongButWellFormed)("fails the first call for %s with ConfigError, before anything is sent", async (_, override, message) => {
    const turnkey = client(override); // the shape is fine, so construction succeeds
    await expect(listOauth2Credentials(turnkey)).rejects.toThrow(message);
    // The outcome is kept: the next call fails the same way, still without a request.
    await expect(listOauth2Credentials(turnkey)).rejects.toBeInstanceOf(ConfigError);
    expect(recorder.requests).toHaveLength(0);
  });

  it("accepts upper-case, 0x-prefixed and leading-zero-dropped private keys, and their stamps verify", async () => {
    let pair = newKeyPair();
    while (!pair.privateKey.startsWith("0")) pair = newKeyPair();
    const forms = [API_PRIVATE_KEY.toUpperCase(), `0x${API_PRIVATE_KEY}`];
    nock(BASE).post("/public/v1/query/list_oauth2_credentials").times(3).reply(200, { oauth2Credentials: [] });
    for (const apiPrivateKey of forms) await listOauth2Credentials(client({ apiPrivateKey }));
    await listOauth2Credentials(client({ apiPublicKey: pair.publicKey, apiPrivateKey: pair.privateKey.slice(1) }));

    expect(recorder.requests).toHaveLength(3);
    verifyStamp(recorder.requests.pop()!, pair.publicKey); // the others: afterEach
  });

  it("stamps the exact bytes it sends, non-ASCII and JSON escapes included", async () => {
    const providerName = "Zoë \u{1F510} \u2028 \"quoted\" \\ 1.0";
    nock(BASE)
      .post("/public/v1/submit/create_oauth_providers")
      .reply(200, completedActivity({ createOauthProvidersResultV2: { providerIds: ["p-1"] } }));
    const result = await createOauthProviders(client(), {
      userId: "u-1",
      oauthProviders: [{ providerName, oidcClaims: { iss: "https://accounts.google.com", sub: "1", aud: "a" } }],
    });

    expect(result).toEqual({ providerIds: ["p-1"] });
    const [sent] = recorder.requests;
    expect(sent!.body).toContain("Zoë \u{1F510}"); // raw UTF-8, not \u escapes
    expect(JSON.parse(sent!.body).parameters.oauthProviders[0].providerName).toBe(providerName);
    verifyStamp(sent!);
    expect(stampVerifies({ ...sent!, body: JSON.stringify(JSON.parse(sent!.body), null, 1) })).toBe(false);
  });

  it("a middleware that rewrites the body gets a stamp over the bytes actually sent (stamped last)", async () => {
    nock(BASE).post("/public/v1/query/list_oauth2_credentials").reply(200, { oauth2Credentials: [] });
    const turnkey = client({
      middleware: [
        {
          async onRequest({ request }) {
            const body = JSON.parse(await request.clone().text());
            return new Request(request, { body: JSON.stringify({ ...body, extra: true }) });
          },
        },
      ],
    });
    await listOauth2Credentials(turnkey);

    expect(recorder.requests).toHaveLength(1);
    const [sent] = recorder.requests;
    expect(JSON.parse(sent!.body)).toMatchObject({ extra: true });
    verifyStamp(sent!);
  });

  it("builds the stamper once for concurrent first requests", async () => {
    nock(BASE).post("/public/v1/query/list_oauth2_credentials").times(3).reply(200, { oauth2Credentials: [] });
    const turnkey = client();
    await Promise.all([listOauth2Credentials(turnkey), listOauth2Credentials(turnkey), listOauth2Credentials(turnkey)]);
    expect(recorder.requests).toHaveLength(3);
  });
});

const completedActivity = (result: Record<string, unknown>) =>
  activityResponse("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2", result);

describe("queries", () => {
  const credential = {
    oauth2CredentialId: "c-1",
    organizationId: ORG,
    provider: "OAUTH2_PROVIDER_X",
    clientId: "client",
    encryptedClientSecret: "00ff",
    createdAt: { seconds: "1", nanos: "0" },
    updatedAt: { seconds: "1", nanos: "0" },
  };

  it("send the client's organization by default and return the inner value", async () => {
    nock(BASE)
      .post("/public/v1/query/get_oauth2_credential")
      .reply(200, { oauth2Credential: credential })
      .post("/public/v1/query/list_oauth2_credentials")
      .reply(200, { oauth2Credentials: [credential] })
      .post("/public/v1/query/get_oauth_providers")
      .reply(200, { oauthProviders: [] })
      .post("/public/v1/query/get_activity")
      .reply(200, completedActivity({}));
    const turnkey = client();

    expect(await getOauth2Credential(turnkey, { oauth2CredentialId: "c-1" })).toEqual(credential);
    expect(await listOauth2Credentials(turnkey)).toEqual([credential]);
    expect(await getOauthProviders(turnkey)).toEqual([]);
    expect((await getActivity(turnkey, { activityId: "a-1" })).status).toBe("ACTIVITY_STATUS_COMPLETED");

    expect(recorder.requests.map((r) => r.body)).toEqual([
      JSON.stringify({ oauth2CredentialId: "c-1", organizationId: ORG }),
      JSON.stringify({ organizationId: ORG }),
      JSON.stringify({ organizationId: ORG }),
      JSON.stringify({ activityId: "a-1", organizationId: ORG }),
    ]);
  });

  it("take another organization and a user filter", async () => {
    nock(BASE).post("/public/v1/query/get_oauth_providers").reply(200, { oauthProviders: [] });
    await getOauthProviders(client(), { organizationId: "sub-org", userId: "u-1" });
    expect(JSON.parse(recorder.requests[0]!.body)).toEqual({ organizationId: "sub-org", userId: "u-1" });
  });

  it("throw ApiError with Turnkey's status body for an error status", async () => {
    const body = { code: 5, message: "oauth2 credential not found: c-9", details: [] };
    nock(BASE).post("/public/v1/query/get_oauth2_credential").reply(404, body);
    const error = await getOauth2Credential(client(), { oauth2CredentialId: "c-9" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).body).toEqual(body);
  });

  it("throw InvalidResponseError when the body lacks what the spec requires", async () => {
    nock(BASE).post("/public/v1/query/list_oauth2_credentials").reply(200, { oauth2Credentials: null });
    await expect(listOauth2Credentials(client())).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("are retried on 503 (the spec marks them x-idempotent), each attempt stamped", async () => {
    nock(BASE)
      .post("/public/v1/query/list_oauth2_credentials")
      .reply(503, { code: 14, message: "unavailable" })
      .post("/public/v1/query/list_oauth2_credentials")
      .reply(200, { oauth2Credentials: [] });
    expect(await listOauth2Credentials(client({ retry: { baseDelayMs: 0 } }))).toEqual([]);
    expect(recorder.requests).toHaveLength(2);
    expect(recorder.requests[1]!.body).toBe(recorder.requests[0]!.body);
  });
});
