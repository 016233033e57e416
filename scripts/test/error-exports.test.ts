// Every provider package re-exports the same error family and unwrap(): the very classes of
// @oauth-kit/auth, so `instanceof` works whichever package a caller imports them from.
import * as errors from "@oauth-kit/auth/errors";
import { describe, expect, it } from "vitest";
import * as alpaca from "../../packages/alpaca/src/index.js";
import * as openapiCom from "../../packages/openapi-com/src/index.js";
import * as predict from "../../packages/predict/src/index.js";
import * as tradovate from "../../packages/tradovate/src/index.js";
import * as turnkey from "../../packages/turnkey/src/index.js";

const providers = { alpaca, tradovate, turnkey, predict, "openapi-com": openapiCom };
const family = Object.keys(errors).sort();

describe("the error family in every provider package", () => {
  it("is the whole list", () => {
    expect(family).toEqual([
      "AbortError",
      "ApiError",
      "CallbackError",
      "ConfigError",
      "ConnectionError",
      "InvalidResponseError",
      "OAuthError",
      "OAuthKitError",
      "RedirectError",
      "StoreError",
      "TimeoutError",
      "unwrap",
    ]);
  });

  it.each(Object.entries(providers))("@oauth-kit/%s exports each of them, identical to auth's", (_name, exports) => {
    for (const name of family) {
      expect((exports as Record<string, unknown>)[name], name).toBe((errors as Record<string, unknown>)[name]);
    }
  });
});
