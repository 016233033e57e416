// packages/turnkey/README.md quick start: oauth2_authenticate (pending, then polled) → oauth_login.
// The API key pair is @turnkey/api-key-stamper's published test fixture, not a real credential.
import { createHash } from "node:crypto";

const ORG = "7bd1fbec-e9ee-4b33-abd1-137998866665";
const SESSION_PUBLIC_KEY = "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d";
const OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6ImY0NjgzNWJjIn0.c2lnbmF0dXJl";

export const env = {
  TURNKEY_API_PUBLIC_KEY: "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316",
  TURNKEY_API_PRIVATE_KEY: "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c",
  TURNKEY_ORGANIZATION_ID: ORG,
};

export const globals = () => ({ code: "readme-code", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", sessionPublicKey: SESSION_PUBLIC_KEY });

const activity = (status, type, result) => ({
  activity: {
    id: `${type}-id`, organizationId: ORG, status, type, intent: {}, result, votes: [], fingerprint: "sha256:00",
    canApprove: false, canReject: false, createdAt: { seconds: "1", nanos: "0" }, updatedAt: { seconds: "1", nanos: "0" },
  },
});
const unstamped = { status: 401, body: { code: 16, message: "no stamp", details: [] } };
const stamped = (request) => typeof request.headers["x-stamp"] === "string" && request.originalOrigin === "https://api.turnkey.com";

export const routes = {
  "POST /public/v1/submit/oauth2_authenticate": (request) => {
    const { parameters } = request.json();
    const nonce = createHash("sha256").update(SESSION_PUBLIC_KEY).digest("hex");
    if (!stamped(request) || parameters.authCode !== "readme-code" || parameters.nonce !== nonce) return unstamped;
    return { body: activity("ACTIVITY_STATUS_PENDING", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", {}) };
  },
  "POST /public/v1/query/get_activity": (request) =>
    stamped(request)
      ? { body: activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } }) }
      : unstamped,
  "POST /public/v1/submit/oauth_login": (request) =>
    stamped(request) && request.json().parameters.oidcToken === OIDC_TOKEN
      ? { body: activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: "eyJhbGciOiJFUzI1NiJ9.e30.c2Vzc2lvbg" } }) }
      : unstamped,
};
