// Installed from its tarball: a credential session and /auth/me against a server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type OAuthMeResponse, createTradovateClient, createTradovateSession, unwrap } from "@oauth-kit/tradovate";

const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? "-"}`);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify(
      req.url === "/auth/accesstokenrequest"
        ? { accessToken: "smoke-token", expirationTime: new Date(Date.now() + 80 * 60_000).toISOString() }
        : { userId: 1, fullName: "Smoke" },
    ),
  );
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const baseUrl = `http://127.0.0.1:${port}`;

const session = createTradovateSession(createTradovateClient({ baseUrl }), { credentials: { name: "smoke", password: "smoke-password" } });
const me: OAuthMeResponse = unwrap(await createTradovateClient({ baseUrl, tokenSource: session }).GET("/auth/me"));
server.close();
if (me.fullName !== "Smoke") throw new Error(`unexpected body ${JSON.stringify(me)}`);
const expected = ["POST /auth/accesstokenrequest -", "GET /auth/me Bearer smoke-token"];
if (JSON.stringify(seen) !== JSON.stringify(expected)) throw new Error(`unexpected requests ${JSON.stringify(seen)}`);
console.log("accesstokenrequest, then GET /auth/me with the session's bearer: ok");
