// Runs one login from the environment (the callback values usually come from your web route):
//   TURNKEY_API_PUBLIC_KEY, TURNKEY_API_PRIVATE_KEY, TURNKEY_ORGANIZATION_ID   your API key and organization
//   TURNKEY_OAUTH2_CREDENTIAL_ID   the OAuth 2.0 credential holding the provider's client secret
//   OAUTH_CODE, OAUTH_CODE_VERIFIER, OAUTH_REDIRECT_URI, SESSION_PUBLIC_KEY
//   TURNKEY_BASE_URL   optional: another host (a mock server)
import { createTurnkeyClient } from "@oauth-kit/turnkey";
import { loginWithOAuth2 } from "./login.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const turnkey = createTurnkeyClient({
  apiPublicKey: env("TURNKEY_API_PUBLIC_KEY"),
  apiPrivateKey: env("TURNKEY_API_PRIVATE_KEY"),
  organizationId: env("TURNKEY_ORGANIZATION_ID"),
  ...(process.env.TURNKEY_BASE_URL ? { baseUrl: process.env.TURNKEY_BASE_URL } : {}),
});
const { session } = await loginWithOAuth2(
  turnkey,
  { code: env("OAUTH_CODE"), codeVerifier: env("OAUTH_CODE_VERIFIER"), redirectUri: env("OAUTH_REDIRECT_URI") },
  { oauth2CredentialId: env("TURNKEY_OAUTH2_CREDENTIAL_ID"), sessionPublicKey: env("SESSION_PUBLIC_KEY") },
);
console.log(`logged in: a session of ${session.length} characters (not printed: it is a credential)`);
