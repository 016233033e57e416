// The authorize page: Approve and Deny buttons, redirect with code and state (or access_denied), and an
// error page — never a redirect — for an unknown client or an unregistered redirect URI.
import { expect, it } from "vitest";
import { call, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();
const REDIRECT = "http://localhost/callback";

it("shows Approve and Deny; Approve redirects with a code and the state, Deny with access_denied", async () => {
  const mock = await start("alpaca");
  const query = { response_type: "code", client_id: mock.credentials.clientId!, redirect_uri: REDIRECT, state: "xyz", scope: "trading" };
  const page = await call(mock, "GET", "/oauth/authorize", { query });
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  expect(page.text).toContain('id="approve"');
  expect(page.text).toContain('id="deny"');

  const approve = await call(mock, "POST", "/oauth/authorize", { form: { ...query, decision: "approve" } });
  const approved = new URL(approve.headers.get("location")!);
  expect([approve.status, approved.origin + approved.pathname, approved.searchParams.get("state")]).toEqual([302, REDIRECT, "xyz"]);
  expect(mock.state.codes.get(approved.searchParams.get("code")!)).toMatchObject({ clientId: query.client_id, redirectUri: REDIRECT, scope: "trading" });

  const deny = await call(mock, "POST", "/oauth/authorize", { form: { ...query, decision: "deny" } });
  expect(new URL(deny.headers.get("location")!).search).toBe("?error=access_denied&state=xyz");
});

it("an unknown client or an unregistered redirect URI gets an error page, not a redirect", async () => {
  const mock = await start("alpaca", { autoApprove: true });
  const unknown = await call(mock, "GET", "/oauth/authorize", { query: { response_type: "code", client_id: "nobody", redirect_uri: REDIRECT } });
  expect([unknown.status, unknown.headers.get("location")]).toEqual([400, null]);
  const evil = await call(mock, "GET", "/oauth/authorize", { query: { response_type: "code", client_id: mock.credentials.clientId!, redirect_uri: "https://evil.example/cb" } });
  expect([evil.status, evil.headers.get("location")]).toEqual([400, null]);
});
