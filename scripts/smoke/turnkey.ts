// Pack smoke consumer for @oauth-kit/turnkey, to live at scripts/smoke/turnkey.ts (scripts/pack-smoke.mjs
// runs it from the installed tarball). oauth2Authenticate against a server on 127.0.0.1 that answers
// PENDING, then COMPLETED on get_activity, and checks every X-Stamp with node:crypto over the raw body.
import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTurnkeyClient, oauth2Authenticate, oauthNonce } from "@oauth-kit/turnkey";

const API_PUBLIC_KEY = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
const API_PRIVATE_KEY = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
const SPKI_P256_COMPRESSED = "3039301306072a8648ce3d020106082a8648ce3d030107032200";

function stampVerifies(header: string | string[] | undefined, body: string): boolean {
  if (typeof header !== "string") return false;
  const stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { publicKey: string; signature: string };
  const key = createPublicKey({ key: Buffer.from(SPKI_P256_COMPRESSED + stamp.publicKey, "hex"), format: "der", type: "spki" });
  return stamp.publicKey === API_PUBLIC_KEY && verify("sha256", Buffer.from(body, "utf8"), key, Buffer.from(stamp.signature, "hex"));
}

const activity = (status: string) => ({
  activity: {
    id: "a-1",
    organizationId: "org-1",
    status,
    type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
    intent: {},
    result: status === "ACTIVITY_STATUS_COMPLETED" ? { oauth2AuthenticateResult: { oidcToken: "oidc-token" } } : {},
    votes: [],
    fingerprint: "sha256:00",
    canApprove: false,
    canReject: false,
    createdAt: { seconds: "1", nanos: "0" },
    updatedAt: { seconds: "1", nanos: "0" },
  },
});

const seen: string[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    seen.push(`${req.url} ${stampVerifies(req.headers["x-stamp"], body) ? "stamped" : "BAD STAMP"}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(activity(req.url === "/public/v1/query/get_activity" ? "ACTIVITY_STATUS_COMPLETED" : "ACTIVITY_STATUS_PENDING")));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const turnkey = createTurnkeyClient({
  apiPublicKey: API_PUBLIC_KEY,
  apiPrivateKey: API_PRIVATE_KEY,
  organizationId: "org-1",
  baseUrl: `http://127.0.0.1:${port}`,
});
const { oidcToken } = await oauth2Authenticate(
  turnkey,
  {
    oauth2CredentialId: "c-1",
    authCode: "code",
    redirectUri: "https://app.example.com/cb",
    codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    nonce: await oauthNonce("0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d"),
  },
  { pollIntervalMs: 10 },
);
server.close();
const expected = ["/public/v1/submit/oauth2_authenticate stamped", "/public/v1/query/get_activity stamped"];
if (oidcToken !== "oidc-token") throw new Error(`unexpected oidcToken ${oidcToken}`);
if (JSON.stringify(seen) !== JSON.stringify(expected)) throw new Error(`unexpected requests ${JSON.stringify(seen)}`);
console.log("oauth2_authenticate, polled once, X-Stamp verified over the sent bytes: ok");
