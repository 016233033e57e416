// Readable names for the schema types generated from specs/tradovate.yaml.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

/** The `/auth/oauthtoken` body, form-encoded or JSON. */
export type OAuthTokenRequest = Schemas["OAuthTokenRequest"];
/** A token, an OAuth error (`error`, with HTTP 200) or a penalty ticket: all fields optional. */
export type OAuthTokenResponse = Schemas["OAuthTokenResponse"];
export type AccessTokenRequest = Schemas["AccessTokenRequest"];
/** A token, an `errorText` (with HTTP 200) or a penalty ticket: all fields optional. */
export type AccessTokenResponse = Schemas["AccessTokenResponse"];
/** The `/auth/me` profile, or an `errorText` (with HTTP 200). */
export type OAuthMeResponse = Schemas["OAuthMeResponse"];
