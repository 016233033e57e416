// Readable names for the schema types generated from specs/openapi-com.yaml.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

/** `{ success: false, message, error: <provider code>, data: null }`, the body of every documented error. */
export type ErrorResponse = Schemas["ErrorResponse"];

export type TokenCreate = Schemas["TokenCreate"];
export type TokenUpdate = Schemas["TokenUpdate"];
/** A token with its scopes, limits, usage and refresh token. `token` is itself the Bearer credential. */
export type TokenDetail = Schemas["TokenDetail"];
export type TokenLimits = Schemas["TokenLimits"];
export type TokenStats = Schemas["TokenStats"];
/** "List or token detail": `data` is an array of tokens or one token. */
export type TokenListOrDetailResponse = Schemas["TokenListOrDetailResponse"];
export type DeleteTokenResponse = Schemas["DeleteTokenResponse"];

export type UserScope = Schemas["UserScope"];
export type ScopeDetail = Schemas["ScopeDetail"];
export type ScopeFreeLimits = Schemas["ScopeFreeLimits"];
/** A request limit, or `false` for none. */
export type LimitOrFalse = Schemas["LimitOrFalse"];
export type ScopeListResponse = Schemas["ScopeListResponse"];
export type ScopeDetailResponse = Schemas["ScopeDetailResponse"];

export type Wallet = Schemas["Wallet"];
export type WalletResponse = Schemas["WalletResponse"];
export type WalletTransaction = Schemas["WalletTransaction"];
export type WalletTransactionListResponse = Schemas["WalletTransactionListResponse"];

export type Stats = Schemas["Stats"];
export type ApiStats = Schemas["ApiStats"];
export type ApiDetailStats = Schemas["ApiDetailStats"];
export type ScopeStats = Schemas["ScopeStats"];
export type StatsResponse = Schemas["StatsResponse"];
export type StatsIpsResponse = Schemas["StatsIpsResponse"];
export type StatsApisResponse = Schemas["StatsApisResponse"];
export type StatsApiResponse = Schemas["StatsApiResponse"];

export type ErrorLog = Schemas["ErrorLog"];
export type ErrorLogListResponse = Schemas["ErrorLogListResponse"];

/** A callback as listed; `httpResponseCode` is a string here and an integer in `Callback`. */
export type CallbackListElement = Schemas["CallbackListElement"];
export type Callback = Schemas["Callback"];
export type CallbackListOrDetailResponse = Schemas["CallbackListOrDetailResponse"];
export type CallbackResponse = Schemas["CallbackResponse"];

/** A subscription as listed; request counts are numeric strings such as `"950"`. */
export type SubscriptionListElement = Schemas["SubscriptionListElement"];
export type Subscription = Schemas["Subscription"];
export type SubscriptionListOrDetailResponse = Schemas["SubscriptionListOrDetailResponse"];
export type SubscriptionResponse = Schemas["SubscriptionResponse"];
