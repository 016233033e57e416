// Generated from specs/tradovate.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

export interface paths {
    "/auth/oauthtoken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an OAuth authorization code for an access token
         * @description Exchanges the `code` received on the OAuth redirect for an access token (Tradovate: "Used to exchange
         *     your OAuth code for an access token"). The request fields follow the 2026-08-21 partner spec
         *     (`grant_type` is the only required field; `refresh_token`, `code_verifier`, `resource` and `assertion`
         *     were added after the older docs, which required `grant_type`, `code` and `redirect_uri`). Length limits
         *     come from the NT-Connect reference page.
         *
         *     **Media type conflict:** the official specs declare an `application/json` body, but Tradovate's OAuth
         *     example (`tradovate/example-api-oauth`) posts an `application/x-www-form-urlencoded` form. Both are
         *     described here with the same schema; JSON (the official specs, newest first) is the default.
         *     **Path conflict:** the example posts its form to `/auth/oauthtoken` without `/v1`; the official specs
         *     (followed here) use `/v1/auth/oauthtoken`. No source attests a form at `/v1` or JSON without `/v1`.
         *
         *     **`token_type` is optional** in every source (both official specs and the example, which never reads
         *     it); a response without it is a bearer token.
         *
         *     **Errors may arrive with HTTP 200.** The example checks `token_data.error` on a successful HTTP
         *     response: an OAuth error is returned as a 200 body carrying `error` and `error_description` and no
         *     `access_token`. Always check for `error` before using the token.
         *
         *     **Penalty ticket.** Instead of a token, Tradovate may answer HTTP 200 with `p-ticket`, `p-time` and
         *     optionally `p-captcha`. Wait `p-time` seconds and resend the identical body plus `p-ticket`. With
         *     `p-captcha: true` the request cannot be completed programmatically; wait about one hour.
         *
         *     **Not idempotent:** the authorization code is single-use and a refresh token may rotate, so a request
         *     that may have reached the server must not be retried blindly.
         */
        post: operations["oauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/accesstokenrequest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an access token with user credentials and an API key
         * @description Requests an access token using the user's credentials (`name`, `password`) and API key (`cid`, `sec`),
         *     opening a new session. Fields and types follow the 2026-08-21 partner spec; length limits follow the
         *     older official spec (64 characters, `sec` 8192).
         *
         *     **`cid` type conflict:** the schema types `cid` as a string, while the docs' examples send a number
         *     (`0`, `1234`). This document keeps the schema's string type.
         *
         *     **Token lifetime conflict:** the partner spec's description says tokens last 90 minutes; the newer
         *     access-token-request page (`?explorer=true`) and the auth overview say "Access tokens expire after 80
         *     minutes". Rely on the returned `expirationTime`, and renew with `renewAccessToken` about 15 minutes
         *     before it. Do not call this operation repeatedly: a user may hold at most **2 concurrent sessions**;
         *     opening another closes the oldest, whose token then receives 408/429/5xx responses.
         *
         *     **Errors arrive with HTTP 200** in `errorText`. **Penalty ticket:** Tradovate may answer HTTP 200 with
         *     `p-ticket`, `p-time` and optionally `p-captcha` instead of a token; wait `p-time` seconds and resend the
         *     identical body plus `p-ticket`. With `p-captcha: true` a third-party application cannot continue; wait
         *     about one hour.
         *
         *     The request carries no single-use artifact, so it can be replayed safely (`x-idempotent: true`).
         */
        post: operations["accessTokenRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/renewaccesstoken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Renew the current access token
         * @description Requests a renewal for the access token presented as the bearer credential. It extends the current
         *     session without opening a new one, so a long-running application does not count against the limit of 2
         *     concurrent sessions or disconnect services that share the token. Renew about 15 minutes before
         *     `expirationTime` (token lifetime is documented as both 90 and 80 minutes; trust `expirationTime`).
         *
         *     The response has the same shape as `accessTokenRequest`: errors arrive with HTTP 200 in `errorText`, and a
         *     penalty ticket may be returned in the same way. As a GET without side effects beyond extending the
         *     session, the call is retry-safe.
         */
        get: operations["renewAccessToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the calling user's profile
         * @description Shows basic user data for the user that owns the bearer access token (Tradovate operation `me`; the
         *     OAuth example calls it right after the code exchange to read `fullName`, `userId`, `email`,
         *     `emailVerified` and `isTrial`). Fields follow the 2026-08-21 partner spec. Errors arrive with HTTP 200
         *     in `errorText`.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description OAuth token request (partner spec schema `OAuthToken`). Sent either form-encoded (default, as in
         *     Tradovate's OAuth example) or as JSON (as in the official specs).
         */
        OAuthTokenRequest: {
            /** @description OAuth grant type, e.g. `authorization_code` or `refresh_token`. */
            grant_type: string;
            /** @description Authorization code received on the redirect (single-use). */
            code?: string;
            /** @description Redirect URI used in the authorization request. */
            redirect_uri?: string;
            /** @description OAuth client identifier. */
            client_id?: string;
            /** @description OAuth client secret. */
            client_secret?: string;
            /** @description Listed in the partner spec without further documentation. */
            httpAuth?: string;
            /** @description Refresh token, for the `refresh_token` grant. */
            refresh_token?: string;
            /** @description PKCE code verifier (added in the 2026 partner spec). */
            code_verifier?: string;
            /** @description Target resource indicator (added in the 2026 partner spec). */
            resource?: string;
            /** @description Assertion for assertion-based grants (added in the 2026 partner spec). */
            assertion?: string;
            "p-ticket"?: components["schemas"]["PenaltyTicketValue"];
        };
        /**
         * @description OAuth token response. No field is required: a success carries `access_token` (and usually `expires_in`),
         *     an error carries `error` / `error_description`, and a penalty carries `p-ticket` / `p-time` /
         *     `p-captcha` — all with HTTP 200.
         */
        OAuthTokenResponse: {
            /** @description Bearer access token. */
            access_token?: string;
            /** @description Refresh token, when issued. */
            refresh_token?: string;
            /** @description Token type. */
            token_type?: string;
            /** @description Lifetime of the access token in seconds. */
            expires_in?: number;
            /** @description Lifetime of the refresh token in seconds. */
            refresh_token_expires_in?: number;
            /** @description OAuth error code; present on failure (with HTTP 200). */
            error?: string;
            /** @description Human-readable error description. */
            error_description?: string;
            /** @description OpenID Connect ID token, when issued. */
            id_token?: string;
            "p-ticket"?: components["schemas"]["PenaltyTicketValue"];
            "p-time"?: components["schemas"]["PenaltyTime"];
            "p-captcha"?: components["schemas"]["PenaltyCaptcha"];
        };
        /** @description Credentials and API key for `accessTokenRequest`. */
        AccessTokenRequest: {
            /** @description Tradovate username. */
            name: string;
            /** @description Password (or API-dedicated password). */
            password: string;
            /** @description Application identifier (API key name). */
            appId?: string;
            /** @description Application version. */
            appVersion?: string;
            /** @description Stable identifier of the device or installation. */
            deviceId?: string;
            /**
             * @description API key ID. Typed as a string in the partner spec although the documentation examples send a number
             *     (`0`, `1234`); this document keeps the string type.
             */
            cid?: string;
            /** @description API key secret. */
            sec?: string;
            /** @description Ask Tradovate to check the credentials against known breaches (result in `hibpHint`). */
            hibpCheck?: boolean;
            "p-ticket"?: components["schemas"]["PenaltyTicketValue"];
        };
        /**
         * @description Access-token response of `accessTokenRequest` and `renewAccessToken`. No field is required: a success
         *     carries `accessToken` and `expirationTime`, a failure carries `errorText`, and a penalty carries
         *     `p-ticket` / `p-time` / `p-captcha` — all with HTTP 200.
         */
        AccessTokenResponse: {
            /** @description Error message; present on failure (with HTTP 200). */
            errorText?: string;
            /**
             * @description Breach hint, when `hibpCheck` was requested and the credentials appear in a breach.
             * @enum {string}
             */
            hibpHint?: "EmailAndPasswordCompromised" | "PasswordCompromised";
            /** @description Bearer access token. */
            accessToken?: string;
            /**
             * Format: date-time
             * @description Absolute expiry of `accessToken`; the authoritative lifetime.
             */
            expirationTime?: string;
            /**
             * Format: date-time
             * @description When the user's password expires.
             */
            passwordExpirationTime?: string;
            /**
             * @description Status of the user account.
             * @enum {string}
             */
            userStatus?: "Active" | "Closed" | "Initiated" | "TemporaryLocked" | "UnconfirmedEmail";
            /**
             * Format: int64
             * @description Tradovate user ID.
             */
            userId?: number;
            /** @description Username. */
            name?: string;
            /** @description Whether the user has live trading access. */
            hasLive?: boolean;
            /** @description Whether the user has Sim+. */
            hasSimPlus?: boolean;
            /** @description Whether Key Information Documents must be shown to the user. */
            showKIDs?: boolean;
            "p-ticket"?: components["schemas"]["PenaltyTicketValue"];
            "p-time"?: components["schemas"]["PenaltyTime"];
            "p-captcha"?: components["schemas"]["PenaltyCaptcha"];
        };
        /** @description Basic data about the user owning the access token. Errors arrive with HTTP 200 in `errorText`. */
        OAuthMeResponse: {
            /** @description Error message; present on failure (with HTTP 200). */
            errorText?: string;
            /**
             * Format: int64
             * @description Tradovate user ID.
             */
            userId?: number;
            /** @description Username. */
            name?: string;
            /** @description The user's full name. */
            fullName?: string;
            /** @description The user's email address. */
            email?: string;
            /** @description Whether the email address is verified. */
            emailVerified?: boolean;
            /** @description Whether the user is on a trial. */
            isTrial?: boolean;
            /** @description Organization the user belongs to. */
            organizationName?: string;
            /** @description The user's current account plan. */
            currentAccountPlan?: string;
            /** @description Current market-data subscriptions. */
            currentMDSubs?: string[];
            /**
             * Format: double
             * @description Current balance.
             */
            currentBalance?: number;
            /** @description Active plugins. */
            activePlugins?: string[];
        };
        /**
         * @description Penalty ticket. Returned (with HTTP 200) instead of a token when the request would exceed a rate
         *     threshold; after waiting `p-time` seconds, resend the identical request body with this value added as
         *     `p-ticket`.
         * @example 7c1d5a0e93b84f27a6d2c8e1f0b9a345
         */
        PenaltyTicketValue: string;
        /**
         * @description Seconds to wait before resending the request with `p-ticket`.
         * @example 15
         */
        PenaltyTime: number;
        /**
         * @description When `true`, the penalty requires a captcha that a third-party application cannot solve; stop and wait
         *     about one hour before trying again.
         * @example true
         */
        PenaltyCaptcha: boolean;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    oauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthTokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["OAuthTokenRequest"];
            };
        };
        responses: {
            /**
             * @description Token response. **HTTP 200 does not mean success:** the body may instead carry an OAuth error
             *     (`error`, `error_description`) or a penalty ticket (`p-ticket`, `p-time`, `p-captcha`). All fields
             *     are optional.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthTokenResponse"];
                };
            };
            /**
             * @description The request was formatted incorrectly. Tradovate documents no response body for this status
             *     (OAuth grant errors are normally returned in a 200 body, see above).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description The client is not permitted to make this request. Tradovate documents no response body for this
             *     status.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Pre-lockout warning: a 423 precedes a 429, meaning the client is about to be locked out of the API.
             *     Stop sending authentication requests. Tradovate documents no response body for this status.
             */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Rate limit exceeded (authentication is limited to 10 requests per minute). The response has **no
             *     body** (`Content-Length: 0`) and carries no penalty ticket; it cannot be resolved programmatically —
             *     wait about one hour before sending another request.
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    accessTokenRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessTokenRequest"];
            };
        };
        responses: {
            /**
             * @description Access-token response. **HTTP 200 does not mean success:** the body may instead carry `errorText`
             *     or a penalty ticket (`p-ticket`, `p-time`, `p-captcha`).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenResponse"];
                };
            };
            /** @description The request was formatted incorrectly. Tradovate documents no response body for this status. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Not permitted. Tradovate documents no response body for this status (credential errors normally
             *     arrive as `errorText` in a 200 body).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Pre-lockout warning: a 423 precedes a 429, meaning the client is about to be locked out of the API.
             *     Stop sending login requests. Tradovate documents no response body for this status.
             */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Rate limit exceeded (authentication is limited to 10 requests per minute). The response has **no
             *     body** (`Content-Length: 0`) and carries no penalty ticket; wait about one hour before sending
             *     another request.
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    renewAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Renewed token. **HTTP 200 does not mean success:** check `errorText` and the penalty-ticket fields. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenResponse"];
                };
            };
            /**
             * @description The bearer token is missing, invalid or expired. Tradovate documents no response body for this
             *     status; obtain a new token with `accessTokenRequest` or `oauthToken`.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Pre-lockout warning: a 423 precedes a 429, meaning the client is about to be locked out of the API.
             *     Tradovate documents no response body for this status.
             */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Rate limit exceeded. The response has **no body** (`Content-Length: 0`); wait about one hour before
             *     sending another request.
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling user's profile. **HTTP 200 does not mean success:** check `errorText`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthMeResponse"];
                };
            };
            /**
             * @description The bearer token is missing, invalid or expired. Tradovate documents no response body for this
             *     status.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Pre-lockout warning: a 423 precedes a 429, meaning the client is about to be locked out of the API.
             *     Tradovate documents no response body for this status.
             */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Rate limit exceeded. The response has **no body** (`Content-Length: 0`); wait about one hour before
             *     sending another request.
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
