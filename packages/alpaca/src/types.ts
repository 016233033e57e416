// Readable names for the schema types generated from specs/alpaca.yaml.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

export type OAuthClient = Schemas["OAuthClient"];
export type OAuthScope = Schemas["OAuthScope"];
export type OAuthTokenRequest = Schemas["OAuthTokenRequest"];
export type IssueOAuthTokenResponse = Schemas["IssueOAuthTokenResponse"];
export type AuthorizeOAuthTokenResponse = Schemas["AuthorizeOAuthTokenResponse"];
export type ConnectTokenRequest = Schemas["ConnectTokenRequest"];
export type ConnectTokenResponse = Schemas["ConnectTokenResponse"];
export type OAuthErrorResponse = Schemas["OAuthErrorResponse"];
export type ClientCredentialsTokenRequest = Schemas["ClientCredentialsTokenRequest"];
export type ClientCredentialsTokenResponse = Schemas["ClientCredentialsTokenResponse"];
export type ClientCredentialsErrorCode = Schemas["ClientCredentialsErrorCode"];
export type ClientCredentialsErrorResponse = Schemas["ClientCredentialsErrorResponse"];
/** Alpaca's Broker API error bodies are plain strings, e.g. "Client does not exist or you do not have access to the client." */
export type PlainTextError = Schemas["PlainTextError"];
