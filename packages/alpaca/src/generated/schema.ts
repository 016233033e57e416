// Generated from specs/alpaca.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

export interface paths {
    "/v1/oauth/clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an OAuth client
         * @description Returns the details of an OAuth client, to display on the authorization page.
         *
         *     `response_type`, `redirect_uri` and `scope` are sent as **query parameters**. The old docs show them as a
         *     JSON "Sample Request" body, but a GET carries no body; Alpaca's OpenAPI document declares them as query
         *     parameters (all optional), which this spec follows. The 2022 docs markdown marks them required.
         *
         *     `client_id` is typed `string` with format `uuid` in Alpaca's OpenAPI document, but its own example value
         *     `7a3c52a910e1dc2abbb14da2b6b8e711` is 32 hexadecimal characters, not a UUID. Client IDs therefore carry no
         *     `uuid` format here.
         *
         *     Error bodies are plain strings, not JSON.
         */
        get: operations["getOAuthClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an OAuth token
         * @description Issues an OAuth access token for an end-user account on behalf of an OAuth client. The body is JSON.
         *
         *     `scope` is documented as "string/numeric" in the old docs and the 2022 markdown, while Alpaca's OpenAPI
         *     document types it `string`; this spec accepts what the docs say, a string or a number.
         *
         *     All three response fields are required, as in Alpaca's OpenAPI document and current reference; note that
         *     the old docs' sample response omits `scope`.
         *
         *     Not idempotent: each successful call issues a new token. Error bodies are plain strings, not JSON.
         */
        post: operations["issueOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorize an OAuth token
         * @description Authorizes an OAuth client for an end-user account and returns an authorization code to exchange for a
         *     token. Takes the same JSON body as issuing a token.
         *
         *     `scope` is documented as "string/numeric" in the old docs and the 2022 markdown, while Alpaca's OpenAPI
         *     document types it `string`; this spec accepts what the docs say, a string or a number.
         *
         *     Not idempotent: each successful call issues a new code. Error bodies are plain strings, not JSON.
         */
        post: operations["authorizeOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/token/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete (revoke) an OAuth token
         * @description Revokes an OAuth token; responds 204 No Content.
         *
         *     **Unconfirmed.** Only the older docs show this endpoint (the 2022-06 docs markdown, "Delete a Token",
         *     `DELETE /v1/oauth/token/{token_id}`). It is in no OpenAPI document found (neither Alpaca's 2022 OpenAPI
         *     documents nor the current reference, which lists only get client, issue and authorize), and an even older
         *     docs variant (`alpacahq/bkdocs`) names `DELETE /v1/oauth/authorize` instead.
         *
         *     The docs list no error statuses for it. The 401 response is inferred: HTTP Basic applies to the whole
         *     Broker API, and the body mirrors the plain-string 401 of the other OAuth endpoints.
         */
        delete: operations["deleteOAuthToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an Alpaca Connect authorization code for an access token
         * @description Exchanges the temporary authorization code (received on the redirect from
         *     `https://app.alpaca.markets/oauth/authorize`) for an access token. The body is
         *     `application/x-www-form-urlencoded`; the client credentials travel in the body, so the request carries no
         *     HTTP authentication. The host `https://api.alpaca.markets` serves every environment: the same token works
         *     on the live and paper Trading API.
         *
         *     The response has no refresh token and no `expires_in`. `token_type` is not restricted to one case: the
         *     Connect guide's example returns lowercase `bearer` while other Alpaca documents write `Bearer` (OAuth 2.0
         *     token types are case-insensitive).
         *
         *     Alpaca documents no error statuses or error body for this endpoint. The 400 and 401 responses use the
         *     OAuth 2.0 error response of RFC 6749 section 5.2, which the endpoint claims to follow ("as defined in RFC").
         *
         *     Not idempotent: an authorization code can be exchanged once.
         */
        post: operations["exchangeConnectAuthorizationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth2/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a Broker API access token (client credentials)
         * @description Issues an OAuth 2.0 client-credentials access token for the Broker API, sent afterwards as
         *     `Authorization: Bearer <token>` instead of HTTP Basic. The token is valid for **15 minutes**
         *     (`expires_in` 900); request a new one when it expires.
         *
         *     The client authenticates in the form body, either with `client_secret` (`client_secret_post`;
         *     `client_secret_basic`, i.e. credentials in an `Authorization: Basic` header, is **not** supported) or with
         *     a signed JWT (`private_key_jwt`: `client_assertion_type` plus `client_assertion`). The request therefore
         *     carries no HTTP authentication.
         *
         *     Hosts are from Alpaca's authentication guide. The path `/v1/oauth2/token`, the request fields and the
         *     response and error schemas are taken from `alpaca-authx-client-rs`, a client generated from Alpaca's
         *     Authentication API OpenAPI document (base `https://authx.alpaca.markets/v1`, `POST /oauth2/token`). That
         *     document gives the error body as a default response; the 400 and 401 statuses follow RFC 6749 section 5.2.
         *
         *     Not idempotent: each call issues a new token.
         */
        post: operations["issueClientCredentialsToken"];
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
        /** @description Plain-text error message; Alpaca's Broker OAuth endpoints send errors as bare strings. */
        PlainTextError: string;
        /**
         * @description An OAuth client as shown on the authorization page. Alpaca's OpenAPI document names this schema
         *     `OathClientResponse` and marks no field required.
         */
        OAuthClient: {
            /** @description OAuth client ID. */
            client_id?: string;
            /** @description Name of the client (the broker's name). */
            name?: string;
            /** @description Description of the client. */
            description?: string;
            /** @description URL of the client. */
            url?: string;
            /** @description URL of the terms of use (may be empty). */
            terms_of_use?: string;
            /** @description URL of the privacy policy (may be empty). */
            privacy_policy?: string;
            /**
             * @description Status of the client.
             * @enum {string}
             */
            status?: "ACTIVE" | "DISABLED";
            /** @description Redirect URIs registered for the client. */
            redirect_uri?: string[];
            /** @description Whether the client is approved for live trading. */
            live_trading_approved?: boolean;
        };
        /**
         * @description Scopes requested by the OAuth flow. The docs type it "string/numeric"; Alpaca's OpenAPI document says
         *     `string`. Either is accepted.
         */
        OAuthScope: string | number;
        /** @description Body of issuing or authorizing a Broker API OAuth token. */
        OAuthTokenRequest: {
            /** @description OAuth client ID. */
            client_id: string;
            /** @description OAuth client secret. */
            client_secret: string;
            /** @description Redirect URI of the OAuth flow. */
            redirect_uri: string;
            scope: components["schemas"]["OAuthScope"];
            /**
             * Format: uuid
             * @description ID of the end user's account.
             */
            account_id: string;
        };
        /** @description An issued Broker API OAuth token. */
        IssueOAuthTokenResponse: {
            /** @description OAuth access token. */
            access_token: string;
            /**
             * @description Token type; always `Bearer`.
             * @enum {string}
             */
            token_type: "Bearer";
            /** @description Scopes of the token (absent from the old docs' sample response). */
            scope: string;
        };
        /** @description An authorization code issued for an end-user account. */
        AuthorizeOAuthTokenResponse: {
            /** @description OAuth code to exchange for a token. */
            code: string;
            /** @description OAuth client ID. */
            client_id: string;
            /** @description Redirect URI of the OAuth flow. */
            redirect_uri: string;
            /** @description Granted scopes (may be empty). */
            scope: string;
        };
        /** @description Alpaca Connect authorization-code token request. */
        ConnectTokenRequest: {
            /**
             * @description Must be `authorization_code`.
             * @enum {string}
             */
            grant_type: "authorization_code";
            /** @description The temporary authorization code received on the redirect. */
            code: string;
            /** @description The client ID received when registering the application. */
            client_id: string;
            /** @description The client secret received when registering the application. */
            client_secret: string;
            /** @description The redirect URI used in the authorization request. */
            redirect_uri: string;
        };
        /**
         * @description Alpaca Connect access token. Alpaca's OpenAPI document marks no field required; `access_token` and
         *     `token_type` are required by RFC 6749 section 5.1.
         */
        ConnectTokenResponse: {
            /** @description The access token, sent as `Authorization: Bearer <token>` to the Trading API. */
            access_token: string;
            /** @description Token type, `bearer` in the Connect guide's example and `Bearer` elsewhere; compare case-insensitively. */
            token_type: string;
            /** @description Granted scopes, space-delimited (for example `account:write trading data`). */
            scope?: string;
        };
        /**
         * @description OAuth 2.0 error response as defined by RFC 6749 section 5.2. Alpaca documents no error body for the Alpaca
         *     Connect token endpoint; this is the RFC's shape.
         */
        OAuthErrorResponse: {
            /**
             * @description Error code; RFC 6749 defines `invalid_request`, `invalid_client`, `invalid_grant`,
             *     `unauthorized_client`, `unsupported_grant_type` and `invalid_scope`.
             */
            error: string;
            /** @description Human-readable explanation. */
            error_description?: string;
            /** @description URI of a page describing the error. */
            error_uri?: string;
        };
        /**
         * @description Client-credentials token request. Authenticate with `client_secret` (`client_secret_post`) or with
         *     `client_assertion_type` plus `client_assertion` (`private_key_jwt`); send exactly one of the two.
         */
        ClientCredentialsTokenRequest: {
            /**
             * @description Must be `client_credentials`.
             * @enum {string}
             */
            grant_type: "client_credentials";
            /** @description The broker's OAuth client ID. */
            client_id: string;
            /** @description The client secret (`client_secret_post`). */
            client_secret?: string;
            /**
             * @description Assertion type for `private_key_jwt`.
             * @enum {string}
             */
            client_assertion_type?: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            /** @description JWT signed with the client's private key (`private_key_jwt`). */
            client_assertion?: string;
        };
        /** @description Broker API access token. */
        ClientCredentialsTokenResponse: {
            /** @description Access token, sent as `Authorization: Bearer <token>` to the Broker API. */
            access_token: string;
            /** @description Seconds until the token expires (15 minutes, 900). */
            expires_in: number;
            /**
             * @description Always `Bearer`.
             * @enum {string}
             */
            token_type: "Bearer";
        };
        /**
         * @description Error code of the authx token service.
         * @enum {string}
         */
        ClientCredentialsErrorCode: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "access_denied" | "unsupported_response_type" | "unsupported_response_mode" | "invalid_request_uri" | "invalid_request_object" | "consent_required" | "interaction_required" | "login_required" | "request_unauthorized" | "request_forbidden" | "server_error" | "temporarily_unavailable" | "not_found" | "invalid_state" | "misconfiguration" | "insufficient_entropy" | "invalid_token" | "token_signature_mismatch" | "scope_not_granted" | "token_claim" | "token_inactive" | "request_not_supported" | "request_uri_not_supported" | "jti_known" | "quota_exceeded" | "unknown_error";
        /** @description An invalid request field. */
        ClientCredentialsErrorField: {
            /** @description Name of the request field. */
            name: string;
        };
        /** @description Error body of the authx token service. */
        ClientCredentialsErrorResponse: {
            error: components["schemas"]["ClientCredentialsErrorCode"];
            /** @description Invalid request fields, if any. */
            fields?: components["schemas"]["ClientCredentialsErrorField"][];
        };
    };
    responses: {
        /** @description The client does not exist, you do not have access to the client, or `client_secret` is incorrect. */
        ClientUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example Client does not exist, or you do not have access to the client, or client_secret is incorrect */
                "text/plain": components["schemas"]["PlainTextError"];
            };
        };
        /** @description The redirect URI or scope is invalid. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example Redirect URI or scope is invalid */
                "text/plain": components["schemas"]["PlainTextError"];
            };
        };
        /** @description A server error occurred; contact Alpaca. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example Some server error occurred. Please contact Alpaca. */
                "text/plain": components["schemas"]["PlainTextError"];
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
    getOAuthClient: {
        parameters: {
            query?: {
                /**
                 * @description Response type of the OAuth flow.
                 * @example token
                 */
                response_type?: "code" | "token";
                /**
                 * @description Redirect URI of the OAuth flow.
                 * @example http://localhost
                 */
                redirect_uri?: string;
                /**
                 * @description Scopes requested by the OAuth flow.
                 * @example general
                 */
                scope?: string;
            };
            header?: never;
            path: {
                /**
                 * @description OAuth client ID (32 hexadecimal characters in Alpaca's examples).
                 * @example 7a3c52a910e1dc2abbb14da2b6b8e711
                 */
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OAuth client. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client_id": "7a3c52a910e1dc2abbb14da2b6b8e711",
                     *       "name": "TradingApp",
                     *       "description": "Sample description",
                     *       "url": "http://test.com",
                     *       "terms_of_use": "",
                     *       "privacy_policy": "",
                     *       "status": "ACTIVE",
                     *       "redirect_uri": [
                     *         "http://localhost"
                     *       ],
                     *       "live_trading_approved": false
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthClient"];
                };
            };
            /** @description The client does not exist, or you do not have access to the client. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example Client does not exist, or you do not have access to the client */
                    "text/plain": components["schemas"]["PlainTextError"];
                };
            };
            500: components["responses"]["InternalServerError"];
        };
    };
    issueOAuthToken: {
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
                 *       "client_id": "7a3c52a910e1dc2abbb14da2b6b8e711",
                 *       "client_secret": "5b8f1e0c9a3d47e2b6f4c1d8a0e9b7c3",
                 *       "redirect_uri": "http://localhost",
                 *       "scope": "general",
                 *       "account_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthTokenRequest"];
            };
        };
        responses: {
            /** @description The issued OAuth token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "87586f14-c3f4-4912-b107-f75bc17ff87a",
                     *       "token_type": "Bearer",
                     *       "scope": "general"
                     *     }
                     */
                    "application/json": components["schemas"]["IssueOAuthTokenResponse"];
                };
            };
            401: components["responses"]["ClientUnauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
        };
    };
    authorizeOAuthToken: {
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
                 *       "client_id": "7a3c52a910e1dc2abbb14da2b6b8e711",
                 *       "client_secret": "5b8f1e0c9a3d47e2b6f4c1d8a0e9b7c3",
                 *       "redirect_uri": "http://localhost",
                 *       "scope": "general",
                 *       "account_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthTokenRequest"];
            };
        };
        responses: {
            /** @description The authorization code. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "912b5502-c983-40f7-a01d-6a66f13a754d",
                     *       "client_id": "7a3c52a910e1dc2abbb14da2b6b8e711",
                     *       "redirect_uri": "http://localhost",
                     *       "scope": ""
                     *     }
                     */
                    "application/json": components["schemas"]["AuthorizeOAuthTokenResponse"];
                };
            };
            401: components["responses"]["ClientUnauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The token to revoke.
                 * @example 87586f14-c3f4-4912-b107-f75bc17ff87a
                 */
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token was revoked successfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["ClientUnauthorized"];
        };
    };
    exchangeConnectAuthorizationCode: {
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
                 *       "grant_type": "authorization_code",
                 *       "code": "8b2b4a1f-9e3c-4d6a-b5f7-2c1e0d9a8b7c",
                 *       "client_id": "7a3c52a910e1dc2abbb14da2b6b8e711",
                 *       "client_secret": "5b8f1e0c9a3d47e2b6f4c1d8a0e9b7c3",
                 *       "redirect_uri": "https://example.com/oauth/callback"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["ConnectTokenRequest"];
            };
        };
        responses: {
            /** @description The access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "79500537-5796-4230-9661-7f7108877c60",
                     *       "token_type": "bearer",
                     *       "scope": "account:write trading"
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectTokenResponse"];
                };
            };
            /**
             * @description The request is invalid (for example an expired or already used code, or a redirect URI that does not
             *     match). Body shape per RFC 6749 section 5.2; Alpaca documents none.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_grant",
                     *       "error_description": "The authorization code is invalid or has expired."
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
            /**
             * @description Client authentication failed (unknown client or wrong client secret). Body shape per RFC 6749
             *     section 5.2; Alpaca documents none.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_client",
                     *       "error_description": "Client authentication failed."
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
        };
    };
    issueClientCredentialsToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["ClientCredentialsTokenRequest"];
            };
        };
        responses: {
            /** @description The access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzZjJjOGUxYS01YjdkLTRjOWUtYTFmMC02ZDhiMmU0YzdhMTkiLCJleHAiOjE3NjM4MDcyOTB9.c2lnbmF0dXJl",
                     *       "expires_in": 900,
                     *       "token_type": "Bearer"
                     *     }
                     */
                    "application/json": components["schemas"]["ClientCredentialsTokenResponse"];
                };
            };
            /** @description The request is malformed or uses an unsupported grant type. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "fields": [
                     *         {
                     *           "name": "grant_type"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ClientCredentialsErrorResponse"];
                };
            };
            /** @description Client authentication failed (unknown client, wrong secret or invalid assertion). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_client"
                     *     }
                     */
                    "application/json": components["schemas"]["ClientCredentialsErrorResponse"];
                };
            };
        };
    };
}
