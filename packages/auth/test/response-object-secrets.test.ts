// The success path hands openapi-fetch the Response that came back, with text()/json() answering from
// what the transport already read, and remembers the exchange (its headers and body, for the errors
// unwrap() may build) beside it. Users log `result.response` when debugging: nothing that walks that
// object may reach what the request sent (the Authorization header, a client_secret in a form body).

import { inspect } from "node:util";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { basic } from "../src/index.js";
import { BASE, fixtureClient } from "./fixtures.js";

const nock = useNock();

const CLIENT_SECRET = "form-client-secret-7d41e9";
const PASSWORD = "basic-password-3c8a2f";

/** Every way a logger or a console may render an object, deep. */
function renderings(value: object): string[] {
  const symbols = Object.getOwnPropertySymbols(value).map((symbol) => (value as Record<symbol, unknown>)[symbol]);
  return [
    inspect(value, { depth: 20 }),
    inspect(value, { depth: 20, customInspect: false }),
    inspect(value, { depth: 20, customInspect: false, showHidden: true, getters: true }),
    JSON.stringify(value) ?? "",
    inspect(symbols, { depth: 20, customInspect: false, showHidden: true }),
    inspect(Object.assign({}, value), { depth: 20, customInspect: false }),
  ];
}

describe("a successful response object shows nothing the request sent", () => {
  it("a form POST with a client_secret and Basic credentials: the Response handed back reveals neither", async () => {
    const client = fixtureClient({ credentials: { BasicAuth: basic("user-1", PASSWORD) }, retry: false });
    nock(BASE).post("/oauth/token").reply(200, { access_token: "at-1", token_type: "Bearer", expires_in: 60 });
    const result = await client.POST("/oauth/token", {
      body: { grant_type: "client_credentials", client_id: "cid", client_secret: CLIENT_SECRET },
    });
    expect(result.data).toEqual({ access_token: "at-1", token_type: "Bearer", expires_in: 60 });
    // What the success path added still answers (read once, then from memory).
    expect(await result.response.json()).toEqual(result.data);
    const basicValue = Buffer.from(`user-1:${PASSWORD}`).toString("base64");
    for (const shown of renderings(result.response)) {
      expect(shown).not.toContain(CLIENT_SECRET);
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(basicValue);
    }
  });
});
