// Generated from specs/predict.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

export interface paths {
    "/v1/auth/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get auth message
         * @description Get the message to sign to generate a JWT token. Do not hardcode this message: it is dynamic and
         *     can be subject to changes.
         *
         *     Authorization: the `x-api-key` header is required on mainnet; testnet accepts the request without
         *     credentials (hence the empty alternative in `security`).
         */
        get: operations["getAuthMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get JWT with valid signature
         * @description Provide a signature of the message from `GET /v1/auth/message` and get back a valid JWT that allows
         *     order actions. Send the JWT as `Authorization: Bearer <jwt>` together with `x-api-key`.
         *
         *     For an externally owned account the signature is `signer.signMessage(message)` (ethers
         *     `personal_sign`); Predict smart accounts use a different procedure described in the authentication
         *     guide.
         *
         *     Authorization: the `x-api-key` header is required on mainnet; testnet accepts the request without
         *     credentials (hence the empty alternative in `security`).
         */
        post: operations["authenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize a OAuth connection
         * @description Finalize an OAuth connection using the authorization code and get back a token (JWT) for the
         *     connected account. The body is signed by the user's wallet; `data.timestamp` is in seconds.
         *
         *     Status on dev.predict.fun: **Developing** — "[This endpoint is not public]".
         *
         *     Authorization: `x-api-key` (required on mainnet; testnet accepts requests without it). A Bearer
         *     token does not apply here: this call is what issues the token used by the other OAuth operations.
         */
        post: operations["finalizeOAuthConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the orders for a OAuth connection
         * @description Get the orders of the connected account, optionally filtered by status and paginated with
         *     `first` / `after` (pass the previous response's `cursor` as `after`). The body is signed by the
         *     user's wallet; `data.timestamp` is in seconds. This is a read-only query sent as POST, so it is
         *     marked idempotent.
         *
         *     Status on dev.predict.fun: **Developing** — "[This endpoint is not public]".
         *
         *     Authorization: `x-api-key` (required on mainnet; testnet accepts requests without it), optionally
         *     with `Authorization: Bearer <token>` carrying the token from `POST /v1/oauth/finalize`. The official
         *     embedded spec lists only the API key; third-party clients send the bearer token as well, so both
         *     are accepted alternatives here.
         */
        post: operations["getOAuthOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/orders/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an order for a OAuth connection
         * @description Create a LIMIT or MARKET order for the connected account. `data.order` is the order signed for the
         *     exchange contract; the surrounding body is signed by the user's wallet and `data.timestamp` is in
         *     seconds. Returns **201 Created**. Not idempotent: retrying may create a duplicate order.
         *
         *     Status on dev.predict.fun: **Developing** — "[This endpoint is not public]".
         *
         *     Authorization: `x-api-key` (required on mainnet; testnet accepts requests without it), optionally
         *     with `Authorization: Bearer <token>` carrying the token from `POST /v1/oauth/finalize`. The
         *     dev.predict.fun page lists "Bearer Token or API Key" while the official embedded spec lists only the
         *     API key; both are accepted alternatives here.
         *
         *     Conflict resolved: the dev.predict.fun example shows `order.expiration` as a string; the newer
         *     official embedded spec (api.predict.fun/docs) defines it as an int64 Unix timestamp in seconds, which
         *     is followed here. The official spec also adds `selfTradePrevention`, `isPostOnly` and
         *     `reservedBalancePolicy`, which older pages do not list.
         */
        post: operations["createOAuthOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/orders/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the orders for a OAuth connection
         * @description Cancel up to 100 orders of the connected account by order ID. The body is signed by the user's
         *     wallet; `data.timestamp` is in seconds.
         *
         *     Status on dev.predict.fun: **Developing** — "[This endpoint is not public]". The linked page is the
         *     pre-`/v1` version of this endpoint; the path and fields follow the newer official embedded spec
         *     (api.predict.fun/docs).
         *
         *     Authorization: `x-api-key` (required on mainnet; testnet accepts requests without it), optionally
         *     with `Authorization: Bearer <token>` carrying the token from `POST /v1/oauth/finalize`. The official
         *     embedded spec lists only the API key; third-party clients send the bearer token as well, so both
         *     are accepted alternatives here.
         */
        post: operations["cancelOAuthOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the positions for a OAuth connection
         * @description Get the positions of the connected account, paginated with `first` / `after` (pass the previous
         *     response's `cursor` as `after`). The body is signed by the user's wallet; `data.timestamp` is in
         *     seconds. This is a read-only query sent as POST, so it is marked idempotent.
         *
         *     Status on dev.predict.fun: **Developing** — "[This endpoint is not public]". The linked page is the
         *     pre-`/v1` version of this endpoint; the path and fields (including the `Market` and `Outcome`
         *     objects) follow the newer official embedded spec (api.predict.fun/docs).
         *
         *     Authorization: `x-api-key` (required on mainnet; testnet accepts requests without it), optionally
         *     with `Authorization: Bearer <token>` carrying the token from `POST /v1/oauth/finalize`. The official
         *     embedded spec lists only the API key; third-party clients send the bearer token as well, so both
         *     are accepted alternatives here.
         */
        post: operations["getOAuthPositions"];
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
        /** @description Structured error body. Every error path of the API produces this shape. */
        ErrorResponse: {
            /**
             * @description Always `false` for errors.
             * @constant
             */
            success: false;
            /** @description The HTTP status code. */
            code: number;
            error: components["schemas"]["ErrorCode"];
            /** @description Human-readable error message. */
            message: string;
            /**
             * Format: date-time
             * @description RFC 3339 timestamp of when the error occurred.
             */
            timestamp: string;
            /** @description Trace ID for correlating with server logs (the official example shows `null`). */
            trace?: string | null;
        };
        /**
         * @description Stable machine-readable error code. For 400 responses this is the granular bad-request code (for
         *     example `create_order_insufficient_collateral_allowance`); for every other status it is the
         *     status-derived code (for example `unauthorized`).
         * @enum {string}
         */
        ErrorCode: "unauthorized" | "forbidden" | "not_found" | "gone" | "too_many_requests" | "internal_server_error" | "bad_gateway" | "service_unavailable" | "bad_request" | "invalid_cursor" | "create_order_invalid_fee_rate_bps" | "create_order_invalid_nonce" | "create_order_invalid_salt" | "create_order_invalid_slippage_bps" | "create_order_invalid_signer_address" | "create_order_invalid_token_id" | "create_order_invalid_signature_hex" | "create_order_invalid_expiration_timestamp" | "create_order_invalid_numeric_value" | "create_order_invalid_decimal_value" | "create_order_market_token_not_found" | "create_order_market_not_trading" | "create_order_market_orders_disabled" | "create_order_signer_mismatch" | "create_order_reserved_balance_policy_invalid" | "create_order_fill_or_kill_not_supported" | "create_order_post_only_not_supported" | "create_order_maker_signer_mismatch" | "create_order_expiry_too_far" | "create_order_expiry_too_soon" | "create_order_min_order_value_not_met" | "create_order_min_order_size_not_met" | "create_order_limit_amounts_mismatch" | "create_order_price_precision_too_high" | "create_order_market_amounts_mismatch" | "create_order_slippage_non_market" | "create_order_maker_fee_out_of_range" | "create_order_taker_fee_out_of_range" | "create_order_fee_rate_too_low" | "create_order_price_field_zero" | "create_order_price_field_precision_invalid" | "create_order_contract_order_expired" | "create_order_contract_invalid_signature" | "create_order_contract_fee_too_high" | "create_order_contract_invalid_token_id" | "create_order_contract_order_filled_or_cancelled" | "create_order_contract_invalid_nonce" | "create_order_contract_invalid_signature_length" | "create_order_contract_paused" | "create_order_exchange_paused" | "create_order_hash_mismatch" | "create_order_duplicate_order" | "create_order_max_orders_per_market_exceeded" | "create_order_insufficient_collateral_allowance" | "create_order_insufficient_collateral_balance" | "create_order_exchange_not_approved" | "create_order_neg_risk_adapter_not_approved" | "create_order_insufficient_shares_balance" | "create_order_price_out_of_range";
        /** @description Response of `GET /v1/auth/message`. */
        AuthMessageResponse: {
            success: boolean;
            data: components["schemas"]["AuthMessageData"];
        };
        AuthMessageData: {
            /** @description The message to sign with the wallet. Dynamic; do not hardcode it. */
            message: string;
        };
        /** @description Request body of `POST /v1/auth`. */
        AuthRequest: {
            /** @description The wallet address (checksummed). */
            signer: string;
            /** @description The signature of the message. */
            signature: string;
            /** @description The signed message (from `GET /v1/auth/message`). */
            message: string;
        };
        /** @description Response of `POST /v1/auth`. */
        AuthTokenResponse: {
            success: boolean;
            data: components["schemas"]["AuthTokenData"];
        };
        AuthTokenData: {
            /** @description JWT token for authenticated requests. */
            token: string;
        };
        /**
         * Format: int64
         * @description The timestamp in **seconds** (Unix time), part of the signed payload.
         */
        OAuthTimestamp: number;
        /** @description Wallet-signed request body of `POST /v1/oauth/finalize`. */
        OAuthFinalizeRequest: {
            /** @description Address of the wallet that signed the request. */
            signer: string;
            /** @description Address of the Predict account the connection is for. */
            account: string;
            /** @description The wallet signature over the request. */
            signature: string;
            data: components["schemas"]["OAuthFinalizeData"];
        };
        OAuthFinalizeData: {
            timestamp: components["schemas"]["OAuthTimestamp"];
            /** @description The OAuth client ID of the third-party application. */
            clientId: string;
            /** @description The authorization code obtained from the OAuth authorization step. */
            authCode: string;
        };
        /** @description Wallet-signed request body of `POST /v1/oauth/orders`. */
        OAuthOrdersRequest: {
            /** @description Address of the wallet that signed the request. */
            signer: string;
            /** @description Address of the Predict account the connection is for. */
            account: string;
            /** @description The wallet signature over the request. */
            signature: string;
            data: components["schemas"]["OAuthOrdersData"];
        };
        OAuthOrdersData: {
            timestamp: components["schemas"]["OAuthTimestamp"];
            /** @description Page size — a string that will be parsed into a number. */
            first?: string;
            /** @description Pagination cursor (the `cursor` of the previous response). */
            after?: string;
            status?: components["schemas"]["OrderStatusFilter"];
        };
        /** @description Wallet-signed request body of `POST /v1/oauth/orders/create`. */
        OAuthCreateOrderRequest: {
            /** @description Address of the wallet that signed the request. */
            signer: string;
            /** @description Address of the Predict account the connection is for. */
            account: string;
            /** @description The wallet signature over the request. */
            signature: string;
            data: components["schemas"]["OAuthCreateOrderData"];
        };
        OAuthCreateOrderData: {
            timestamp: components["schemas"]["OAuthTimestamp"];
            /** @description The price per share, as a numeric string. */
            pricePerShare: string;
            strategy: components["schemas"]["OrderStrategy"];
            /** @description Allowed slippage in basis points, as a non-empty numeric string. */
            slippageBps?: string;
            isFillOrKill?: boolean;
            selfTradePrevention?: components["schemas"]["SelfTradePreventionStrategy"];
            isPostOnly?: boolean;
            reservedBalancePolicy?: components["schemas"]["ReservedBalancePolicy"];
            order: components["schemas"]["ContractOrder"];
        };
        /** @description Wallet-signed request body of `POST /v1/oauth/orders/cancel`. */
        OAuthCancelOrdersRequest: {
            /** @description Address of the wallet that signed the request. */
            signer: string;
            /** @description Address of the Predict account the connection is for. */
            account: string;
            /** @description The wallet signature over the request. */
            signature: string;
            data: components["schemas"]["OAuthCancelOrdersData"];
        };
        OAuthCancelOrdersData: {
            timestamp: components["schemas"]["OAuthTimestamp"];
            /** @description The IDs of the orders to cancel (max 100). */
            ids: string[];
        };
        /** @description Wallet-signed request body of `POST /v1/oauth/positions`. */
        OAuthPositionsRequest: {
            /** @description Address of the wallet that signed the request. */
            signer: string;
            /** @description Address of the Predict account the connection is for. */
            account: string;
            /** @description The wallet signature over the request. */
            signature: string;
            data: components["schemas"]["OAuthPositionsData"];
        };
        OAuthPositionsData: {
            timestamp: components["schemas"]["OAuthTimestamp"];
            /** @description Page size — a string that will be parsed into a number. */
            first?: string;
            /** @description Pagination cursor (the `cursor` of the previous response). */
            after?: string;
        };
        /** @description Response of `POST /v1/oauth/finalize`. */
        OAuthFinalizeResponse: {
            success: boolean;
            data: components["schemas"]["AuthTokenData"];
        };
        /** @description Response of `POST /v1/oauth/orders`. */
        OAuthOrdersResponse: {
            success: boolean;
            /** @description Cursor for the next page; pass it as `data.after`. */
            cursor?: string;
            data: components["schemas"]["OrderData"][];
        };
        /** @description Response of `POST /v1/oauth/orders/create`. */
        OAuthCreateOrderResponse: {
            success: boolean;
            data: components["schemas"]["CreateOrderResult"];
        };
        CreateOrderResult: {
            code: string;
            orderId: string;
            orderHash: string;
        };
        /** @description Response of `POST /v1/oauth/orders/cancel`. */
        OAuthCancelOrdersResponse: {
            success: boolean;
        };
        /** @description Response of `POST /v1/oauth/positions`. */
        OAuthPositionsResponse: {
            success: boolean;
            /** @description Cursor for the next page; pass it as `data.after`. */
            cursor?: string;
            data: components["schemas"]["PositionData"][];
        };
        /**
         * @description The order as signed for the exchange contract. Numeric values are decimal strings, except
         *     `expiration` (int64 Unix seconds), `side` and `signatureType` (int32). The dev.predict.fun example
         *     shows `expiration` as a string; the newer official embedded spec defines it as an integer, which is
         *     followed here.
         */
        ContractOrder: {
            /** @description The order hash (0x-prefixed 32-byte hex). */
            hash?: string;
            salt: string;
            maker: string;
            signer: string;
            taker: string;
            tokenId: string;
            makerAmount: string;
            takerAmount: string;
            /**
             * Format: int64
             * @description Unix timestamp in seconds.
             */
            expiration: number;
            nonce: string;
            feeRateBps: string;
            /** Format: int32 */
            side: number;
            /** Format: int32 */
            signatureType: number;
            signature?: string;
        };
        /** @description An order as returned by the API. */
        OrderData: {
            order: components["schemas"]["ContractOrder"];
            id: string;
            /** Format: int64 */
            marketId: number;
            currency: string;
            amount: string;
            amountFilled: string;
            isNegRisk: boolean;
            isYieldBearing: boolean;
            strategy: components["schemas"]["OrderStrategy"];
            status: components["schemas"]["OrderStatus"];
            /** Format: int32 */
            rewardEarningRate: number;
        };
        /**
         * @description Order execution strategy.
         * @enum {string}
         */
        OrderStrategy: "MARKET" | "LIMIT";
        /**
         * @description Order status.
         * @enum {string}
         */
        OrderStatus: "OPEN" | "FILLED" | "EXPIRED" | "CANCELLED" | "INVALIDATED";
        /**
         * @description Order status filter for queries.
         * @enum {string}
         */
        OrderStatusFilter: "OPEN" | "FILLED";
        /**
         * @description Self-trade prevention strategy.
         * @enum {string}
         */
        SelfTradePreventionStrategy: "CANCEL_MAKER" | "CANCEL_TAKER" | "CANCEL_BOTH";
        /**
         * @description Reserved balance policy.
         * @enum {string}
         */
        ReservedBalancePolicy: "REJECT_MARKET_ORDER" | "SKIP_RESERVED_BALANCE_CHECKS";
        /** @description A position of the connected account. */
        PositionData: {
            id: string;
            market: components["schemas"]["Market"];
            outcome: components["schemas"]["Outcome"];
            /** @description Number of shares, as a bigint string. */
            amount: string;
            valueUsd: string;
            averageBuyPriceUsd: string;
            pnlUsd: string;
        };
        /** @description Full market data as returned by the API (fields as in the official embedded spec). */
        Market: {
            /** Format: int64 */
            id: number;
            imageUrl: string;
            title: string;
            question: string;
            description: string;
            tradingStatus: components["schemas"]["MarketTradingStatus"];
            status: components["schemas"]["MarketStatus"];
            isVisible: boolean;
            isNegRisk: boolean;
            isYieldBearing: boolean;
            /** Format: int32 */
            feeRateBps: number;
            resolution?: components["schemas"]["Outcome"];
            oracleQuestionId: string;
            conditionId: string;
            resolverAddress: string;
            outcomes: components["schemas"]["Outcome"][];
            /** Format: int32 */
            questionIndex?: number;
            /** Format: double */
            spreadThreshold: number;
            /** Format: int32 */
            shareThreshold: number;
            isBoosted: boolean;
            boostStartsAt?: string;
            boostEndsAt?: string;
            polymarketConditionIds: string[];
            kalshiMarketTicker?: string;
            categorySlug: string;
            createdAt: string;
            /** Format: int32 */
            decimalPrecision: number;
            marketVariant: components["schemas"]["MarketVariant"];
            variantData?: components["schemas"]["VariantData"];
            /** @description Set when this entire market is about a single team (SportsMatch team-win markets). */
            team?: components["schemas"]["Team"];
            /**
             * @description Classification of the individual market's prediction mechanic. Null for markets created before
             *     this field was introduced.
             */
            marketType?: components["schemas"]["MarketType"] | null;
            rewards: components["schemas"]["MarketRewards"];
        };
        /**
         * @description Trading status derived from market visibility and deletion state.
         * @enum {string}
         */
        MarketTradingStatus: "OPEN" | "MATCHING_NOT_ENABLED" | "CANCEL_ONLY" | "CLOSED";
        /**
         * @description Market lifecycle state, from registration through resolution. `REMOVED` is a synthetic status for
         *     markets that have been withdrawn.
         * @enum {string}
         */
        MarketStatus: "REGISTERED" | "PRICE_PROPOSED" | "PRICE_DISPUTED" | "PAUSED" | "UNPAUSED" | "RESOLVED" | "REMOVED";
        /**
         * @description Market template type; controls the UI layout and trading mechanics of a category.
         * @enum {string}
         */
        MarketVariant: "DEFAULT" | "SPORTS_MATCH" | "CRYPTO_UP_DOWN" | "TWEET_COUNT" | "SPORTS_TEAM_MATCH" | "SPORTS_NBA" | "SPORTS_FIFA_WORLD_CUP" | "SPORTS_EXACT_SCORE" | "SPORTS_HALFTIME_RESULT" | "SPORTS_PROPS";
        /**
         * @description What kind of prediction an individual market represents.
         * @enum {string}
         */
        MarketType: "SPORTS_MONEYLINE" | "SPORTS_SPREADS" | "SPORTS_TOTALS" | "SPORTS_BOTH_TEAMS_TO_SCORE";
        /** @description Reward schedule for a market. */
        MarketRewards: {
            /** @description Active period at request time, or `null` if no rewards are accruing. */
            current?: components["schemas"]["RewardPeriod"] | null;
            /** @description Full schedule of past and future reward periods for this market. */
            schedule: components["schemas"]["RewardPeriod"][];
        };
        /** @description A span during which a market accrues rewards at a fixed hourly rate. */
        RewardPeriod: {
            /**
             * Format: int32
             * @description Reward points earned per hour while this period is active.
             */
            hourlyRate: number;
            startsAt: string;
            endsAt: string;
        };
        /** @description An outcome of a market. */
        Outcome: {
            name: string;
            /** Format: int32 */
            indexSet: number;
            /** @description The outcome token ID, as a bigint string. */
            onChainId: string;
            status?: components["schemas"]["OutcomeStatus"];
            /** @description Best bid; `null` for resolved outcomes or when the side is empty. */
            bestBid?: components["schemas"]["PriceLevel"] | null;
            /** @description Best ask; `null` for resolved outcomes or when the side is empty. */
            bestAsk?: components["schemas"]["PriceLevel"] | null;
            /**
             * @description Deprecated in favour of outcome-level `variantData`. Set when this outcome represents a
             *     specific team (SportsTeamMatch).
             */
            team?: components["schemas"]["Team"];
            variantData?: components["schemas"]["OutcomeVariantData"];
        };
        /**
         * @description Resolution status of a market outcome.
         * @enum {string}
         */
        OutcomeStatus: "WON" | "LOST";
        PriceLevel: {
            /**
             * Format: double
             * @description Price, in [0.0, 1.0].
             */
            price: number;
            /** Format: double */
            size: number;
        };
        /** @description Sports team identity. */
        Team: {
            /** Format: int64 */
            id: number;
            name: string;
            abbreviation: string;
            alias?: string;
            league: string;
        };
        /** @description Variant-specific market metadata, discriminated by `type`. */
        VariantData: components["schemas"]["CryptoUpDownVariantData"] | components["schemas"]["TweetCountVariantData"] | components["schemas"]["SportsNbaVariantData"] | components["schemas"]["SportsFifaWorldCupVariantData"] | components["schemas"]["SportsPropsMarketData"];
        /** @description Variant data for CRYPTO_UP_DOWN markets. */
        CryptoUpDownVariantData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CRYPTO_UP_DOWN";
            priceFeedProvider: components["schemas"]["PriceFeedProvider"];
            /**
             * Format: double
             * @description Starting price; `null` before market start.
             */
            startPrice?: number | null;
            /**
             * Format: double
             * @description Ending price; `null` if not yet resolved.
             */
            endPrice?: number | null;
            /** @description Oracle price feed identifier. */
            priceFeedId?: string;
            /** @description Price feed symbol (for example `BTCUSDT` for Binance, `BTC_USD` for Pyth). */
            priceFeedSymbol?: string;
        };
        /**
         * @description Provider of the price feed backing a crypto market.
         * @enum {string}
         */
        PriceFeedProvider: "PYTH" | "BINANCE" | "CHAINLINK";
        /** @description Variant data for TWEET_COUNT markets. */
        TweetCountVariantData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "TWEET_COUNT";
            /** @description X (Twitter) account username being tracked. */
            xAccountUsername: string;
            /**
             * Format: int64
             * @description Current count of tweets within the category date range.
             */
            tweetCount: number;
        };
        /** @description Variant data for SPORTS_NBA categories. */
        SportsNbaVariantData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SPORTS_NBA";
            provider: components["schemas"]["SportsDataProvider"];
            /** @description `null` when the category has no linked game yet. */
            providerEventId?: string | null;
            teams: components["schemas"]["SportsEventTeam"][];
        };
        /** @description Variant data for SPORTS_FIFA_WORLD_CUP categories. */
        SportsFifaWorldCupVariantData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SPORTS_FIFA_WORLD_CUP";
            provider: components["schemas"]["SportsDataProvider"];
            /** @description `null` when the category has no linked game yet. */
            providerEventId?: string | null;
            teams: components["schemas"]["SportsEventTeam"][];
        };
        /**
         * @description Per-market data for SPORTS_PROPS prop markets: `spreadSide` is set for spread markets, `line` for
         *     totals markets.
         */
        SportsPropsMarketData: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SPORTS_PROPS";
            spreadSide?: components["schemas"]["TeamSide"];
            /**
             * Format: double
             * @description The line value for a totals market.
             */
            line?: number;
        };
        /**
         * @description Which side of a sports match a team plays on.
         * @enum {string}
         */
        TeamSide: "HOME" | "AWAY";
        /**
         * @description Sports data provider.
         * @enum {string}
         */
        SportsDataProvider: "PREDICT_SPORTS";
        /** @description A sports data provider team as exposed in variant data. */
        SportsEventTeam: {
            /**
             * Format: int64
             * @description Team identifier.
             */
            id: number;
            name?: string;
            /** @description Team key abbreviation (for example `MIN`); `null` when not available. */
            abbreviation?: string | null;
            /** @description The team identifier used by the sports data provider; `null` when no game is linked. */
            providerTeamId?: string | null;
        };
        /**
         * @description Outcome-level variant data for sports markets where the outcome maps to a team, discriminated by
         *     `type`.
         */
        OutcomeVariantData: {
            /** @enum {string} */
            type: "SPORTS_NBA" | "SPORTS_FIFA_WORLD_CUP";
            provider: components["schemas"]["SportsDataProvider"];
            team: components["schemas"]["SportsEventTeam"];
        };
    };
    responses: {
        /** @description Bad request (400) — invalid input or parameters. `error` is the granular bad-request code. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 400,
                 *       "error": "invalid_cursor",
                 *       "message": "Invalid cursor",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z",
                 *       "trace": "4bf92f3577b34da6a3ce929d0e0e4736"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Bad request (400) — the order was rejected. `error` is the granular `create_order_*` code. */
        CreateOrderBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 400,
                 *       "error": "create_order_expiry_too_soon",
                 *       "message": "Order expiration is too soon",
                 *       "timestamp": "2025-12-11T01:42:00.105226Z",
                 *       "trace": "7a3d1c9e25f04b8db1e06f4c2a9d8e13"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Unauthorized (401) — missing or invalid authentication. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 401,
                 *       "error": "unauthorized",
                 *       "message": "Unauthorized",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Forbidden (403) — valid authentication but insufficient permissions. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 403,
                 *       "error": "forbidden",
                 *       "message": "Forbidden",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Not found (404) — the resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 404,
                 *       "error": "not_found",
                 *       "message": "Not found",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Gone (410) — the resource has been permanently removed. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 410,
                 *       "error": "gone",
                 *       "message": "Gone",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Too many requests (429) — rate limit exceeded. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 429,
                 *       "error": "too_many_requests",
                 *       "message": "Too many requests",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Internal server error (500) — unexpected error. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 500,
                 *       "error": "internal_server_error",
                 *       "message": "Internal server error",
                 *       "timestamp": "2026-05-29T06:57:20.187315888Z",
                 *       "trace": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Bad gateway (502) — upstream API error. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 502,
                 *       "error": "bad_gateway",
                 *       "message": "Bad gateway",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Service unavailable (503) — upstream API unreachable. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "code": 503,
                 *       "error": "service_unavailable",
                 *       "message": "Service unavailable",
                 *       "timestamp": "2025-12-11T01:41:00.482913Z"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAuthMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message to sign. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "message": "Sign in to predict.fun\n\nNonce: 6f1e2d9a4c7b3e58"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthMessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    authenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "signature": "0xbdf49c3c3882102fc017ffb661108c63a836d065888a4093994398cc55c2ea2fba51a79fda397eb38ef9ee4135efc3d727d8f1e068c6e9a651714fe95fc5fa251b",
                 *       "message": "Sign in to predict.fun\n\nNonce: 6f1e2d9a4c7b3e58"
                 *     }
                 */
                "application/json": components["schemas"]["AuthRequest"];
            };
        };
        responses: {
            /** @description A JWT for authenticated requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIweDhCYTFmMTA5NTUxYkQ0MzI4MDMwMTI2NDVBYzEzNmRkZDY0REJBNzIiLCJpYXQiOjE3NjU0MTcyMDB9.q5m3Jx0Qe7n2WbV4rZt8yK1cHfA6sLpD9uGoE3iNvTw"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    finalizeOAuthConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *       "signature": "0xa383bcb77c832a8ff52caace0f4efa8f1639b56b3ad5e32df3c35e8e2ca88f92cd96d994aef0bc3058650fdb7a9b0b33cd91b6236cf26d021d7d3c79db1cf3de1b",
                 *       "data": {
                 *         "timestamp": 1765417200,
                 *         "clientId": "acme-trading-app",
                 *         "authCode": "a3f9c2e1b7d84f60"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OAuthFinalizeRequest"];
            };
        };
        responses: {
            /** @description The OAuth connection is finalized; `data.token` authenticates the connection's requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIweDcxQzc2NTZFQzdhYjg4YjA5OGRlZkI3NTFCNzQwMUI1ZjZkODk3NkYiLCJpYXQiOjE3NjU0MTcyMDB9.Xk2rT0b8WqZ1mN4cV7sLpE3hYdA9uGfJ6oKiR5tBwQe"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthFinalizeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOAuthOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *       "signature": "0x55df18d062878fb6d3f4a6d1928fd19c1b49d5f8b90fbfcc76d5e1b1b2b75ef88ea2983fc027023561c46a150429b1c006c37206f7b678d9a299c49dbc375b231b",
                 *       "data": {
                 *         "timestamp": 1765417260,
                 *         "first": "20",
                 *         "status": "OPEN"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OAuthOrdersRequest"];
            };
        };
        responses: {
            /** @description A page of orders. `cursor` is present when more results are available. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "cursor": "eyJpZCI6Ijg4MjE0NTkzIn0=",
                     *       "data": [
                     *         {
                     *           "id": "88214593",
                     *           "marketId": 4127,
                     *           "currency": "USDT",
                     *           "amount": "1000000000000000000",
                     *           "amountFilled": "0",
                     *           "isNegRisk": false,
                     *           "isYieldBearing": true,
                     *           "strategy": "LIMIT",
                     *           "status": "OPEN",
                     *           "rewardEarningRate": 0,
                     *           "order": {
                     *             "hash": "0xd04b98f48e8f8bcc15c6ae5ac050801cd6dcfd428fb5f9e65c4e16e7807340fa",
                     *             "salt": "4761283912",
                     *             "maker": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                     *             "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                     *             "taker": "0x0000000000000000000000000000000000000000",
                     *             "tokenId": "51938913127016535870372735891253698302183617400582396815284768283460342815522",
                     *             "makerAmount": "550000000000000000",
                     *             "takerAmount": "1000000000000000000",
                     *             "expiration": 1765503600,
                     *             "nonce": "0",
                     *             "feeRateBps": "200",
                     *             "side": 0,
                     *             "signatureType": 0,
                     *             "signature": "0x0eebfab22558089d0eadb518c6701c9be575b2d6a4ac51582515d5a684dcf7f08aa5e2cf2cdb62922233acccab47ba2aab583749712ab738154b1011c51f90131b"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthOrdersResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOAuthOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *       "signature": "0xfa8847b0c33183273f5945508b31c3208a9e4ece58ca47233a05628d8dba37992b01afd4a3f555bcaca3904a1bd7dd58fbc9dce450236bf103091033f3c288911b",
                 *       "data": {
                 *         "timestamp": 1765417320,
                 *         "pricePerShare": "550000000000000000",
                 *         "strategy": "LIMIT",
                 *         "isPostOnly": false,
                 *         "selfTradePrevention": "CANCEL_MAKER",
                 *         "order": {
                 *           "hash": "0xd04b98f48e8f8bcc15c6ae5ac050801cd6dcfd428fb5f9e65c4e16e7807340fa",
                 *           "salt": "4761283912",
                 *           "maker": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *           "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *           "taker": "0x0000000000000000000000000000000000000000",
                 *           "tokenId": "51938913127016535870372735891253698302183617400582396815284768283460342815522",
                 *           "makerAmount": "550000000000000000",
                 *           "takerAmount": "1000000000000000000",
                 *           "expiration": 1765503600,
                 *           "nonce": "0",
                 *           "feeRateBps": "200",
                 *           "side": 0,
                 *           "signatureType": 0,
                 *           "signature": "0x0eebfab22558089d0eadb518c6701c9be575b2d6a4ac51582515d5a684dcf7f08aa5e2cf2cdb62922233acccab47ba2aab583749712ab738154b1011c51f90131b"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OAuthCreateOrderRequest"];
            };
        };
        responses: {
            /** @description The order was accepted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": {
                     *         "code": "OK",
                     *         "orderId": "88214593",
                     *         "orderHash": "0xd04b98f48e8f8bcc15c6ae5ac050801cd6dcfd428fb5f9e65c4e16e7807340fa"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthCreateOrderResponse"];
                };
            };
            400: components["responses"]["CreateOrderBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelOAuthOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *       "signature": "0x2374d91794b79f4fb4ec9587d2cf00aecc4f9953fab3ed1dd12ab147a0b721f90477aad95039e891d7d303edb26c3d66608ca8d993381466184c87966c856d421b",
                 *       "data": {
                 *         "timestamp": 1765417380,
                 *         "ids": [
                 *           "88214593",
                 *           "88214617"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OAuthCancelOrdersRequest"];
            };
        };
        responses: {
            /** @description The cancellation was accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthCancelOrdersResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOAuthPositions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signer": "0x8Ba1f109551bD432803012645Ac136ddd64DBA72",
                 *       "account": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
                 *       "signature": "0x7160f8688035138fcbc9a6c8041949ebea0c0d21a1b1d063f839f38d5c2be8f9f70f083eda11e9cfc596506fff54acfbad416580d8be2820e8afeb87dc7a1d501b",
                 *       "data": {
                 *         "timestamp": 1765417440,
                 *         "first": "10"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OAuthPositionsRequest"];
            };
        };
        responses: {
            /** @description A page of positions. `cursor` is present when more results are available. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "data": [
                     *         {
                     *           "id": "0x71c7656ec7ab88b098defb751b7401b5f6d8976f-4127-1",
                     *           "amount": "25000000000000000000",
                     *           "valueUsd": "13.75",
                     *           "averageBuyPriceUsd": "0.52",
                     *           "pnlUsd": "0.75",
                     *           "outcome": {
                     *             "name": "Yes",
                     *             "indexSet": 1,
                     *             "onChainId": "51938913127016535870372735891253698302183617400582396815284768283460342815522",
                     *             "bestBid": {
                     *               "price": 0.54,
                     *               "size": 1200
                     *             },
                     *             "bestAsk": {
                     *               "price": 0.56,
                     *               "size": 800
                     *             }
                     *           },
                     *           "market": {
                     *             "id": 4127,
                     *             "imageUrl": "https://predict.fun/images/markets/btc-100k.png",
                     *             "title": "BTC above $100k on Dec 31?",
                     *             "question": "Will the price of Bitcoin be above $100,000 on December 31, 2025?",
                     *             "description": "Resolves YES if the Binance BTC/USDT 1-minute candle close at 23:59 UTC on December 31, 2025 is above $100,000.",
                     *             "tradingStatus": "OPEN",
                     *             "status": "REGISTERED",
                     *             "isVisible": true,
                     *             "isNegRisk": false,
                     *             "isYieldBearing": true,
                     *             "feeRateBps": 200,
                     *             "oracleQuestionId": "0xadabc4229a0adf1286d4218ee26620270ff1edcfc1df58ed77b4e85a58786e1c",
                     *             "conditionId": "0x0ab2dd2f64c9fd4e4310cfbb82556f0596060583dec1a7ab2d178603c3eb61d0",
                     *             "resolverAddress": "0x2F5e3684cb1F318ec51b00Edba38d79Ac2c0aA9d",
                     *             "outcomes": [
                     *               {
                     *                 "name": "Yes",
                     *                 "indexSet": 1,
                     *                 "onChainId": "51938913127016535870372735891253698302183617400582396815284768283460342815522"
                     *               },
                     *               {
                     *                 "name": "No",
                     *                 "indexSet": 2,
                     *                 "onChainId": "20394756201399164958130486127308574630109918257735028764316504128871642906384"
                     *               }
                     *             ],
                     *             "spreadThreshold": 0.06,
                     *             "shareThreshold": 100,
                     *             "isBoosted": false,
                     *             "polymarketConditionIds": [],
                     *             "categorySlug": "btc-above-100k-dec-31",
                     *             "createdAt": "2025-11-20T14:03:11.482Z",
                     *             "decimalPrecision": 2,
                     *             "marketVariant": "DEFAULT",
                     *             "rewards": {
                     *               "current": null,
                     *               "schedule": [
                     *                 {
                     *                   "hourlyRate": 50,
                     *                   "startsAt": "2025-11-21T00:00:00Z",
                     *                   "endsAt": "2025-11-28T00:00:00Z"
                     *                 }
                     *               ]
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthPositionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
