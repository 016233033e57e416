// Generated from specs/openapi-com.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

export interface paths {
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description Lists the account's tokens, paginated with `skip` / `limit`. The official OAS names the response
         *     "List or token detail": `data` is normally an array of `TokenDetail`, but may be a single `TokenDetail`
         *     object, so both shapes are accepted.
         *
         *     The OAS documents the same 404 (code 120) and 422 (code 60) errors as for `GET /tokens/{token}`.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a token
         * @description Creates a new Bearer token restricted to the given scopes. `name`, `ttl` (seconds, max 1 year; 0 or a
         *     negative value is clamped to the default TTL) and `limits` (total / wallet / subscription requests,
         *     wallet amount, IP allow-list) are optional.
         *
         *     The official OAS documents the 200 body as a bare `TokenDetail` (no `data` wrapper), unlike most other
         *     endpoints of this API; this spec follows the OAS.
         *
         *     Not idempotent: each successful call creates a distinct token.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Token identifier (the `token` value of a `TokenDetail`).
                 * @example 656d1e2f8b3c2a001f7e4a12
                 */
                token: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        /**
         * Get a token
         * @description Returns the detail of one token: scopes, expiry, refresh token, limits and usage stats.
         *     The official OAS documents the 200 body as a bare `TokenDetail` (no `data` wrapper); this spec follows it.
         */
        get: operations["getToken"];
        put?: never;
        post?: never;
        /**
         * Delete a token
         * @description Deletes (revokes) the token. The 200 body is `{message: "Deleted", data: null}`.
         *     The product page lists the scope `DELETE:oauth.openapi.com/tokens`; that is a scope name, the
         *     operation itself is on `/tokens/{token}` (there is no collection-level DELETE).
         */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        /**
         * Update or rotate a token
         * @description Two modes, chosen by the credentials sent:
         *
         *     - **Update** (`BasicAuth`, email + API key): changes the token's `scopes`, `name`, `ttl` and/or
         *       `limits`. Every body field is optional; only the fields sent are changed.
         *     - **Rotate** (`RefreshAuth`, `Authorization: Bearer <refreshToken>`): a new token and a new refresh
         *       token with the same scopes are returned, and the previous token is deleted. The body may be `{}`
         *       (the official cURL example sends exactly that).
         *
         *     The official OAS documents the 200 body as a bare `TokenDetail` (no `data` wrapper); this spec follows
         *     it. The OAS `TokenUpdate` description mentions "a Bearer access token" for the update mode, but the
         *     operation's declared security is Basic or refresh-token Bearer; this spec follows the declared security.
         *
         *     Not idempotent: a rotation deletes the token it was called on, and a repeated rotation fails.
         */
        patch: operations["updateToken"];
        trace?: never;
    };
    "/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List available scopes
         * @description Lists the scopes of the marketplace with, for each, whether it is enabled for the authenticated account.
         *     The official OAS documents no error response for this operation; the 401 below is inferred from the
         *     HTTP Basic scheme and its body is undocumented.
         */
        get: operations["listScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scopes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a scope
         * @description Returns the detail of one scope: rate limit, free-usage limits, requirements and prices. Unlike most
         *     endpoints, the OAS documents the full `{data, success, message, error}` envelope here.
         */
        get: operations["getScope"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the wallet
         * @description Returns the account's current wallet credit.
         *     The official OAS documents no error response for this operation; the 401 below is inferred from the
         *     HTTP Basic scheme and its body is undocumented.
         */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wallet/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List wallet transactions
         * @description Returns the wallet transaction history (negative amounts are expenses, positive are top-ups),
         *     paginated with `skip` / `limit`.
         *     The official OAS documents no error response for this operation; the 401 below is inferred from the
         *     HTTP Basic scheme and its body is undocumented.
         */
        get: operations["listWalletTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get overall usage stats
         * @description Returns the account's overall usage totals, optionally restricted to a year, month or day with `date`.
         *     The OAS declares `date` here as `format: date`, but its 422 message (and the other stats endpoints)
         *     accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; this spec follows the 422 text and uses a pattern.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/ips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List unique caller IPs
         * @description Returns the unique IP addresses that called the APIs with the account's tokens, optionally restricted by `date`.
         */
        get: operations["getStatsIps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get stats grouped by API domain
         * @description Returns usage stats keyed by API domain (e.g. `company.openapi.com`), optionally restricted by `date`.
         */
        get: operations["getStatsApis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats/apis/{domain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get stats for one API domain
         * @description Returns usage stats for one API domain, with its caller IPs and a per-scope breakdown, optionally restricted by `date`.
         */
        get: operations["getStatsApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List error logs
         * @description Lists API calls made with the account's tokens that ended in an error, optionally filtered by scopes and paginated with `skip` / `limit`.
         */
        get: operations["listErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List callbacks
         * @description Lists callback deliveries, optionally filtered by scopes and paginated with `skip` / `limit`. The
         *     official OAS titles this "List callbacks or get callback by ID": `data` is normally an array of
         *     `CallbackListElement`, but may be a single full `Callback`, so both shapes are accepted. Note that
         *     `httpResponseCode` is a string in list elements and an integer in the full `Callback`.
         */
        get: operations["listCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a callback
         * @description Returns the full detail of one callback delivery, including its payload, headers, timing and retry counters.
         */
        get: operations["getCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions
         * @description Lists the account's subscriptions, optionally filtered by scopes and paginated with `skip` / `limit`.
         *     With the `id` query parameter the provider returns that one subscription, so `data` is either an array
         *     of `SubscriptionListElement` or a single full `Subscription`. Request counts (`availableRequests`,
         *     `totalRequests`) are strings such as `"950"`; prices are numbers.
         */
        get: operations["listSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscription
         * @description Returns the full detail of one subscription. Request counts are strings (e.g. `"950"`); prices are numbers.
         */
        get: operations["getSubscription"];
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
        /** @description Error envelope returned by every documented error status. */
        ErrorResponse: {
            /**
             * @description Always `false` for errors.
             * @constant
             */
            success: false;
            /**
             * @description Human-readable error message.
             * @example Not Found
             */
            message: string;
            /**
             * @description Provider error code (e.g. 60, 70, 120, 240); see each operation's examples.
             * @example 120
             */
            error: number;
            /** @description Always `null` for errors. */
            data: null;
        };
        /** @description Usage limits of a token. */
        TokenLimits: {
            /**
             * @description Maximum number of total requests allowed.
             * @example 10000
             */
            totalRequests?: number;
            /**
             * @description Maximum number of paid (wallet) requests allowed.
             * @example 1000
             */
            walletRequests?: number;
            /**
             * @description Maximum number of subscription requests allowed.
             * @example 500
             */
            subscriptionRequests?: number;
            /**
             * @description Maximum amount usable from the wallet.
             * @example 50
             */
            walletAmount?: number;
            /**
             * @description IP addresses allowed to use the token.
             * @example [
             *       "192.168.1.1",
             *       "10.0.0.2"
             *     ]
             */
            ip?: string[];
        };
        /** @description Usage statistics of a token. */
        TokenStats: {
            /**
             * @description Total number of requests made.
             * @example 1234
             */
            totalRequests?: number;
            /**
             * @description Number of paid (wallet) requests made.
             * @example 120
             */
            walletRequests?: number;
            /**
             * @description Number of subscription requests made.
             * @example 30
             */
            subscriptionRequests?: number;
            /**
             * @description Number of requests that ended in an error.
             * @example 5
             */
            errorRequests?: number;
            /**
             * @description Total amount spent from the wallet.
             * @example 12.5
             */
            walletAmount?: number;
            /**
             * @description IP addresses that used the token.
             * @example [
             *       "192.168.1.1"
             *     ]
             */
            ip?: string[];
        };
        /** @description Data to create a new token. */
        TokenCreate: {
            /**
             * @description Requested scopes, each `METHOD:host/path-prefix`.
             * @example [
             *       "GET:company.openapi.com/IT-start",
             *       "POST:sms.openapi.com/IT-messages"
             *     ]
             */
            scopes: string[];
            /**
             * @description Human-readable token name.
             * @example Service X API token
             */
            name?: string;
            /**
             * @description Token lifetime in seconds. Max 1 year. If a negative value or 0 is provided, the value is
             *     automatically clamped to the default TTL.
             * @example 2592000
             */
            ttl?: number;
            limits?: components["schemas"]["TokenLimits"];
        };
        /**
         * @description Data to update an existing token; every field is optional and only the fields sent are changed.
         *     When the call is authenticated with the refresh token (`RefreshAuth`), a new token and a new refresh
         *     token with the same scopes are returned and the previous token is deleted; the body may then be `{}`.
         */
        TokenUpdate: {
            /**
             * @description New list of scopes.
             * @example [
             *       "GET:company.openapi.com/IT-start",
             *       "GET:company.openapi.com/IT-advanced"
             *     ]
             */
            scopes?: string[];
            /**
             * @description New token name.
             * @example updated-token
             */
            name?: string;
            /**
             * @description New lifetime in seconds.
             * @example 604800
             */
            ttl?: number;
            limits?: components["schemas"]["TokenLimits"];
        };
        /** @description A token with its scopes, limits and usage. The OAS marks no field as required. */
        TokenDetail: {
            /**
             * @description Token identifier, also the Bearer value used against the other Openapi.com APIs.
             * @example 656d1e2f8b3c2a001f7e4a12
             */
            token?: string;
            /**
             * @description Human-readable token name.
             * @example Service X API token
             */
            name?: string;
            /**
             * Format: date-time
             * @description Creation timestamp.
             * @example 2025-11-19T10:00:00Z
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description Expiration timestamp.
             * @example 2025-12-19T10:00:00Z
             */
            expireAt?: string;
            /**
             * Format: date-time
             * @description Last update timestamp.
             * @example 2025-11-20T09:00:00Z
             */
            updatedAt?: string;
            /**
             * @description Scopes granted to the token.
             * @example [
             *       "GET:company.openapi.com/IT-start"
             *     ]
             */
            scopes?: string[];
            /**
             * @description Refresh token; send it as `RefreshAuth` Bearer to `PATCH /tokens/{token}` to rotate the token.
             * @example 656d1e2f8b3c2a001f7e4a13
             */
            refreshToken?: string;
            limits?: components["schemas"]["TokenLimits"];
            stats?: components["schemas"]["TokenStats"];
        };
        /** @description "List or token detail": `data` is an array of tokens or a single token. */
        TokenListOrDetailResponse: {
            data?: components["schemas"]["TokenDetail"][] | components["schemas"]["TokenDetail"];
        };
        /** @description Confirmation of a deleted token. */
        DeleteTokenResponse: {
            /**
             * @description Confirmation message.
             * @example Deleted
             */
            message?: string;
            /** @description Always `null`. */
            data?: null;
        };
        /** @description Scope summary as listed by `GET /scopes`. */
        UserScope: {
            /**
             * @description Scope identifier.
             * @example 656d1e2f8b3c2a001f7e4a14
             */
            id?: string;
            /**
             * @description Scope name, `METHOD:host/path-prefix`.
             * @example GET:company.openapi.com/IT-start
             */
            scope?: string;
            /**
             * @description HTTP method.
             * @example GET
             */
            method?: string;
            /**
             * @description Endpoint (path prefix) on the domain.
             * @example IT-start
             */
            endpoint?: string;
            /**
             * @description API domain.
             * @example company.openapi.com
             */
            domain?: string;
            /**
             * @description Whether the scope is enabled for the authenticated account.
             * @example true
             */
            enabled?: boolean;
        };
        /** @description A request limit, or `false` when there is no limit. */
        LimitOrFalse: number | false;
        /** @description Free usage limits of a scope; each is an integer or `false` (no limit). */
        ScopeFreeLimits: {
            dayLimit?: components["schemas"]["LimitOrFalse"];
            monthLimit?: components["schemas"]["LimitOrFalse"];
            yearLimit?: components["schemas"]["LimitOrFalse"];
            totalLimit?: components["schemas"]["LimitOrFalse"];
        };
        /** @description Scope detail, i.e. the `UserScope` fields plus rate limit, free limits, requirements and prices. */
        ScopeDetail: {
            /**
             * @description Scope identifier.
             * @example 682c9f5a51671f7ef264c4fd
             */
            id?: string;
            /**
             * @description Scope name, `METHOD:host/path-prefix`.
             * @example GET:company.openapi.com/CH-start
             */
            scope?: string;
            /**
             * @description HTTP method.
             * @example GET
             */
            method?: string;
            /**
             * @description Endpoint (path prefix) on the domain.
             * @example CH-start
             */
            endpoint?: string;
            /**
             * @description API domain.
             * @example company.openapi.com
             */
            domain?: string;
            /**
             * @description Whether the scope is enabled for the authenticated account.
             * @example false
             */
            enabled?: boolean;
            /** @description Rate limit of this scope, or `false` when there is none. */
            rateLimit?: string | false;
            freeLimits?: components["schemas"]["ScopeFreeLimits"];
            /**
             * @description Requirements of this scope with their fulfilment status for the account.
             * @example {
             *       "id_card": false,
             *       "oa_general_contract": false
             *     }
             */
            requirements?: {
                [key: string]: boolean;
            };
            /**
             * @description Prices of this scope by price key.
             * @example {
             *       "ch-start": 0.06
             *     }
             */
            prices?: {
                [key: string]: number;
            };
        };
        ScopeListResponse: {
            data?: components["schemas"]["UserScope"][];
        };
        ScopeDetailResponse: {
            data: components["schemas"]["ScopeDetail"];
            /** @example true */
            success: boolean;
            /** @example  */
            message: string;
            error: null;
        };
        /** @description Wallet information. */
        Wallet: {
            /**
             * @description Current credit balance.
             * @example 125.5
             */
            credit?: number;
            /**
             * Format: date-time
             * @description Wallet creation date.
             * @example 2025-01-15T10:00:00+00:00
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description Last wallet update.
             * @example 2026-02-12T08:30:00+00:00
             */
            updatedAt?: string;
        };
        WalletResponse: {
            data?: components["schemas"]["Wallet"];
        };
        /** @description Wallet transaction. */
        WalletTransaction: {
            /**
             * @description Transaction identifier.
             * @example txn_65a1b2c3d4e5f6789abc001
             */
            id?: string;
            /**
             * @description Amount; negative for expenses, positive for credits.
             * @example -15.5
             */
            amount?: number;
            /**
             * Format: date-time
             * @description Transaction timestamp.
             * @example 2026-02-12T08:30:00+00:00
             */
            createdAt?: string;
            /**
             * @description Transaction description.
             * @example API usage - company.openapi.com
             */
            description?: string;
        };
        WalletTransactionListResponse: {
            data?: components["schemas"]["WalletTransaction"][];
        };
        /** @description Overall usage stats. */
        Stats: {
            /**
             * @description Total number of requests.
             * @example 1500
             */
            totalRequests?: number;
            /**
             * @description Number of paid (wallet) requests.
             * @example 800
             */
            walletRequests?: number;
            /**
             * @description Number of subscription requests.
             * @example 700
             */
            subscriptionRequests?: number;
            /**
             * @description Number of requests that ended in an error.
             * @example 12
             */
            errorRequests?: number;
            /**
             * @description Total amount spent from the wallet.
             * @example 125.5
             */
            walletAmount?: number;
            /**
             * @description Number of unique caller IP addresses.
             * @example 45
             */
            totalIps?: number;
            /**
             * @description Number of APIs (domains) used.
             * @example 8
             */
            totalApis?: number;
        };
        /** @description Usage stats of one API domain (in `GET /stats/apis`). */
        ApiStats: {
            /**
             * @description Total number of requests for this domain.
             * @example 500
             */
            totalRequests?: number;
            /**
             * @description Number of paid (wallet) requests for this domain.
             * @example 300
             */
            walletRequests?: number;
            /**
             * @description Number of subscription requests for this domain.
             * @example 200
             */
            subscriptionRequests?: number;
            /**
             * @description Number of error requests for this domain.
             * @example 5
             */
            errorRequests?: number;
            /**
             * @description Total amount spent from the wallet for this domain.
             * @example 45.5
             */
            walletAmount?: number;
            /**
             * @description Number of unique caller IP addresses for this domain.
             * @example 20
             */
            totalIps?: number;
            /**
             * @description Number of scopes used on this domain.
             * @example 15
             */
            totalScopes?: number;
        };
        /** @description Usage stats of one scope (in `GET /stats/apis/{domain}`). */
        ScopeStats: {
            /**
             * @description Total number of requests for this scope.
             * @example 250
             */
            totalRequests?: number;
            /**
             * @description Number of paid (wallet) requests for this scope.
             * @example 150
             */
            walletRequests?: number;
            /**
             * @description Number of subscription requests for this scope.
             * @example 100
             */
            subscriptionRequests?: number;
            /**
             * @description Number of error requests for this scope.
             * @example 2
             */
            errorRequests?: number;
            /**
             * @description Total amount spent from the wallet for this scope.
             * @example 22.75
             */
            walletAmount?: number;
            /**
             * @description Unique caller IP addresses for this scope.
             * @example [
             *       "192.168.1.1"
             *     ]
             */
            ip?: string[];
        };
        /** @description Usage stats of one API domain with caller IPs and a per-scope breakdown. */
        ApiDetailStats: {
            /**
             * @description Total number of requests for this domain.
             * @example 500
             */
            totalRequests?: number;
            /**
             * @description Number of paid (wallet) requests for this domain.
             * @example 300
             */
            walletRequests?: number;
            /**
             * @description Number of subscription requests for this domain.
             * @example 200
             */
            subscriptionRequests?: number;
            /**
             * @description Number of error requests for this domain.
             * @example 5
             */
            errorRequests?: number;
            /**
             * @description Total amount spent from the wallet for this domain.
             * @example 45.5
             */
            walletAmount?: number;
            /**
             * @description Unique caller IP addresses for this domain.
             * @example [
             *       "192.168.1.1",
             *       "10.0.0.5"
             *     ]
             */
            ip?: string[];
            /**
             * @description Number of unique caller IP addresses for this domain.
             * @example 2
             */
            totalIps?: number;
            /**
             * @description Number of scopes used on this domain.
             * @example 15
             */
            totalScopes?: number;
            /** @description Stats keyed by scope name. */
            scopes?: {
                [key: string]: components["schemas"]["ScopeStats"];
            };
        };
        StatsResponse: {
            data?: components["schemas"]["Stats"];
        };
        StatsIpsResponse: {
            /** @description Unique caller IP addresses. */
            data?: string[];
        };
        StatsApisResponse: {
            /** @description Stats keyed by API domain. */
            data?: {
                [key: string]: components["schemas"]["ApiStats"];
            };
        };
        StatsApiResponse: {
            data?: components["schemas"]["ApiDetailStats"];
        };
        /** @description Error log entry. */
        ErrorLog: {
            /**
             * @description Error log identifier.
             * @example 69822d1d48be79971b04351a
             */
            id?: string;
            /**
             * @description Scope of the failed call.
             * @example DELETE:oauth.openapi.com/tokens
             */
            scope?: string;
            /**
             * @description API domain of the failed call.
             * @example oauth.openapi.com
             */
            domain?: string;
            /**
             * Format: date-time
             * @description When the error occurred.
             * @example 2026-02-03T17:15:09+00:00
             */
            errorAt?: string;
            /**
             * @description HTTP status returned.
             * @example 404
             */
            httpResponseCode?: number;
            /**
             * @description Provider error code.
             * @example 180
             */
            errorCode?: number;
            /**
             * @description Error message.
             * @example Not Found
             */
            message?: string;
            /**
             * @description Caller IP address.
             * @example 93.146.69.125
             */
            ip?: string;
        };
        ErrorLogListResponse: {
            data?: components["schemas"]["ErrorLog"][];
        };
        /** @description Callback summary as listed by `GET /callbacks`. `httpResponseCode` is a string here. */
        CallbackListElement: {
            /**
             * @description Callback identifier.
             * @example 65a1b2c3d4e5f6789abcdef0
             */
            id?: string;
            /**
             * @description Scope that triggered the callback.
             * @example POST:company.openapi.com/webhook
             */
            scope?: string;
            /**
             * @description Callback destination URL.
             * @example https://example.com/callback
             */
            url?: string;
            /**
             * @description HTTP status received from the callback URL, as a string.
             * @example 200
             */
            httpResponseCode?: string;
            /**
             * Format: date-time
             * @description Delivery start time.
             * @example 2026-02-12T10:00:00+00:00
             */
            startedAt?: string;
            /**
             * Format: date-time
             * @description Delivery completion time; `null` while still active.
             * @example 2026-02-12T10:00:05+00:00
             */
            completedAt?: string | null;
        };
        /** @description Full callback detail. `httpResponseCode` is an integer here. */
        Callback: {
            /**
             * @description Callback identifier.
             * @example 65a1b2c3d4e5f6789abcdef0
             */
            id?: string;
            /**
             * @description Scope that triggered the callback.
             * @example POST:company.openapi.com/webhook
             */
            scope?: string;
            /**
             * @description API domain of the callback.
             * @example company.openapi.com
             */
            domain?: string | null;
            /**
             * @description Whether the callback is still active (not completed).
             * @example false
             */
            active?: boolean;
            /**
             * Format: date-time
             * @description Delivery start time.
             * @example 2026-02-12T10:00:00+00:00
             */
            startedAt?: string;
            /**
             * Format: date-time
             * @description Callback creation time.
             * @example 2026-02-12T09:59:55+00:00
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description Delivery completion time; `null` while still active.
             * @example 2026-02-12T10:00:05+00:00
             */
            completedAt?: string | null;
            /**
             * @description HTTP status received from the callback URL.
             * @example 200
             */
            httpResponseCode?: number;
            /** @description Callback payload. */
            data?: {
                [key: string]: unknown;
            };
            /** @description Custom data attached to the callback (any JSON value). */
            custom?: unknown;
            /** @description HTTP headers sent with the callback. */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Delivery time in milliseconds.
             * @example 5234
             */
            elapsedTime?: number;
            /**
             * @description Current attempt number.
             * @example 1
             */
            attempt?: number;
            /**
             * @description Number of retries performed.
             * @example 0
             */
            retry?: number;
            /**
             * @description Request field that carried the callback URL.
             * @example webhookUrl
             */
            field?: string;
            /**
             * @description HTTP method used for the callback.
             * @example POST
             */
            method?: string;
            /**
             * @description Callback destination URL.
             * @example https://example.com/callback
             */
            url?: string;
        };
        /** @description `data` is an array of callback summaries or a single full callback. */
        CallbackListOrDetailResponse: {
            data?: components["schemas"]["CallbackListElement"][] | components["schemas"]["Callback"];
        };
        CallbackResponse: {
            data?: components["schemas"]["Callback"];
        };
        /** @description Subscription summary as listed by `GET /subscriptions`. */
        SubscriptionListElement: {
            /**
             * @description Subscription identifier.
             * @example 656d1e2f8b3c2a001f7e4a20
             */
            id?: string;
            /**
             * @description Scope the subscription applies to.
             * @example GET:company.openapi.com/resource
             */
            scope?: string;
            /**
             * @description Whether the subscription is active.
             * @example true
             */
            active?: boolean;
            /**
             * @description Requests still available, as a numeric string.
             * @example 950
             */
            availableRequests?: string;
            /**
             * Format: date-time
             * @description Subscription start.
             * @example 2025-11-01T00:00:00+00:00
             */
            startsAt?: string;
            /**
             * Format: date-time
             * @description Subscription expiry.
             * @example 2025-12-01T00:00:00+00:00
             */
            expiresAt?: string;
        };
        /** @description Full subscription detail. */
        Subscription: {
            /**
             * @description Subscription identifier.
             * @example 656d1e2f8b3c2a001f7e4a20
             */
            id?: string;
            /**
             * @description Scope the subscription applies to.
             * @example GET:company.openapi.com/resource
             */
            scope?: string;
            /**
             * @description API domain of the subscription.
             * @example company.openapi.com
             */
            domain?: string;
            /**
             * @description Whether the subscription is active.
             * @example true
             */
            active?: boolean;
            /**
             * Format: date-time
             * @description Subscription start.
             * @example 2025-11-01T00:00:00+00:00
             */
            startsAt?: string;
            /**
             * Format: date-time
             * @description Subscription expiry.
             * @example 2025-12-01T00:00:00+00:00
             */
            expiresAt?: string;
            /**
             * @description Requests originally included, as a numeric string.
             * @example 1000
             */
            totalRequests?: string;
            /**
             * @description Requests still available, as a numeric string.
             * @example 950
             */
            availableRequests?: string;
            /**
             * @description Price per request.
             * @example 0.01
             */
            pricePerRequest?: number;
            /**
             * @description Subscription type (the OAS examples show `monthly`; its schema example says `month`).
             * @example monthly
             */
            type?: string;
            /**
             * @description Whether the subscription renews automatically.
             * @example true
             */
            autorenew?: boolean;
            /**
             * Format: date-time
             * @description Subscription creation date.
             * @example 2025-10-25T10:00:00+00:00
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description Last update.
             * @example 2025-11-19T15:30:00+00:00
             */
            updatedAt?: string;
            /**
             * @description Total price of the subscription.
             * @example 10
             */
            price?: number;
        };
        /** @description `data` is an array of subscription summaries or a single full subscription (when `id` is given). */
        SubscriptionListOrDetailResponse: {
            data?: components["schemas"]["SubscriptionListElement"][] | components["schemas"]["Subscription"];
        };
        SubscriptionResponse: {
            data?: components["schemas"]["Subscription"];
        };
    };
    responses: {
        /**
         * @description Missing or invalid Basic credentials. Inferred from the HTTP Basic security scheme: the official OAS
         *     documents no error response for this operation, so the status is listed without a body.
         */
        BasicUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Invalid `date` format. */
        InvalidDateFormat: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description Token identifier (the `token` value of a `TokenDetail`).
         * @example 656d1e2f8b3c2a001f7e4a12
         */
        TokenId: string;
        /**
         * @description Number of items to skip for pagination.
         * @example 0
         */
        Skip: number;
        /**
         * @description Maximum number of items to return (default 100, max 100).
         * @example 20
         */
        Limit: number;
        /**
         * @description Period filter: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`). Any other format is
         *     rejected with 422 / error 240.
         * @example 2026-04
         */
        Date: string;
        /**
         * @description Comma-separated list of scope names to filter by (e.g. `GET:company.openapi.com/IT-start,POST:sms.openapi.com/send`).
         * @example GET:company.openapi.com/IT-start,POST:sms.openapi.com/send
         */
        Scopes: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTokens: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of items to return (default 100, max 100).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Number of items to skip for pagination.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of tokens (or a single token detail). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenListOrDetailResponse"];
                };
            };
            /** @description Token not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid token format. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description Token created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "656d1e2f8b3c2a001f7e4a12",
                     *       "name": "my-first-token",
                     *       "createdAt": "2025-11-19T10:00:00Z",
                     *       "expireAt": "2025-12-19T10:00:00Z",
                     *       "updatedAt": "2025-11-19T10:00:00Z",
                     *       "scopes": [
                     *         "GET:company.openapi.com/IT-start"
                     *       ],
                     *       "refreshToken": "656d1e2f8b3c2a001f7e4a13",
                     *       "limits": {
                     *         "totalRequests": 10000,
                     *         "walletRequests": 1000,
                     *         "subscriptionRequests": 500,
                     *         "walletAmount": 50,
                     *         "ip": [
                     *           "192.168.1.1"
                     *         ]
                     *       },
                     *       "stats": {
                     *         "totalRequests": 0,
                     *         "walletRequests": 0,
                     *         "subscriptionRequests": 0,
                     *         "errorRequests": 0,
                     *         "walletAmount": 0,
                     *         "ip": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TokenDetail"];
                };
            };
            /** @description Validation error in the requested scopes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Token identifier (the `token` value of a `TokenDetail`).
                 * @example 656d1e2f8b3c2a001f7e4a12
                 */
                token: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Token detail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "656d1e2f8b3c2a001f7e4a12",
                     *       "name": "Service X API token",
                     *       "createdAt": "2025-11-19T10:00:00Z",
                     *       "expireAt": "2025-12-19T10:00:00Z",
                     *       "updatedAt": "2025-11-20T09:00:00Z",
                     *       "scopes": [
                     *         "GET:company.openapi.com/IT-start"
                     *       ],
                     *       "refreshToken": "656d1e2f8b3c2a001f7e4a13",
                     *       "limits": {
                     *         "totalRequests": 10000,
                     *         "walletRequests": 1000,
                     *         "subscriptionRequests": 500,
                     *         "walletAmount": 50,
                     *         "ip": [
                     *           "192.168.1.1",
                     *           "10.0.0.2"
                     *         ]
                     *       },
                     *       "stats": {
                     *         "totalRequests": 1234,
                     *         "walletRequests": 120,
                     *         "subscriptionRequests": 30,
                     *         "errorRequests": 5,
                     *         "walletAmount": 12.5,
                     *         "ip": [
                     *           "192.168.1.1"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TokenDetail"];
                };
            };
            /** @description Token not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Invalid token format. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Token identifier (the `token` value of a `TokenDetail`).
                 * @example 656d1e2f8b3c2a001f7e4a12
                 */
                token: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Token deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Deleted",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteTokenResponse"];
                };
            };
            /** @description Missing token identifier. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Token not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Token identifier (the `token` value of a `TokenDetail`).
                 * @example 656d1e2f8b3c2a001f7e4a12
                 */
                token: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenUpdate"];
            };
        };
        responses: {
            /** @description Token updated (or, with the refresh token, the newly issued replacement token). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDetail"];
                };
            };
            /** @description Missing token identifier. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The refresh token or the authentication data was rejected. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Token not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation error in the requested scopes. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listScopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of scopes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "682c9f5a51671f7ef264c4fd",
                     *           "scope": "GET:company.openapi.com/CH-start",
                     *           "method": "GET",
                     *           "endpoint": "CH-start",
                     *           "domain": "company.openapi.com",
                     *           "enabled": false
                     *         },
                     *         {
                     *           "id": "656d1e2f8b3c2a001f7e4a14",
                     *           "scope": "GET:company.openapi.com/IT-start",
                     *           "method": "GET",
                     *           "endpoint": "IT-start",
                     *           "domain": "company.openapi.com",
                     *           "enabled": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ScopeListResponse"];
                };
            };
            401: components["responses"]["BasicUnauthorized"];
        };
    };
    getScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Scope identifier (the `id` from `GET /scopes`).
                 * @example 682c9f5a51671f7ef264c4fd
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scope detail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "682c9f5a51671f7ef264c4fd",
                     *         "scope": "GET:company.openapi.com/CH-start",
                     *         "method": "GET",
                     *         "endpoint": "CH-start",
                     *         "domain": "company.openapi.com",
                     *         "enabled": false,
                     *         "rateLimit": false,
                     *         "freeLimits": {
                     *           "dayLimit": 0,
                     *           "monthLimit": false,
                     *           "yearLimit": false,
                     *           "totalLimit": false
                     *         },
                     *         "requirements": {
                     *           "id_card": false,
                     *           "oa_general_contract": false
                     *         },
                     *         "prices": {
                     *           "ch-start": 0.06
                     *         }
                     *       },
                     *       "success": true,
                     *       "message": "",
                     *       "error": null
                     *     }
                     */
                    "application/json": components["schemas"]["ScopeDetailResponse"];
                };
            };
            /** @description Scope not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Wallet information. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "credit": 125.5,
                     *         "createdAt": "2025-01-15T10:00:00+00:00",
                     *         "updatedAt": "2026-02-12T08:30:00+00:00"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WalletResponse"];
                };
            };
            401: components["responses"]["BasicUnauthorized"];
        };
    };
    listWalletTransactions: {
        parameters: {
            query?: {
                /**
                 * @description Number of items to skip for pagination.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum number of items to return (default 100, max 100).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of wallet transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "txn_65a1b2c3d4e5f6789abc001",
                     *           "amount": -15.5,
                     *           "createdAt": "2026-02-12T08:30:00+00:00",
                     *           "description": "API usage - company.openapi.com"
                     *         },
                     *         {
                     *           "id": "txn_65a1b2c3d4e5f6789abc002",
                     *           "amount": 100,
                     *           "createdAt": "2026-02-10T14:15:00+00:00",
                     *           "description": "Wallet recharge"
                     *         },
                     *         {
                     *           "id": "txn_65a1b2c3d4e5f6789abc003",
                     *           "amount": -5.25,
                     *           "createdAt": "2026-02-09T11:20:00+00:00",
                     *           "description": "API usage - sms.openapi.com"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WalletTransactionListResponse"];
                };
            };
            401: components["responses"]["BasicUnauthorized"];
        };
    };
    getStats: {
        parameters: {
            query?: {
                /**
                 * @description Period filter: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`). Any other format is
                 *     rejected with 422 / error 240.
                 * @example 2026-04
                 */
                date?: components["parameters"]["Date"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Overall stats. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "totalRequests": 1500,
                     *         "walletRequests": 800,
                     *         "subscriptionRequests": 700,
                     *         "errorRequests": 12,
                     *         "walletAmount": 125.5,
                     *         "totalIps": 45,
                     *         "totalApis": 8
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatsResponse"];
                };
            };
            422: components["responses"]["InvalidDateFormat"];
        };
    };
    getStatsIps: {
        parameters: {
            query?: {
                /**
                 * @description Period filter: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`). Any other format is
                 *     rejected with 422 / error 240.
                 * @example 2026-04
                 */
                date?: components["parameters"]["Date"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Array of unique IP addresses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         "192.168.1.1",
                     *         "10.0.0.5",
                     *         "172.16.0.100",
                     *         "203.0.113.42"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["StatsIpsResponse"];
                };
            };
            422: components["responses"]["InvalidDateFormat"];
        };
    };
    getStatsApis: {
        parameters: {
            query?: {
                /**
                 * @description Period filter: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`). Any other format is
                 *     rejected with 422 / error 240.
                 * @example 2026-04
                 */
                date?: components["parameters"]["Date"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stats grouped by API domain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "company.openapi.com": {
                     *           "totalRequests": 500,
                     *           "walletRequests": 300,
                     *           "subscriptionRequests": 200,
                     *           "errorRequests": 5,
                     *           "walletAmount": 45.5,
                     *           "totalIps": 20,
                     *           "totalScopes": 15
                     *         },
                     *         "sms.openapi.com": {
                     *           "totalRequests": 1000,
                     *           "walletRequests": 500,
                     *           "subscriptionRequests": 500,
                     *           "errorRequests": 7,
                     *           "walletAmount": 80,
                     *           "totalIps": 25,
                     *           "totalScopes": 20
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatsApisResponse"];
                };
            };
            422: components["responses"]["InvalidDateFormat"];
        };
    };
    getStatsApi: {
        parameters: {
            query?: {
                /**
                 * @description Period filter: a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`). Any other format is
                 *     rejected with 422 / error 240.
                 * @example 2026-04
                 */
                date?: components["parameters"]["Date"];
            };
            header?: never;
            path: {
                /**
                 * @description API domain name.
                 * @example company.openapi.com
                 */
                domain: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Domain stats with scopes breakdown. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "totalRequests": 500,
                     *         "walletRequests": 300,
                     *         "subscriptionRequests": 200,
                     *         "errorRequests": 5,
                     *         "walletAmount": 45.5,
                     *         "ip": [
                     *           "192.168.1.1",
                     *           "10.0.0.5"
                     *         ],
                     *         "totalIps": 2,
                     *         "totalScopes": 15,
                     *         "scopes": {
                     *           "POST:company.openapi.com/endpoint": {
                     *             "totalRequests": 250,
                     *             "walletRequests": 150,
                     *             "subscriptionRequests": 100,
                     *             "errorRequests": 2,
                     *             "walletAmount": 22.75,
                     *             "ip": [
                     *               "192.168.1.1"
                     *             ]
                     *           },
                     *           "GET:company.openapi.com/endpoint": {
                     *             "totalRequests": 250,
                     *             "walletRequests": 150,
                     *             "subscriptionRequests": 100,
                     *             "errorRequests": 3,
                     *             "walletAmount": 22.75,
                     *             "ip": [
                     *               "10.0.0.5"
                     *             ]
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatsApiResponse"];
                };
            };
            422: components["responses"]["InvalidDateFormat"];
        };
    };
    listErrors: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated list of scope names to filter by (e.g. `GET:company.openapi.com/IT-start,POST:sms.openapi.com/send`).
                 * @example GET:company.openapi.com/IT-start,POST:sms.openapi.com/send
                 */
                scopes?: components["parameters"]["Scopes"];
                /**
                 * @description Number of items to skip for pagination.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum number of items to return (default 100, max 100).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of error logs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "69822d1d48be79971b04351a",
                     *           "scope": "DELETE:oauth.openapi.com/tokens",
                     *           "domain": "oauth.openapi.com",
                     *           "errorAt": "2026-02-03T17:15:09+00:00",
                     *           "httpResponseCode": 404,
                     *           "errorCode": 180,
                     *           "message": "Not Found",
                     *           "ip": "93.146.69.125"
                     *         },
                     *         {
                     *           "id": "69822d1d48be79971b04351b",
                     *           "scope": "GET:company.openapi.com/resource",
                     *           "domain": "company.openapi.com",
                     *           "errorAt": "2026-02-03T16:30:45+00:00",
                     *           "httpResponseCode": 400,
                     *           "errorCode": 190,
                     *           "message": "Query error",
                     *           "ip": "192.168.1.100"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorLogListResponse"];
                };
            };
            /** @description Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listCallbacks: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated list of scope names to filter by (e.g. `GET:company.openapi.com/IT-start,POST:sms.openapi.com/send`).
                 * @example GET:company.openapi.com/IT-start,POST:sms.openapi.com/send
                 */
                scopes?: components["parameters"]["Scopes"];
                /**
                 * @description Number of items to skip for pagination.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum number of items to return (default 100, max 100).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Callback list (or a single callback detail). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackListOrDetailResponse"];
                };
            };
            /** @description Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Callback not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Callback identifier.
                 * @example 65a1b2c3d4e5f6789abcdef0
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Callback detail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "65a1b2c3d4e5f6789abcdef0",
                     *         "scope": "POST:company.openapi.com/webhook",
                     *         "domain": "company.openapi.com",
                     *         "active": false,
                     *         "startedAt": "2026-02-12T10:00:00+00:00",
                     *         "createdAt": "2026-02-12T09:59:55+00:00",
                     *         "completedAt": "2026-02-12T10:00:05+00:00",
                     *         "httpResponseCode": 200,
                     *         "data": {
                     *           "event": "user.created",
                     *           "userId": "12345"
                     *         },
                     *         "custom": {
                     *           "trackingId": "abc-123"
                     *         },
                     *         "headers": {
                     *           "Content-Type": "application/json",
                     *           "X-Webhook-Signature": "sha256=..."
                     *         },
                     *         "elapsedTime": 5234,
                     *         "attempt": 1,
                     *         "retry": 0,
                     *         "field": "webhookUrl",
                     *         "method": "POST",
                     *         "url": "https://example.com/callback"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CallbackResponse"];
                };
            };
            /** @description Callback not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /**
                 * @description Subscription identifier; when given, `data` is that single subscription.
                 * @example 656d1e2f8b3c2a001f7e4a20
                 */
                id?: string;
                /**
                 * @description Comma-separated list of scope names to filter by (e.g. `GET:company.openapi.com/IT-start,POST:sms.openapi.com/send`).
                 * @example GET:company.openapi.com/IT-start,POST:sms.openapi.com/send
                 */
                scopes?: components["parameters"]["Scopes"];
                /**
                 * @description Number of items to skip for pagination.
                 * @example 0
                 */
                skip?: components["parameters"]["Skip"];
                /**
                 * @description Maximum number of items to return (default 100, max 100).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscription list (or a single subscription detail). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionListOrDetailResponse"];
                };
            };
            /** @description Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Subscription not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Subscription identifier.
                 * @example 656d1e2f8b3c2a001f7e4a20
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscription detail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "656d1e2f8b3c2a001f7e4a20",
                     *         "scope": "GET:company.openapi.com/resource",
                     *         "domain": "company.openapi.com",
                     *         "active": true,
                     *         "startsAt": "2025-11-01T00:00:00+00:00",
                     *         "expiresAt": "2025-12-01T00:00:00+00:00",
                     *         "totalRequests": "1000",
                     *         "availableRequests": "950",
                     *         "pricePerRequest": 0.01,
                     *         "type": "monthly",
                     *         "autorenew": true,
                     *         "createdAt": "2025-10-25T10:00:00+00:00",
                     *         "updatedAt": "2025-11-19T15:30:00+00:00",
                     *         "price": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SubscriptionResponse"];
                };
            };
            /** @description Subscription not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
