import { type TokenSet, tokenFromResult } from "@oauth-kit/auth";
import type { AlpacaClient } from "./client.js";

/**
 * A broker access token from authx (client_credentials, client_secret_post: the secret goes in the form
 * body, never in a Basic header). Tokens last 15 minutes; `expiresAt` is computed from local receipt
 * time. There is no single-use artifact here, but the POST is still retried only when nothing was sent.
 */
export async function issueClientCredentialsToken(
  client: AlpacaClient,
  credentials: { clientId: string; clientSecret: string },
): Promise<TokenSet> {
  const result = await client.POST("/v1/oauth2/token", {
    body: { grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret },
  });
  return tokenFromResult(result);
}
