// The login against a server playing Turnkey on 127.0.0.1: oauth2_authenticate comes back PENDING and is
// polled until COMPLETED, then oauth_login returns the session. Every request's X-Stamp is verified over
// the exact bytes sent, with node:crypto.
import assert from "node:assert/strict";
import { createHash, createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createTurnkeyClient } from "@oauth-kit/turnkey";
import { loginWithOAuth2 } from "../src/login.js";

// @turnkey/api-key-stamper's published test key pair: not a real credential.
const API_PUBLIC_KEY = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
const API_PRIVATE_KEY = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
const SESSION_PUBLIC_KEY = "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d";
const ORG = "7bd1fbec-e9ee-4b33-abd1-137998866665";

/** Whether the X-Stamp (base64url JSON with a DER P-256 signature) signs exactly `body`. */
function stampSigns(header: string, body: string): boolean {
  const stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { publicKey: string; signature: string };
  const spki = Buffer.from(`3039301306072a8648ce3d020106082a8648ce3d030107032200${stamp.publicKey}`, "hex");
  return stamp.publicKey === API_PUBLIC_KEY && verify("sha256", Buffer.from(body), createPublicKey({ key: spki, format: "der", type: "spki" }), Buffer.from(stamp.signature, "hex"));
}

const activity = (status: string, type: string, result: object) => ({
  activity: { id: `${type}-1`, organizationId: ORG, status, type, intent: {}, result, votes: [], fingerprint: "sha256:00", canApprove: false, canReject: false, createdAt: { seconds: "1", nanos: "0" }, updatedAt: { seconds: "1", nanos: "0" } },
});

test("oauth2_authenticate is polled to completion, then oauth_login gives the session", { timeout: 30_000 }, async () => {
  const seen: { path: string; body: any; stamped: boolean }[] = [];
  const turnkeyServer = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    seen.push({ path: request.url!, body: JSON.parse(body), stamped: stampSigns(String(request.headers["x-stamp"]), body) });
    const answer =
      request.url === "/public/v1/submit/oauth2_authenticate"
        ? activity("ACTIVITY_STATUS_PENDING", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", {})
        : request.url === "/public/v1/query/get_activity"
          ? activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: "example.oidc.token" } })
          : activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: "example.session.jwt" } });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => turnkeyServer.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(turnkeyServer.address() as AddressInfo).port}`;

  try {
    const turnkey = createTurnkeyClient({ apiPublicKey: API_PUBLIC_KEY, apiPrivateKey: API_PRIVATE_KEY, organizationId: ORG, baseUrl });
    const { session } = await loginWithOAuth2(
      turnkey,
      { code: "example-code", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", redirectUri: "https://app.example.com/oauth/callback/x" },
      { oauth2CredentialId: "247bf35d-a47b-4aee-a9d0-6a97886107fa", sessionPublicKey: SESSION_PUBLIC_KEY, poll: { pollIntervalMs: 50 } },
    );

    assert.equal(session, "example.session.jwt");
    assert.deepEqual(seen.map((request) => request.path), ["/public/v1/submit/oauth2_authenticate", "/public/v1/query/get_activity", "/public/v1/submit/oauth_login"]);
    assert.ok(seen.every((request) => request.stamped), "every request is stamped over its exact body");
    const { parameters } = seen[0]!.body;
    assert.equal(parameters.authCode, "example-code");
    assert.equal(parameters.nonce, createHash("sha256").update(SESSION_PUBLIC_KEY).digest("hex"));
    assert.deepEqual(seen[2]!.body.parameters, { oidcToken: "example.oidc.token", publicKey: SESSION_PUBLIC_KEY });
  } finally {
    turnkeyServer.close();
    turnkeyServer.closeAllConnections(); // keep-alive sockets would hold the test process open
  }
});
