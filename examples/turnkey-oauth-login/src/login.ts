// Turnkey OAuth 2.0 login, after your app got the provider's callback: Turnkey exchanges the code with the
// client secret stored in your OAuth 2.0 credential (oauth2_authenticate), returning an OIDC token bound to
// the session key by its nonce; oauth_login turns that token into a session. Both are activities: each call
// submits it, signed with X-Stamp, and polls get_activity until Turnkey has finished.
import { type PollOptions, type TurnkeyClient, oauth2Authenticate, oauthLogin, oauthNonce } from "@oauth-kit/turnkey";

export interface OAuthCallbackResult {
  /** The authorization code the provider sent to your redirect URI. */
  code: string;
  /** The PKCE verifier you kept for this login (startOauth2Authorization stores it for you). */
  codeVerifier: string;
  redirectUri: string;
}

export async function loginWithOAuth2(
  turnkey: TurnkeyClient,
  callback: OAuthCallbackResult,
  options: { oauth2CredentialId: string; sessionPublicKey: string; poll?: PollOptions },
): Promise<{ session: string }> {
  const { oidcToken } = await oauth2Authenticate(
    turnkey,
    {
      oauth2CredentialId: options.oauth2CredentialId,
      authCode: callback.code,
      redirectUri: callback.redirectUri,
      codeVerifier: callback.codeVerifier,
      nonce: await oauthNonce(options.sessionPublicKey), // binds the OIDC token to this session key
    },
    options.poll,
  );
  const { session } = await oauthLogin(turnkey, { oidcToken, publicKey: options.sessionPublicKey }, options.poll);
  return { session };
}
