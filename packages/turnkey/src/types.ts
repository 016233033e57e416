// Readable names for the schema types generated from specs/turnkey.yaml.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

export type Activity = Schemas["Activity"];
export type ActivityStatus = Schemas["ActivityStatus"];
export type ActivityResponse = Schemas["ActivityResponse"];
export type ActivityIntent = Schemas["ActivityIntent"];
export type ActivityResult = Schemas["ActivityResult"];
/** gRPC-style error body (`rpcStatus`): every error response, and `activity.failure`. */
export type Status = Schemas["Status"];
export type Timestamp = Schemas["Timestamp"];
export type Vote = Schemas["Vote"];
export type AppProof = Schemas["AppProof"];

export type Oauth2Provider = Schemas["Oauth2Provider"];
export type Oauth2Credential = Schemas["Oauth2Credential"];
export type CreateOauth2CredentialIntent = Schemas["CreateOauth2CredentialIntent"];
export type CreateOauth2CredentialResult = Schemas["CreateOauth2CredentialResult"];
export type UpdateOauth2CredentialIntent = Schemas["UpdateOauth2CredentialIntent"];
export type UpdateOauth2CredentialResult = Schemas["UpdateOauth2CredentialResult"];
export type DeleteOauth2CredentialIntent = Schemas["DeleteOauth2CredentialIntent"];
export type DeleteOauth2CredentialResult = Schemas["DeleteOauth2CredentialResult"];

export type Oauth2AuthenticateIntent = Schemas["Oauth2AuthenticateIntent"];
export type Oauth2AuthenticateResult = Schemas["Oauth2AuthenticateResult"];
export type OauthIntent = Schemas["OauthIntent"];
export type OauthResult = Schemas["OauthResult"];
export type OauthLoginIntent = Schemas["OauthLoginIntent"];
export type OauthLoginResult = Schemas["OauthLoginResult"];

export type OidcClaims = Schemas["OidcClaims"];
export type OauthProvider = Schemas["OauthProvider"];
export type OauthProviderParamsV2 = Schemas["OauthProviderParamsV2"];
export type CreateOauthProvidersIntentV2 = Schemas["CreateOauthProvidersIntentV2"];
export type CreateOauthProvidersResultV2 = Schemas["CreateOauthProvidersResultV2"];
export type DeleteOauthProvidersIntent = Schemas["DeleteOauthProvidersIntent"];
export type DeleteOauthProvidersResult = Schemas["DeleteOauthProvidersResult"];

export type Oauth2AuthenticateRequest = Schemas["Oauth2AuthenticateRequest"];
export type CreateOauth2CredentialRequest = Schemas["CreateOauth2CredentialRequest"];
export type UpdateOauth2CredentialRequest = Schemas["UpdateOauth2CredentialRequest"];
export type DeleteOauth2CredentialRequest = Schemas["DeleteOauth2CredentialRequest"];
export type OauthRequest = Schemas["OauthRequest"];
export type OauthLoginRequest = Schemas["OauthLoginRequest"];
export type CreateOauthProvidersRequest = Schemas["CreateOauthProvidersRequest"];
export type DeleteOauthProvidersRequest = Schemas["DeleteOauthProvidersRequest"];
export type GetActivityRequest = Schemas["GetActivityRequest"];
export type GetOauth2CredentialRequest = Schemas["GetOauth2CredentialRequest"];
export type GetOauth2CredentialResponse = Schemas["GetOauth2CredentialResponse"];
export type ListOauth2CredentialsRequest = Schemas["ListOauth2CredentialsRequest"];
export type ListOauth2CredentialsResponse = Schemas["ListOauth2CredentialsResponse"];
export type GetOauthProvidersRequest = Schemas["GetOauthProvidersRequest"];
export type GetOauthProvidersResponse = Schemas["GetOauthProvidersResponse"];
