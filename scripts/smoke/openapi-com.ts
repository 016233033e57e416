// Installed from its tarball: Basic on an ordinary call, the refresh token alone on a rotation, against 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type TokenDetail, buildScope, createOpenapiComClient, rotateToken, unwrap } from "@oauth-kit/openapi-com";

const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(req.method === "PATCH" ? { token: "new-token-123", refreshToken: "new-refresh-456" } : { token: "old-token-123", refreshToken: "old-refresh-456" }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const openapi = createOpenapiComClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: { email: "a@example.com", apiKey: "key" } });
const detail: TokenDetail = unwrap(await openapi.GET("/tokens/{token}", { params: { path: { token: "old-token-123" } } }));
let stored = "";
const rotated = await rotateToken(openapi, { token: detail.token!, refreshToken: detail.refreshToken!, persist: ({ token }) => void (stored = token) });
server.close();
if (rotated.token !== "new-token-123" || stored !== "new-token-123") throw new Error(`unexpected rotation ${JSON.stringify(rotated)}`);
if (seen[0] !== `GET /tokens/old-token-123 Basic ${Buffer.from("a@example.com:key").toString("base64")}`) throw new Error(`no Basic: ${seen[0]}`);
if (seen[1] !== "PATCH /tokens/old-token-123 Bearer old-refresh-456") throw new Error(`rotation not Bearer-only: ${seen[1]}`);
if (buildScope({ method: "GET", host: "company.openapi.com", path: "/IT-start" }) !== "GET:company.openapi.com/IT-start") throw new Error("scope");
console.log("GET with Basic, rotation with the refresh token alone: ok");
