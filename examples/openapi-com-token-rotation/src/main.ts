// Rotates the token in the vault file if it expires within 7 days, and says what it did:
//   OPENAPI_EMAIL, OPENAPI_API_KEY   your openapi.com account (Basic credentials, to read the token's expiry)
//   OPENAPI_VAULT_FILE   a JSON file { "token", "refreshToken" }, default ./openapi-token.json
//   OPENAPI_ENVIRONMENT  "sandbox" (default) or "production"
//   OPENAPI_BASE_URL     optional: another host (a mock server)
import { createOpenapiComClient } from "@oauth-kit/openapi-com";
import { freshToken } from "./rotation.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const openapi = createOpenapiComClient({
  ...(process.env.OPENAPI_BASE_URL
    ? { baseUrl: process.env.OPENAPI_BASE_URL }
    : { environment: process.env.OPENAPI_ENVIRONMENT === "production" ? "production" : "sandbox" }),
  credentials: { email: env("OPENAPI_EMAIL"), apiKey: env("OPENAPI_API_KEY") },
});
const { rotated } = await freshToken(openapi, process.env.OPENAPI_VAULT_FILE ?? "openapi-token.json");
console.log(rotated ? "rotated: the vault holds the new token and refresh token" : "the token is good for more than 7 days: nothing to do");
