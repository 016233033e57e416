// openapi.com behaviour: token CRUD, rotation with the refresh token (the old token is deleted; a refresh
// token used twice deletes the token it rotated into), scopes checked, lists paginated with skip/limit.
import { expect, it } from "vitest";
import { basic, bearer, call, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const SCOPE = "GET:company.openapi.com/IT-start";

async function account() {
  const mock = await start("openapi-com");
  const headers = basic(mock.credentials.email!, mock.credentials.apiKey!);
  const create = (name: string) => call(mock, "POST", "/tokens", { headers, json: { name, scopes: [SCOPE] } });
  return { mock, headers, create };
}

it("rotation replaces the token; reusing the refresh token is 401 (130) and deletes the rotated token", async () => {
  const { mock, headers, create } = await account();
  const created = (await create("t")).json;
  const rotated = await call(mock, "PATCH", `/tokens/${created.token}`, { headers: bearer(created.refreshToken), json: {} });
  expect(rotated.json).toMatchObject({ name: "t", scopes: [SCOPE] });
  expect((await call(mock, "GET", `/tokens/${created.token}`, { headers })).json).toMatchObject({ error: 120 });
  expect((await call(mock, "GET", `/tokens/${rotated.json.token}`, { headers })).status).toBe(200);

  const reused = await call(mock, "PATCH", `/tokens/${created.token}`, { headers: bearer(created.refreshToken), json: {} });
  expect([reused.status, reused.json]).toEqual([401, { success: false, message: "Unauthorized", error: 130, data: null }]);
  expect((await call(mock, "GET", `/tokens/${rotated.json.token}`, { headers })).status).toBe(404);
});

it("scopes: missing (70), malformed (80), not enabled (90)", async () => {
  const { mock, headers } = await account();
  const post = (json: unknown) => call(mock, "POST", "/tokens", { headers, json });
  expect((await post({ name: "x" })).json.error).toBe(70);
  expect((await post({ scopes: ["company.openapi.com"] })).json.error).toBe(80);
  expect((await post({ scopes: ["GET:risk.openapi.com/IT-crif"] })).json.error).toBe(90);
});

it("lists page with skip and limit; a token id of the wrong format is 422 (60)", async () => {
  const { mock, headers, create } = await account();
  for (const name of ["a", "b", "c"]) await create(name);
  const page = await call(mock, "GET", "/tokens", { headers, query: { skip: "1", limit: "1" } });
  expect(page.json.data.map((token: { name: string }) => token.name)).toEqual(["b"]);
  expect((await call(mock, "GET", "/tokens", { headers, query: { limit: "101" } })).status).toBe(422);
  expect((await call(mock, "GET", "/tokens/not-an-id", { headers })).json).toMatchObject({ error: 60 });
});

it("a wrong API key: 401 without a body", async () => {
  const mock = await start("openapi-com");
  const reply = await call(mock, "GET", "/wallet", { headers: basic(mock.credentials.email!, "wrong") });
  expect([reply.status, reply.text]).toEqual([401, ""]);
});
