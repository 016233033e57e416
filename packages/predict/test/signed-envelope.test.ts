// signEnvelope(): what the wallet is asked to sign, the timestamp in seconds, and the checks on its inputs.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { ConfigError, type PredictWallet, createPredictClient, signEnvelope, unwrap } from "../src/index.js";
import { ACCOUNT, CONTRACT_ORDER as ORDER, SIGNER } from "./helpers.js";

const nock = useNock();

beforeEach(() => {
  // Only Date is faked: nock and the transport keep their real timers.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-11T01:40:00.999Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("signEnvelope", () => {
  it("stamps data with the current time in whole seconds and signs it", async () => {
    const sign = vi.fn((data: object) => `sig:${JSON.stringify(data)}`);
    const envelope = await signEnvelope({ signer: SIGNER, account: ACCOUNT, sign }, { clientId: "app", authCode: "code-1" });
    expect(envelope).toEqual({
      signer: SIGNER,
      account: ACCOUNT,
      signature: 'sig:{"timestamp":1765417200,"clientId":"app","authCode":"code-1"}',
      data: { timestamp: 1765417200, clientId: "app", authCode: "code-1" },
    });
    expect(Number.isInteger(envelope.data.timestamp)).toBe(true);
    expect(sign).toHaveBeenCalledTimes(1);
    expect(sign).toHaveBeenCalledWith(envelope.data);
  });

  it("takes a new timestamp for every envelope", async () => {
    const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: () => "0xsig" };
    const first = await signEnvelope(wallet, {});
    vi.setSystemTime(new Date("2025-12-11T01:40:07.001Z"));
    const second = await signEnvelope(wallet, {});
    expect([first.data.timestamp, second.data.timestamp]).toEqual([1765417200, 1765417207]);
  });

  it("awaits an async wallet and sends the envelope as the body of order creation (201)", async () => {
    const recorder = recordingFetch();
    const client = createPredictClient({ environment: "testnet", fetch: recorder.fetch });
    const wallet: PredictWallet = {
      signer: SIGNER,
      account: ACCOUNT,
      sign: async (data) => {
        await new Promise((resolve) => setImmediate(resolve));
        return `0xasync-${data.timestamp}`;
      },
    };
    const created = { success: true, data: { code: "OK", orderId: "88214593", orderHash: "0xd04b" } };
    nock("https://api-testnet.predict.fun").post("/v1/oauth/orders/create").reply(201, created);

    const body = await signEnvelope(wallet, { pricePerShare: "550000000000000000", strategy: "LIMIT", order: ORDER });
    const result = await client.POST("/v1/oauth/orders/create", { body });

    expect(result.response.status).toBe(201);
    expect(unwrap(result)).toEqual(created);
    expect(JSON.parse(recorder.requests[0]!.body)).toEqual({
      signer: SIGNER,
      account: ACCOUNT,
      signature: "0xasync-1765417200",
      data: { timestamp: 1765417200, pricePerShare: "550000000000000000", strategy: "LIMIT", order: ORDER },
    });
  });

  it.each([
    ["an empty string", () => ""],
    ["whitespace", () => "  "],
    ["undefined", () => undefined],
    ["a number", () => 42],
    ["a promise of an empty string", async () => ""],
  ])("refuses a signature that is %s", async (_, sign) => {
    const wallet = { signer: SIGNER, account: ACCOUNT, sign } as unknown as PredictWallet;
    await expect(signEnvelope(wallet, {})).rejects.toThrow(ConfigError);
    await expect(signEnvelope(wallet, {})).rejects.toThrow(/wallet\.sign\(data\) must return \(or resolve to\) a non-empty signature/);
  });

  it("passes the wallet's own error through (a rejected prompt)", async () => {
    const rejected = new Error("user rejected the request");
    const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: async () => Promise.reject(rejected) };
    await expect(signEnvelope(wallet, {})).rejects.toBe(rejected);
  });

  it.each([
    ["signer", { signer: "", account: ACCOUNT }, /wallet\.signer must be a 0x-prefixed 20-byte hex address/],
    ["signer", { signer: "8Ba1f109551bD432803012645Ac136ddd64DBA72", account: ACCOUNT }, /wallet\.signer/],
    ["account", { signer: SIGNER, account: `${ACCOUNT}00` }, /wallet\.account must be a 0x-prefixed/],
    ["account", { signer: SIGNER, account: undefined }, /wallet\.account/],
  ])("refuses a malformed %s without signing", async (_, addresses, message) => {
    const sign = vi.fn(() => "0xsig");
    const wallet = { ...addresses, sign } as unknown as PredictWallet;
    await expect(signEnvelope(wallet, {})).rejects.toThrow(message);
    await expect(signEnvelope(wallet, {})).rejects.toBeInstanceOf(ConfigError);
    expect(sign).not.toHaveBeenCalled();
  });

  it("refuses a wallet without sign(), data that is not an object, and a caller-supplied timestamp", async () => {
    const wallet: PredictWallet = { signer: SIGNER, account: ACCOUNT, sign: () => "0xsig" };
    await expect(signEnvelope({ signer: SIGNER, account: ACCOUNT } as PredictWallet, {})).rejects.toThrow(
      new ConfigError("wallet.sign must be a function"),
    );
    await expect(signEnvelope(wallet, null as never)).rejects.toThrow(new ConfigError("envelope data must be an object"));
    await expect(signEnvelope(wallet, { timestamp: 1 } as never)).rejects.toThrow(/must not set `timestamp`/);
  });
});
