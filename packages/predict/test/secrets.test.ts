// RELIABILITY.md §9 case 57: the API key, the JWT and the wallet signature never appear in an error's
// message, JSON or util.inspect output, whichever way the error came about.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  type PredictWallet,
  createLoginTokenSource,
  createPredictClient,
  finalizeConnection,
  loginWithSignature,
  paginateOrders,
  signEnvelope,
  unwrap,
} from "../src/index.js";

const nock = useNock();

const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQifQ.jwt-signature-part";
const SIGNATURE = "0xa383bcb77c832a8ff52caace0f4efa8f1639b56b3ad5e32df3c35e8e2ca88f92cd96d994aef0bc3058650fdb7a9b0b33cd91b6236cf26d021d7d3c79db1cf3de1b";
const PRIVATE_KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: () => SIGNATURE };

function renderings(error: unknown): string {
  return [String(error), JSON.stringify(error), inspect(error, { depth: 5 }), (error as Error).stack ?? ""].join("\n");
}

function expectNoSecrets(error: unknown, secrets: string[] = [API_KEY, JWT, SIGNATURE]) {
  expect(error).toBeInstanceOf(Error);
  const text = renderings(error);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("secrets in errors", () => {
  it("an API error whose body echoes the API key, the JWT and the signature", async () => {
    const body = {
      success: false,
      code: 401,
      error: "unauthorized",
      // The API key and the JWT echoed bare, the signature as a labelled field.
      message: `key ${API_KEY} rejected; token ${JWT} expired; {"signature": "${SIGNATURE}"}`,
      timestamp: "2025-12-11T01:41:00Z",
      signature: SIGNATURE,
    };
    nock("https://api.predict.fun").post("/v1/oauth/orders").reply(401, body);
    const client = createPredictClient({ apiKey: API_KEY, jwt: JWT });
    const error = await paginateOrders(client, wallet).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).snippet).toContain("[redacted]");
    expectNoSecrets(error);
    // The raw body stays available to the caller, just not in renderings.
    expect((error as ApiError<typeof body>).body.signature).toBe(SIGNATURE);
  });

  it("an API error that echoes a token-source JWT as a bearer value", async () => {
    nock("https://api.predict.fun")
      .get("/v1/auth/message")
      .reply(200, { success: true, data: { message: "m" } })
      .post("/v1/auth")
      .reply(200, { success: true, data: { token: JWT } })
      .post("/v1/oauth/positions")
      .reply(403, { success: false, code: 403, error: "forbidden", message: `Authorization: Bearer ${JWT}`, timestamp: "t" });
    const tokenSource = createLoginTokenSource(createPredictClient({ apiKey: API_KEY }), { signer: SIGNER, signMessage: () => SIGNATURE });
    const client = createPredictClient({ apiKey: API_KEY, tokenSource });
    const result = await client.POST("/v1/oauth/positions", { body: await signEnvelope(wallet, {}) });
    let error: unknown;
    try {
      unwrap(result);
    } catch (e) {
      error = e;
    }
    expectNoSecrets(error);
  });

  it("a connection failure during finalize", async () => {
    nock("https://api.predict.fun")
      .post("/v1/oauth/finalize")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const client = createPredictClient({ apiKey: API_KEY, jwt: JWT });
    const error = await finalizeConnection(client, wallet, { clientId: "app", authCode: "code-secret-123" }).catch((e: unknown) => e);
    expectNoSecrets(error, [API_KEY, JWT, SIGNATURE, "code-secret-123"]);
  });

  it("configuration errors never echo the value they refuse", async () => {
    const errors: unknown[] = [];
    const capture = async (run: () => unknown) => {
      try {
        await run();
      } catch (error) {
        errors.push(error);
      }
    };
    // A private key pasted where an address belongs, an unsafe API key and JWT, a signature of the wrong type.
    await capture(() => signEnvelope({ ...wallet, signer: PRIVATE_KEY }, {}));
    await capture(() => loginWithSignature(createPredictClient({ environment: "testnet" }), { signer: PRIVATE_KEY, signMessage: () => SIGNATURE }));
    await capture(() => createPredictClient({ apiKey: `${API_KEY}\n` }));
    await capture(() => createPredictClient({ environment: "testnet", jwt: `${JWT} ` }));
    await capture(() => signEnvelope({ ...wallet, sign: () => [SIGNATURE] as never }, {}));
    expect(errors).toHaveLength(5);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConfigError);
      expectNoSecrets(error, [API_KEY, JWT, SIGNATURE, PRIVATE_KEY]);
    }
  });
});
