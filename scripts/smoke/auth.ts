// Installed from its tarball: the flow helpers and a client built from hand-written metadata.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiMetadata, apiKey, computeCodeChallenge, createProviderClient, unwrap } from "@oauth-kit/auth";
// The same classes through another entry point: the built entries share their code (one class identity).
import { ApiError, OAuthKitError } from "@oauth-kit/auth/errors";

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
let requests = 0;
const server = createServer((req, res) => {
  key = req.headers["x-api-key"] as string | undefined;
  // The first call succeeds, the next is refused: an ApiError thrown by the "." entry's unwrap().
  requests++;
  res.writeHead(requests === 1 ? 200 : 404, { "content-type": "application/json" });
  res.end(requests === 1 ? '{"pong":true}' : '{"error":"not_found"}');
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const client = createProviderClient<Paths>({ metadata, baseUrl: `http://127.0.0.1:${port}`, credentials: { Key: apiKey("k-123456") } });
const body = unwrap(await client.GET("/ping"));
let thrown: unknown;
try {
  unwrap(await client.GET("/ping"));
} catch (error) {
  thrown = error;
}
server.close();
if (body.pong !== true || key !== "k-123456") throw new Error("ping failed");
if (!(thrown instanceof ApiError) || !(thrown instanceof OAuthKitError)) {
  throw new Error(`an error from "@oauth-kit/auth" is not an ApiError of "@oauth-kit/auth/errors": ${String(thrown)}`);
}
console.log("PKCE vector, an api-key call, and its 404 an ApiError of the ./errors entry: ok");
