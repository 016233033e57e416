// Predict behaviour: auth messages are single-use, signatures go through the pluggable check, OAuth codes
// are single-use, and lists page with cursors (a cursor that is not one of ours is invalid_cursor).
import { expect, it } from "vitest";
import { authorizeCode, bearer, call, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const envelope = (data: object, signature = "0xabcdef") => ({ signer: SIGNER, account: ACCOUNT, signature, data: { timestamp: 1765417200, ...data } });

it("JWT login: the signature check decides; an auth message works once", async () => {
  const checked: string[] = [];
  const mock = await start("predict", { verifySignature: ({ signature, message }) => (checked.push(message), signature === "0xgood") });
  const key = { "x-api-key": mock.credentials.apiKey! };
  const message = (await call(mock, "GET", "/v1/auth/message", { headers: key })).json.data.message as string;
  const bad = await call(mock, "POST", "/v1/auth", { headers: key, json: { signer: SIGNER, signature: "0xbad", message } });
  expect([bad.status, bad.json.error]).toEqual([401, "unauthorized"]);
  const again = await call(mock, "POST", "/v1/auth", { headers: key, json: { signer: SIGNER, signature: "0xgood", message } });
  expect([again.status, again.json.message]).toEqual([400, "Unknown or already used auth message"]);
  const fresh = (await call(mock, "GET", "/v1/auth/message", { headers: key })).json.data.message as string;
  expect((await call(mock, "POST", "/v1/auth", { headers: key, json: { signer: SIGNER, signature: "0xgood", message: fresh } })).status).toBe(200);
  expect(checked).toEqual([message, fresh]);
});

it("finalize: a reused code is refused; orders page with cursors; a foreign cursor is invalid_cursor", async () => {
  const mock = await start("predict", { autoApprove: true, seedRecords: 5 });
  const key = { "x-api-key": mock.credentials.apiKey! };
  const authCode = await authorizeCode(mock, "/oauth/authorize", { client_id: mock.credentials.clientId!, redirect_uri: REDIRECT });
  const finalize = () => call(mock, "POST", "/v1/oauth/finalize", { headers: key, json: envelope({ clientId: mock.credentials.clientId, authCode }) });
  const token = (await finalize()).json.data.token as string;
  expect((await finalize()).json).toMatchObject({ code: 400, error: "bad_request" });

  const headers = { ...key, ...bearer(token) };
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await call(mock, "POST", "/v1/oauth/orders", { headers, json: envelope({ first: "2", ...(after ? { after } : {}) }) });
    ids.push(...page.json.data.map((order: { id: string }) => order.id));
    after = page.json.cursor;
  } while (after);
  expect(ids).toHaveLength(5);
  const foreign = await call(mock, "POST", "/v1/oauth/orders", { headers, json: envelope({ after: "eyJpZCI6Ijg4MjE0NTkzIn0=" }) });
  expect([foreign.status, foreign.json.error]).toEqual([400, "invalid_cursor"]);
  const noKey = await call(mock, "POST", "/v1/oauth/orders", { headers: bearer(token), json: envelope({}) });
  expect(noKey.status).toBe(401);
});
