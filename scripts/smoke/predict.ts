// Installed from its tarball: a wallet-signed finalize with the API key against a server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type PredictWallet, createPredictClient, finalizeConnection } from "@oauth-kit/predict";

const seen: { apiKey?: string | string[] | undefined; url?: string | undefined; body?: string } = {};
const server = createServer((req, res) => {
  seen.apiKey = req.headers["x-api-key"];
  seen.url = req.url;
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    seen.body = body;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ success: true, data: { token: "connection-token" } }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const wallet: PredictWallet = {
  signer: "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
  account: "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
  sign: async (data) => `0xsig-${data.timestamp}`,
};
const predict = createPredictClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "smoke-api-key" });
const token = await finalizeConnection(predict, wallet, { clientId: "app", authCode: "code" });
server.close();
const sent = JSON.parse(seen.body ?? "{}") as { signature?: string; data?: { timestamp?: number; authCode?: string } };
if (token !== "connection-token") throw new Error(`unexpected token ${token}`);
if (seen.apiKey !== "smoke-api-key") throw new Error("no x-api-key header");
if (seen.url !== "/v1/oauth/finalize") throw new Error(`unexpected url ${seen.url}`);
if (!Number.isInteger(sent.data?.timestamp) || sent.signature !== `0xsig-${sent.data?.timestamp}`) throw new Error("bad envelope");
console.log("POST /v1/oauth/finalize, signed envelope with x-api-key: ok");
