// The CLI: prints the base URL and the credentials, then one line per request with every secret masked.
import { afterEach, expect, it } from "vitest";
import { runCli } from "../src/cli-main.js";
import type { MockProvider } from "../src/index.js";
import { call } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

let mock: MockProvider | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

it("prints the base URL and credentials, then masked request lines", async () => {
  const lines: string[] = [];
  mock = await runCli(["alpaca", "--auto-approve"], (line) => lines.push(line));
  expect(mock).toBeDefined();
  const c = mock!.credentials;
  expect(lines[0]).toBe(`alpaca mock listening on ${mock!.baseUrl}`);
  expect(lines).toContain(`  clientSecret: ${c.clientSecret}`);
  const printed = lines.length;

  const location = (await call(mock!, "GET", "/oauth/authorize", { query: { response_type: "code", client_id: c.clientId!, redirect_uri: "http://localhost/callback" } })).headers.get("location")!;
  const code = new URL(location).searchParams.get("code")!;
  await call(mock!, "POST", "/oauth/token", { form: { grant_type: "authorization_code", code, client_id: c.clientId!, client_secret: c.clientSecret!, redirect_uri: "http://localhost/callback" } });
  const basic = `Basic ${Buffer.from(`${c.brokerKey}:${c.brokerSecret}`).toString("base64")}`;
  await call(mock!, "GET", `/v1/oauth/clients/${c.clientId}`, { headers: { authorization: basic } });

  const log = lines.slice(printed);
  expect(log).toHaveLength(3);
  expect(log[0]).toMatch(/^GET \/oauth\/authorize\?.* → 302$/);
  expect(log[1]).toMatch(/^POST \/oauth\/token → 200 \(exchangeConnectAuthorizationCode\) /);
  expect(log[2]).toBe("GET /v1/oauth/clients/{client_id} → 200 (getOAuthClient)");
  for (const secret of [code, c.clientSecret!, c.brokerSecret!, basic]) expect(log.join("\n")).not.toContain(secret);
});

it("--redirect-uri registers the app's redirect URIs", async () => {
  mock = await runCli(["alpaca", "--redirect-uri", "http://127.0.0.1:8080/index.html", "--redirect-uri", "http://127.0.0.1:8080/cb"], () => {});
  expect([...mock!.state.clients.values()][0]!.redirectUris).toEqual(["http://127.0.0.1:8080/index.html", "http://127.0.0.1:8080/cb"]);
});

it("a missing or unknown provider prints the usage and starts nothing", async () => {
  for (const args of [[], ["nope"], ["alpaca", "--port", "x"]]) {
    const lines: string[] = [];
    expect(await runCli(args, (line) => lines.push(line))).toBeUndefined();
    expect(lines.join("\n")).toMatch(/usage: oauth-kit-mock <provider>/);
  }
});
