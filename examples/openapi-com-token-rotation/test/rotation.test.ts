// Against a server playing openapi.com on 127.0.0.1: a token far from expiry is left alone; one that
// expires tomorrow is rotated with its refresh token (and no Basic header), and the vault holds the new
// pair. Rotating again with the spent refresh token is what openapi.com punishes: it never happens here.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createOpenapiComClient } from "@oauth-kit/openapi-com";
import { freshToken } from "../src/rotation.js";

const OLD = { token: "656d1e2f8b3c2a001f7e4a12", refreshToken: "656d1e2f8b3c2a001f7e4a13" };
const NEW = { token: "656d1e2f8b3c2a001f7e4a30", refreshToken: "656d1e2f8b3c2a001f7e4a31" };
const basic = `Basic ${Buffer.from("you@example.com:example-api-key").toString("base64")}`;

test("a token close to expiry is rotated and the new pair persisted; a fresh one is left alone", { timeout: 30_000 }, async () => {
  let expireAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  const calls: { call: string; authorization?: string }[] = [];
  const openapiServer = createServer(async (request, response) => {
    for await (const _ of request); // drain the body
    calls.push({ call: `${request.method} ${request.url}`, authorization: request.headers.authorization });
    const json = (status: number, body: object) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.method === "GET" && request.url === `/tokens/${OLD.token}` && request.headers.authorization === basic) return json(200, { ...OLD, expireAt, scopes: ["GET:company.openapi.com/IT-start"] });
    if (request.method === "PATCH" && request.url === `/tokens/${OLD.token}` && request.headers.authorization === `Bearer ${OLD.refreshToken}`) {
      return json(200, { ...NEW, expireAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(), scopes: ["GET:company.openapi.com/IT-start"] });
    }
    json(401, { success: false, message: "Unauthorized", error: 130, data: null });
  });
  await new Promise<void>((resolve) => openapiServer.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(openapiServer.address() as AddressInfo).port}`;
  const folder = await mkdtemp(join(tmpdir(), "openapi-com-rotation-example-"));
  const vault = join(folder, "vault.json");
  await writeFile(vault, JSON.stringify(OLD));
  const openapi = createOpenapiComClient({ baseUrl, credentials: { email: "you@example.com", apiKey: "example-api-key" } });

  try {
    assert.deepEqual(await freshToken(openapi, vault), { token: OLD.token, rotated: false });
    assert.deepEqual(calls.map((c) => c.call), [`GET /tokens/${OLD.token}`]);

    expireAt = new Date(Date.now() + 24 * 3600_000).toISOString(); // tomorrow: inside the 7-day window
    calls.length = 0;
    assert.deepEqual(await freshToken(openapi, vault), { token: NEW.token, rotated: true });
    assert.deepEqual(calls.map((c) => c.call), [`GET /tokens/${OLD.token}`, `PATCH /tokens/${OLD.token}`]);
    assert.equal(calls[1]!.authorization, `Bearer ${OLD.refreshToken}`, "the rotation sends the refresh token, not Basic");
    assert.deepEqual(JSON.parse(await readFile(vault, "utf8")), NEW);
  } finally {
    openapiServer.close();
    openapiServer.closeAllConnections(); // keep-alive sockets would hold the test process open
    await rm(folder, { recursive: true, force: true });
  }
});
