// Installed from its tarball: the flow helpers and a client built from hand-written metadata.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiMetadata, apiKey, computeCodeChallenge, createProviderClient, unwrap } from "@oauth-kit/auth";

const challenge = await computeCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
if (challenge !== "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM") throw new Error("RFC 7636 vector failed");

const metadata = {
  spec: "inline",
  servers: { production: "https://api.example.org" },
  securitySchemes: { Key: { type: "apiKey", in: "header", name: "x-api-key" } },
  operations: {
    "GET /ping": { operationId: "ping", method: "GET", path: "/ping", servers: null, security: [["Key"]], requestMediaTypes: [], responses: { "200": ["application/json"] }, retrySafe: true },
  },
} as const satisfies ApiMetadata;
interface Paths {
  "/ping": { get: { responses: { 200: { content: { "application/json": { pong: boolean } } } } } };
}

let key: string | undefined;
const server = createServer((req, res) => {
  key = req.headers["x-api-key"] as string | undefined;
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"pong":true}');
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const client = createProviderClient<Paths>({ metadata, baseUrl: `http://127.0.0.1:${port}`, credentials: { Key: apiKey("k-123456") } });
const body = unwrap(await client.GET("/ping"));
server.close();
if (body.pong !== true || key !== "k-123456") throw new Error("ping failed");
console.log("PKCE vector and an api-key call: ok");
