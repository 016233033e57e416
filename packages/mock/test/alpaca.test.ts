import { afterEach, describe, expect, it } from "vitest";
import { type MockProvider, startMockProvider } from "../src/index.js";

let mock: MockProvider<"alpaca"> | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const form = (values: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values).toString(),
});

describe("alpaca mock: Connect", () => {
  it("authorize (auto-approve), exchange once, then a reused code is invalid_grant", async () => {
    mock = await startMockProvider("alpaca", { autoApprove: true, redirectUris: ["http://localhost/cb"] });
    const { clientId, clientSecret } = mock.credentials;
    const authorize = await fetch(`${mock.baseUrl}/oauth/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent("http://localhost/cb")}&state=s1`, { redirect: "manual" });
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("s1");
    const code = location.searchParams.get("code")!;
    const body = { grant_type: "authorization_code", code, client_id: clientId!, client_secret: clientSecret!, redirect_uri: "http://localhost/cb" };
    const first = await fetch(`${mock.baseUrl}/oauth/token`, form(body));
    expect(first.status).toBe(200);
    const token = (await first.json()) as { access_token: string };
    const account = await fetch(`${mock.baseUrl}/v2/account`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(account.status).toBe(200);
    const second = await fetch(`${mock.baseUrl}/oauth/token`, form(body));
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: "invalid_grant" });
    const after = await fetch(`${mock.baseUrl}/v2/account`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(after.status).toBe(401);
  });
});
