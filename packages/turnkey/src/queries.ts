import { InvalidResponseError, unwrap } from "@oauth-kit/auth";
import { fetchActivity } from "./activity.js";
import type { TurnkeyClient } from "./client.js";
import type { Activity, Oauth2Credential, OauthProvider } from "./types.js";

// The read-only queries. They are retried by the transport (429, 5xx, timeouts) because the spec marks
// them `x-idempotent`, and throw ApiError for an error status. `organizationId` defaults to the client's.

/** `body[name]`, which the spec requires: an object, or an array when `list`. */
function member<T>(body: unknown, name: string, list: boolean): T {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (list ? !Array.isArray(value) : typeof value !== "object" || value === null) {
    throw new InvalidResponseError(`Turnkey response has no ${name} ${list ? "array" : "object"}`);
  }
  return value as T;
}

export interface QueryOptions {
  signal?: AbortSignal | undefined;
}

/** An activity in its current state, whatever that is (no polling; see waitForActivity for that). */
export function getActivity(
  client: TurnkeyClient,
  query: { activityId: string; organizationId?: string | undefined },
  options: QueryOptions = {},
): Promise<Activity> {
  return fetchActivity(client, { activityId: query.activityId, organizationId: query.organizationId ?? client.organizationId }, options.signal);
}

/** One OAuth 2.0 credential. */
export async function getOauth2Credential(
  client: TurnkeyClient,
  query: { oauth2CredentialId: string; organizationId?: string | undefined },
  options: QueryOptions = {},
): Promise<Oauth2Credential> {
  const body = { oauth2CredentialId: query.oauth2CredentialId, organizationId: query.organizationId ?? client.organizationId };
  const data = unwrap(await client.POST("/public/v1/query/get_oauth2_credential", { body, signal: options.signal }));
  return member(data, "oauth2Credential", false);
}

/** Every OAuth 2.0 credential of the organization. */
export async function listOauth2Credentials(
  client: TurnkeyClient,
  query: { organizationId?: string | undefined } = {},
  options: QueryOptions = {},
): Promise<Oauth2Credential[]> {
  const body = { organizationId: query.organizationId ?? client.organizationId };
  const data = unwrap(await client.POST("/public/v1/query/list_oauth2_credentials", { body, signal: options.signal }));
  return member(data, "oauth2Credentials", true);
}

/** The OIDC identities linked to `userId`, or to the organization's users when it is left out. */
export async function getOauthProviders(
  client: TurnkeyClient,
  query: { userId?: string | undefined; organizationId?: string | undefined } = {},
  options: QueryOptions = {},
): Promise<OauthProvider[]> {
  const body = {
    organizationId: query.organizationId ?? client.organizationId,
    ...(query.userId === undefined ? {} : { userId: query.userId }),
  };
  const data = unwrap(await client.POST("/public/v1/query/get_oauth_providers", { body, signal: options.signal }));
  return member(data, "oauthProviders", true);
}
