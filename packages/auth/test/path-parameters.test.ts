// Some APIs put a credential in the path (openapi.com's token id is the bearer token itself), so errors
// name path parameters instead of printing them, and mask their values wherever a response echoes them.
import { inspect } from "node:util";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, ConfigError, InvalidResponseError, basic, bearer, createTokenSource, unwrap } from "../src/index.js";
import { BASE, fixtureClient, rejection } from "./fixtures.js";

const nock = useNock();
const SECRET_ID = "tok-in-path-8c1e5a77f2";
const credentials = { BasicAuth: basic("user@example.com", "basic-password-1") };

function renderings(error: unknown): string[] {
  return [String(error), JSON.stringify(error), inspect(error, { depth: 10 })];
}

describe("path parameters in errors", () => {
  it("shows the path template, not the value, in an ApiError's url and message", async () => {
    nock(BASE).delete(`/items/${SECRET_ID}`).reply(404, { message: "not found" });
    const result = await fixtureClient({ credentials }).DELETE("/items/{id}", { params: { path: { id: SECRET_ID } } });
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.url).toBe(`${BASE}/items/{id}`);
    for (const text of renderings(error)) expect(text).not.toContain(SECRET_ID);
  });

  it("masks a path value that the server echoes in the body", async () => {
    nock(BASE).delete(`/items/${SECRET_ID}`).reply(404, `no item ${SECRET_ID} here`, { "Content-Type": "text/plain" });
    const result = await fixtureClient({ credentials }).DELETE("/items/{id}", { params: { path: { id: SECRET_ID } } });
    const error = await rejection(Promise.resolve().then(() => unwrap(result)));
    expect((error as ApiError).snippet).toBe("no item [redacted] here");
    for (const text of renderings(error)) expect(text).not.toContain(SECRET_ID);
  });

  it("masks it in an InvalidResponseError snippet too", async () => {
    nock(BASE).delete(`/items/${SECRET_ID}`).reply(500, "x").delete(`/items/${SECRET_ID}`).reply(200, `<html>${SECRET_ID}</html>`, {
      "Content-Type": "text/html",
    });
    // A 200 where the spec documents 204 and JSON errors: the HTML page is not a usable answer.
    const error = await rejection(
      fixtureClient({ credentials, retry: { baseDelayMs: 1 } }).DELETE("/items/{id}", { params: { path: { id: SECRET_ID } } }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    for (const text of renderings(error)) expect(text).not.toContain(SECRET_ID);
  });
});

describe("tokens from a token source", () => {
  it("are checked before they reach a header, like a static bearer()", async () => {
    const source = createTokenSource({ refresh: async () => ({ accessToken: "bad\r\nX-Injected: 1", tokenType: "Bearer" }) });
    const error = await rejection(fixtureClient({ credentials: { BearerAuth: bearer(source) } }).GET("/me"));
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).not.toContain("X-Injected");
  });
});
