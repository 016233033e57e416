// createLoginTokenSource: the JWT's `exp` is honoured (log in again before it), and instances sharing a
// store log in once per wallet (issue #12).
import { createMemoryTokenStore } from "@oauth-kit/auth";
import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLoginTokenSource, createPredictClient } from "../src/index.js";

const nock = useNock();
afterEach(() => vi.useRealTimers());

const API = "https://api.predict.fun";
const API_KEY = "pk_live_4f9a2c7e1b8d3a6f";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const T0 = Date.parse("2026-08-21T14:00:00Z");
const DAY_S = 24 * 3600;
const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
/** A JWT like Predict's: valid 24 h from `iat`. */
const jwt = (name: string, iatMs: number) => `${b64url({ alg: "HS256" })}.${b64url({ sub: name, iat: iatMs / 1000, exp: iatMs / 1000 + DAY_S })}.sig`;
const signMessage = async (message: string) => `signed(${message})`;

function expectLogin(token: string) {
  nock(API)
    .get("/v1/auth/message")
    .reply(200, { success: true, data: { message: "nonce" } })
    .post("/v1/auth")
    .reply(200, { success: true, data: { token } });
}

describe("createLoginTokenSource", () => {
  it("uses the JWT until 60 s before its exp, then logs in again once", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    const first = jwt("first", T0);
    const second = jwt("second", T0 + DAY_S * 1000 - 60_000);
    expectLogin(first);
    const source = createLoginTokenSource(createPredictClient({ apiKey: API_KEY, retry: false }), { signer: SIGNER, signMessage });
    expect(await source.getToken()).toBe(first);
    vi.setSystemTime(T0 + DAY_S * 1000 - 60_001);
    expect(await source.getToken()).toBe(first);
    vi.setSystemTime(T0 + DAY_S * 1000 - 60_000);
    expectLogin(second);
    expect(await Promise.all([source.getToken(), source.getToken()])).toEqual([second, second]);
  });

  it("instances sharing a store log in once per wallet", async () => {
    const token = jwt("shared", Date.now());
    expectLogin(token);
    const store = createMemoryTokenStore();
    const sources = [1, 2, 3].map(() =>
      createLoginTokenSource(createPredictClient({ apiKey: API_KEY, retry: false }), { signer: SIGNER, signMessage }, { store }),
    );
    const tokens = await Promise.all(sources.flatMap((source) => [source.getToken(), source.getToken()]));
    expect(new Set(tokens)).toEqual(new Set([token]));
  });
});
