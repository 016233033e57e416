// The whole flow against a server playing Alpaca's token endpoint on 127.0.0.1: /login redirects with a
// state, the callback exchanges the code (form-encoded, client secret in the body, no Basic header), and
// the token lands in the file. A replayed callback is refused without a second exchange.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createConnectServer } from "../src/connect-server.js";
import { fileTokenStore } from "../src/file-token-store.js";

const listen = async (server: ReturnType<typeof createServer>) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const text = async (request: IncomingMessage) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
};

test("login → callback → code exchange → token persisted", { timeout: 30_000 }, async () => {
  const exchanges: { path?: string; type?: string; authorization?: string; form: URLSearchParams }[] = [];
  const alpaca = createServer(async (request, response) => {
    exchanges.push({ path: request.url, type: request.headers["content-type"], authorization: request.headers.authorization, form: new URLSearchParams(await text(request)) });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "example-access-token", token_type: "bearer", scope: "account:write trading" }));
  });
  const alpacaUrl = await listen(alpaca);
  const folder = await mkdtemp(join(tmpdir(), "alpaca-connect-example-"));
  const tokenFile = join(folder, "token.json");

  // The app's own port is only known once it listens, and the redirect URI must name it: reserve one first.
  const app = createServer();
  const appUrl = await listen(app);
  app.close();
  const redirectUri = `${appUrl}/alpaca/callback`;
  const server = createConnectServer({ clientId: "example-client", clientSecret: "example-secret", redirectUri, tokens: fileTokenStore(tokenFile), apiBaseUrl: alpacaUrl });
  await new Promise<void>((resolve) => server.listen(Number(new URL(appUrl).port), "127.0.0.1", resolve));

  try {
    const login = await fetch(`${appUrl}/login`, { redirect: "manual" });
    assert.equal(login.status, 302);
    const authorize = new URL(login.headers.get("location")!);
    assert.equal(authorize.origin + authorize.pathname, "https://app.alpaca.markets/oauth/authorize");
    assert.equal(authorize.searchParams.get("redirect_uri"), redirectUri);
    const state = authorize.searchParams.get("state")!;
    assert.ok(state.length >= 32);

    // Alpaca sends the user back with a code and the same state.
    const callback = await fetch(`${redirectUri}?code=example-code&state=${state}`);
    assert.equal(callback.status, 200);
    assert.equal(exchanges.length, 1);
    assert.equal(exchanges[0]!.path, "/oauth/token");
    assert.match(exchanges[0]!.type ?? "", /application\/x-www-form-urlencoded/);
    assert.equal(exchanges[0]!.authorization, undefined);
    assert.equal(exchanges[0]!.form.get("code"), "example-code");
    assert.equal(exchanges[0]!.form.get("client_secret"), "example-secret");
    assert.equal(exchanges[0]!.form.get("redirect_uri"), redirectUri);
    const saved = JSON.parse(await readFile(tokenFile, "utf8"));
    assert.equal(saved.accessToken, "example-access-token");

    // The same callback again (a reload, an attacker): refused, and Alpaca is not asked again.
    const replay = await fetch(`${redirectUri}?code=example-code&state=${state}`);
    assert.equal(replay.status, 400);
    assert.equal(exchanges.length, 1);
  } finally {
    server.close();
    server.closeAllConnections();
    alpaca.close();
    alpaca.closeAllConnections(); // keep-alive sockets would hold the test process open
    await rm(folder, { recursive: true, force: true });
  }
});
