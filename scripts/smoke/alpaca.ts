// Installed from its tarball: one Broker call with Basic auth against a server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type OAuthClient, createAlpacaClient, unwrap } from "@oauth-kit/alpaca";

const seen: { authorization?: string | undefined; url?: string | undefined } = {};
const server = createServer((req, res) => {
  seen.authorization = req.headers.authorization;
  seen.url = req.url;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ client_id: "abc", name: "Smoke", status: "ACTIVE", redirect_uri: ["http://localhost"], live_trading_approved: false }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const alpaca = createAlpacaClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: { key: "key", secret: "secret" } });
const client: OAuthClient = unwrap(
  await alpaca.GET("/v1/oauth/clients/{client_id}", { params: { path: { client_id: "abc" }, query: { response_type: "code" } } }),
);
server.close();
if (client.name !== "Smoke") throw new Error(`unexpected body ${JSON.stringify(client)}`);
if (seen.authorization !== `Basic ${Buffer.from("key:secret").toString("base64")}`) throw new Error("no Basic header");
if (seen.url !== "/v1/oauth/clients/abc?response_type=code") throw new Error(`unexpected url ${seen.url}`);
console.log("GET /v1/oauth/clients/{client_id} with Basic: ok");
