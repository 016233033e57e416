// Names of fields, parameters and headers whose values are secrets, wherever they appear: a request's
// query string, form or JSON body, or a server's echo of them.

/** Field names (as a regular-expression alternation, matched case-insensitively) whose values are secret. */
export const SECRET_FIELD_NAMES =
  "access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|code|password|sec|secret|" +
  "accessToken|refreshToken|mdAccessToken|authCode|codeVerifier|clientSecret|apiPrivateKey|privateKey|token|assertion|" +
  "signature|p-ticket|credentialBundle|oidcToken|session|encryptedClientSecret|apiKey|api_key|key|" +
  // Any other name that says what it holds: encryptedBearerToken, webhook_secret, adminPassword...
  "\\w*(?:Token|_token|Secret|_secret|PrivateKey|_private_key|Password|_password)";

const SECRET_FIELD = new RegExp(`^(?:${SECRET_FIELD_NAMES})$`, "i");

/** Whether a query, form or JSON field of this name holds a secret. */
export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** Header names whose values are credentials; they are never copied into an error. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "x-stamp",
  "x-stamp-webauthn",
  "apca-api-key-id",
  "apca-api-secret-key",
  "cookie",
  "set-cookie",
]);
