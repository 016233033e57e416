// Against a server playing Predict on 127.0.0.1 that checks every login signature with ethers: the first
// call logs in; when Predict later rejects that JWT (401), the client logs in again and replays the call once.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { Wallet, verifyMessage } from "ethers";
import { openOrders, openPredict } from "../src/predict.js";

// A throwaway key made for this test; it holds nothing.
const wallet = new Wallet("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
const API_KEY = "example-api-key";

test("logs in with a signed message, and logs in again when the JWT is rejected", { timeout: 30_000 }, async () => {
  const calls: string[] = [];
  let logins = 0;
  let revoked = "";
  const predictServer = createServer(async (request, response) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    calls.push(`${request.method} ${request.url}`);
    const json = (status: number, body: object) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const denied = { success: false, code: 401, error: "unauthorized", message: "Unauthorized", timestamp: 0 };
    if (request.headers["x-api-key"] !== API_KEY) return json(401, denied);
    if (request.url === "/v1/auth/message") return json(200, { success: true, data: { message: `Sign in to predict.fun: nonce ${logins + 1}` } });
    if (request.url === "/v1/auth") {
      const { signer, signature, message } = JSON.parse(raw);
      if (verifyMessage(message, signature) !== signer || signer !== wallet.address) return json(401, denied);
      return json(200, { success: true, data: { token: `jwt-${++logins}` } });
    }
    const bearer = request.headers.authorization ?? "";
    if (request.url === "/v1/oauth/orders" && /^Bearer jwt-\d+$/.test(bearer) && bearer !== `Bearer ${revoked}`) {
      return json(200, { success: true, data: [{ id: "88214593", status: "OPEN", amountFilled: "0" }] });
    }
    json(401, denied);
  });
  await new Promise<void>((resolve) => predictServer.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(predictServer.address() as AddressInfo).port}`;
  const connection = { apiKey: API_KEY, wallet, account: wallet.address, baseUrl };
  const predict = openPredict(connection);

  try {
    assert.equal((await openOrders(predict, connection)).length, 1);
    assert.deepEqual(calls, ["GET /v1/auth/message", "POST /v1/auth", "POST /v1/oauth/orders"]);

    revoked = "jwt-1"; // Predict stops accepting the first JWT
    calls.length = 0;
    assert.equal((await openOrders(predict, connection)).length, 1);
    assert.deepEqual(calls, ["POST /v1/oauth/orders", "GET /v1/auth/message", "POST /v1/auth", "POST /v1/oauth/orders"]);
    assert.equal(logins, 2);
  } finally {
    predictServer.close();
    predictServer.closeAllConnections(); // keep-alive sockets would hold the test process open
  }
});
