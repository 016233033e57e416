// Three runs against a server playing Tradovate on 127.0.0.1, sharing one session file: the first logs in,
// the second reuses the saved session (no login), the third finds it about to expire and renews it.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { unwrap } from "@oauth-kit/tradovate";
import { openTradovate } from "../src/session.js";

const credentials = { name: "example_user", password: "example-password", appId: "Example", appVersion: "1.0", deviceId: "3f2b8c1e-6a4d-4e7f-9b2a-1c5d8e0f7a63", cid: "1234", sec: "example-api-secret" };
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

test("log in once, reuse the saved session, renew it before it expires", { timeout: 30_000 }, async () => {
  const calls: string[] = [];
  let issued = 0;
  const tradovateServer = createServer(async (request, response) => {
    for await (const _ of request); // drain the body
    calls.push(`${request.method} ${request.url}`);
    const json = (body: object) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.url === "/v1/auth/accesstokenrequest") return json({ accessToken: `token-${++issued}`, expirationTime: inMinutes(80), userId: 7 });
    if (request.url === "/v1/auth/renewaccesstoken") return json({ accessToken: `renewed-${++issued}`, expirationTime: inMinutes(80), userId: 7 });
    if (request.url === "/v1/auth/me" && /^Bearer (token|renewed)-\d+$/.test(request.headers.authorization ?? "")) return json({ userId: 7, fullName: "Jane Doe" });
    response.writeHead(401).end();
  });
  await new Promise<void>((resolve) => tradovateServer.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(tradovateServer.address() as AddressInfo).port}/v1`;
  const folder = await mkdtemp(join(tmpdir(), "tradovate-session-example-"));
  const file = join(folder, "session.json");
  const run = async () => unwrap(await (await openTradovate({ credentials, file, baseUrl })).GET("/auth/me")).fullName;

  try {
    assert.equal(await run(), "Jane Doe");
    assert.deepEqual(calls, ["POST /v1/auth/accesstokenrequest", "GET /v1/auth/me"]);
    assert.equal(JSON.parse(await readFile(file, "utf8")).accessToken, "token-1");

    calls.length = 0;
    assert.equal(await run(), "Jane Doe");
    assert.deepEqual(calls, ["GET /v1/auth/me"], "the saved session is reused: no second login");

    // The saved session expires in 5 minutes, inside the 15-minute renewal window.
    const saved = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...saved, expiresAt: Date.now() + 5 * 60_000 }));
    calls.length = 0;
    assert.equal(await run(), "Jane Doe");
    assert.deepEqual(calls, ["GET /v1/auth/renewaccesstoken", "GET /v1/auth/me"], "renewed, not a new login");
    assert.equal(JSON.parse(await readFile(file, "utf8")).accessToken, "renewed-2");
  } finally {
    tradovateServer.close();
    tradovateServer.closeAllConnections(); // keep-alive sockets would hold the test process open
    await rm(folder, { recursive: true, force: true });
  }
});
