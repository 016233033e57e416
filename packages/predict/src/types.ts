// Readable names for the schema types generated from specs/predict.yaml.
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

/** Every error body Predict sends: `{ success: false, code, error, message, timestamp, trace? }`. */
export type PredictErrorResponse = Schemas["ErrorResponse"];
/** The machine-readable `error` of an error body, e.g. `unauthorized` or `create_order_expiry_too_soon`. */
export type PredictErrorCode = Schemas["ErrorCode"];

export type AuthMessageResponse = Schemas["AuthMessageResponse"];
export type AuthRequest = Schemas["AuthRequest"];
export type AuthTokenResponse = Schemas["AuthTokenResponse"];

export type OAuthFinalizeRequest = Schemas["OAuthFinalizeRequest"];
export type OAuthFinalizeData = Schemas["OAuthFinalizeData"];
export type OAuthFinalizeResponse = Schemas["OAuthFinalizeResponse"];
export type OAuthOrdersRequest = Schemas["OAuthOrdersRequest"];
export type OAuthOrdersData = Schemas["OAuthOrdersData"];
export type OAuthOrdersResponse = Schemas["OAuthOrdersResponse"];
export type OAuthCreateOrderRequest = Schemas["OAuthCreateOrderRequest"];
export type OAuthCreateOrderData = Schemas["OAuthCreateOrderData"];
export type OAuthCreateOrderResponse = Schemas["OAuthCreateOrderResponse"];
export type CreateOrderResult = Schemas["CreateOrderResult"];
export type OAuthCancelOrdersRequest = Schemas["OAuthCancelOrdersRequest"];
export type OAuthCancelOrdersData = Schemas["OAuthCancelOrdersData"];
export type OAuthCancelOrdersResponse = Schemas["OAuthCancelOrdersResponse"];
export type OAuthPositionsRequest = Schemas["OAuthPositionsRequest"];
export type OAuthPositionsData = Schemas["OAuthPositionsData"];
export type OAuthPositionsResponse = Schemas["OAuthPositionsResponse"];

export type ContractOrder = Schemas["ContractOrder"];
export type OrderData = Schemas["OrderData"];
export type OrderStrategy = Schemas["OrderStrategy"];
export type OrderStatus = Schemas["OrderStatus"];
export type OrderStatusFilter = Schemas["OrderStatusFilter"];
export type SelfTradePreventionStrategy = Schemas["SelfTradePreventionStrategy"];
export type ReservedBalancePolicy = Schemas["ReservedBalancePolicy"];
export type PositionData = Schemas["PositionData"];
export type Market = Schemas["Market"];
export type Outcome = Schemas["Outcome"];
