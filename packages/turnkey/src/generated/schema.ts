// Generated from specs/turnkey.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

export interface paths {
    "/public/v1/submit/oauth2_authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OAuth 2.0 authentication
         * @description Exchanges an OAuth 2.0 authorization code (authorization-code + PKCE flow) with the provider of the
         *     given OAuth 2.0 credential, calls the provider's who-am-I endpoint and returns a short-lived OIDC token
         *     issued by Turnkey (`activity.result.oauth2AuthenticateResult.oidcToken`), to be used with
         *     `oauthLogin`.
         *
         *     **Conflict resolved:** the docs page (seed) describes `nonce` as "an optional nonce", while the
         *     official Swagger marks `codeVerifier` **and** `nonce` required and describes `nonce` as
         *     `sha256(publicKey)`, binding the OIDC token to the key that will log in. This spec follows the
         *     Swagger (newest official source): both are required. The docs page's response example nests
         *     `result.activity`; the Swagger schema (followed here) returns `activity.result.oauth2AuthenticateResult`.
         */
        post: operations["oauth2Authenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/create_oauth2_credential": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an OAuth 2.0 credential
         * @description Enables authentication for end users with an OAuth 2.0-only provider (X or Discord) by storing your
         *     app's client ID and client secret. The secret must be encrypted to Turnkey's TLS Fetcher quorum key
         *     before it is sent. The new credential's ID is in `activity.result.createOauth2CredentialResult`.
         */
        post: operations["createOauth2Credential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/update_oauth2_credential": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update an OAuth 2.0 credential
         * @description Replaces the provider, client ID and encrypted client secret of an existing OAuth 2.0 credential.
         *     All four parameters are required. The updated credential's ID is in
         *     `activity.result.updateOauth2CredentialResult`.
         */
        post: operations["updateOauth2Credential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/delete_oauth2_credential": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete an OAuth 2.0 credential
         * @description Deletes an OAuth 2.0 credential. The deleted credential's ID is in
         *     `activity.result.deleteOauth2CredentialResult`.
         */
        post: operations["deleteOauth2Credential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Oauth
         * @description Authenticates a user with an OIDC token and creates an API key for them whose private key is
         *     returned HPKE-encrypted to `targetPublicKey` (`activity.result.oauthResult.credentialBundle`).
         *     `expirationSeconds` is a string of decimal seconds; it defaults to 15 minutes.
         */
        post: operations["oauth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/oauth_login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login with Oauth
         * @description Creates an OAuth session for a user from an OIDC token: `publicKey` (the client-side session key,
         *     compressed P-256 hex) is added to the user if the token is valid, and a signed session JWT is
         *     returned in `activity.result.oauthLoginResult.session`. For OAuth 2.0-only providers use the token
         *     returned by `oauth2Authenticate`, whose `nonce` must be `sha256(publicKey)`.
         *     `expirationSeconds` is a string of decimal seconds; it defaults to 15 minutes.
         */
        post: operations["oauthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/create_oauth_providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Oauth providers
         * @description Links OAuth (OIDC) providers to a user. Each provider is given either an `oidcToken` or its
         *     `oidcClaims` (`iss`, `sub`, `aud`). The endpoint takes the `ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2`
         *     type (the Swagger's only accepted value); the result is `activity.result.createOauthProvidersResultV2`.
         */
        post: operations["createOauthProviders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/submit/delete_oauth_providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete Oauth providers
         * @description Removes OAuth providers from a user. The removed provider IDs are in
         *     `activity.result.deleteOauthProvidersResult`.
         */
        post: operations["deleteOauthProviders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/query/get_activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get activity
         * @description Returns an activity by ID. Used to poll an activity submitted with one of the `/public/v1/submit/*`
         *     operations until its status is terminal (`ACTIVITY_STATUS_COMPLETED`, `ACTIVITY_STATUS_FAILED` or
         *     `ACTIVITY_STATUS_REJECTED`). Read-only, so safe to retry.
         */
        post: operations["getActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/query/get_oauth2_credential": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get OAuth 2.0 credential
         * @description Returns one OAuth 2.0 credential of an organization. Read-only, so safe to retry.
         */
        post: operations["getOauth2Credential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/query/list_oauth2_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List OAuth 2.0 credentials
         * @description Lists all OAuth 2.0 credentials within an organization. Read-only, so safe to retry.
         */
        post: operations["listOauth2Credentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/query/get_oauth_providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get Oauth providers
         * @description Returns the OAuth providers linked to a user (or, without `userId`, to the organization's users).
         *     Read-only, so safe to retry.
         */
        post: operations["getOauthProviders"];
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
        /** @description Unique identifier for a given Organization (a UUID). */
        OrganizationId: string;
        /** @description Timestamp (in milliseconds since the Unix epoch, as a decimal string) of the request, used to verify liveness of user requests. */
        TimestampMs: string;
        /** @description Enable to have the activity generate and return App Proofs (`activity.appProofs`), enabling verifiability. */
        GenerateAppProofs: boolean;
        /** @description Expiration window in seconds, as a decimal string. If not provided, a default of 15 minutes is used. */
        ExpirationSeconds: string;
        /** @description A point in time as seconds and nanoseconds since the Unix epoch, both encoded as decimal strings. */
        Timestamp: {
            /** @description Whole seconds since the Unix epoch. */
            seconds: string;
            /** @description Nanoseconds within the second. */
            nanos: string;
        };
        /**
         * @description Error body (gRPC `google.rpc.Status` as rendered by gRPC-gateway; `rpcStatus` in the Swagger). Also
         *     used for `activity.failure`. `code` is the gRPC status code (3 invalid argument, 5 not found,
         *     7 permission denied, 8 resource exhausted, 13 internal, 16 unauthenticated).
         */
        Status: {
            /**
             * Format: int32
             * @description gRPC status code.
             */
            code?: number;
            /** @description Human-readable error message. */
            message?: string;
            /** @description Additional error details. */
            details?: components["schemas"]["StatusDetail"][];
        };
        /** @description A `google.protobuf.Any` detail message; the fields besides `@type` depend on the type. */
        StatusDetail: {
            /** @description Type URL of the detail message. */
            "@type"?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The processing status of an activity. `COMPLETED`, `FAILED` and `REJECTED` are terminal; poll `getActivity` while it is in any other status.
         * @enum {string}
         */
        ActivityStatus: "ACTIVITY_STATUS_CREATED" | "ACTIVITY_STATUS_PENDING" | "ACTIVITY_STATUS_COMPLETED" | "ACTIVITY_STATUS_FAILED" | "ACTIVITY_STATUS_CONSENSUS_NEEDED" | "ACTIVITY_STATUS_REJECTED" | "ACTIVITY_STATUS_AUTHENTICATORS_NEEDED";
        /** @description Response of every activity submission and of `getActivity`. */
        ActivityResponse: {
            activity: components["schemas"]["Activity"];
        };
        /** @description An action taken within Turnkey, with the intent it was created from and, once completed, its result. */
        Activity: {
            /** @description Unique identifier for a given Activity object. */
            id: string;
            organizationId: components["schemas"]["OrganizationId"];
            status: components["schemas"]["ActivityStatus"];
            /**
             * @description Type of the activity, e.g. `ACTIVITY_TYPE_OAUTH2_AUTHENTICATE`. Kept as a plain string: `getActivity`
             *     can return any of Turnkey's activity types, not only the ones described here.
             */
            type: string;
            intent: components["schemas"]["ActivityIntent"];
            result: components["schemas"]["ActivityResult"];
            /** @description A list of objects representing a particular User's approval or rejection of a Consensus request, including all relevant metadata. */
            votes: components["schemas"]["Vote"][];
            /** @description App Proofs generated by enclaves during activity execution (present when `generateAppProofs` was set). */
            appProofs?: components["schemas"]["AppProof"][];
            /** @description An artifact verifying a User's action; used to approve or reject the activity. */
            fingerprint: string;
            /** @description Whether the caller can approve the activity. */
            canApprove: boolean;
            /** @description Whether the caller can reject the activity. */
            canReject: boolean;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            failure?: components["schemas"]["Status"];
        };
        /**
         * @description The intent Turnkey built from the request, keyed by intent name. Exactly one key is present; only the
         *     intents of the activities in this document are described.
         */
        ActivityIntent: {
            oauth2AuthenticateIntent?: components["schemas"]["Oauth2AuthenticateIntent"];
            createOauth2CredentialIntent?: components["schemas"]["CreateOauth2CredentialIntent"];
            updateOauth2CredentialIntent?: components["schemas"]["UpdateOauth2CredentialIntent"];
            deleteOauth2CredentialIntent?: components["schemas"]["DeleteOauth2CredentialIntent"];
            oauthIntent?: components["schemas"]["OauthIntent"];
            oauthLoginIntent?: components["schemas"]["OauthLoginIntent"];
            createOauthProvidersIntentV2?: components["schemas"]["CreateOauthProvidersIntentV2"];
            deleteOauthProvidersIntent?: components["schemas"]["DeleteOauthProvidersIntent"];
        };
        /**
         * @description The result of the activity, keyed by result name. Empty until the activity is completed; only the
         *     results of the activities in this document are described.
         */
        ActivityResult: {
            oauth2AuthenticateResult?: components["schemas"]["Oauth2AuthenticateResult"];
            createOauth2CredentialResult?: components["schemas"]["CreateOauth2CredentialResult"];
            updateOauth2CredentialResult?: components["schemas"]["UpdateOauth2CredentialResult"];
            deleteOauth2CredentialResult?: components["schemas"]["DeleteOauth2CredentialResult"];
            oauthResult?: components["schemas"]["OauthResult"];
            oauthLoginResult?: components["schemas"]["OauthLoginResult"];
            createOauthProvidersResultV2?: components["schemas"]["CreateOauthProvidersResultV2"];
            deleteOauthProvidersResult?: components["schemas"]["DeleteOauthProvidersResult"];
        };
        /** @description A User's approval or rejection of an activity. */
        Vote: {
            /** @description Unique identifier for a given Vote object. */
            id: string;
            /** @description Unique identifier for a given User. */
            userId: string;
            /**
             * @description The voting User (Swagger `v1User`: `userId`, `userName`, `userEmail`, `authenticators`, `apiKeys`,
             *     `userTags`, `oauthProviders`, `mfaPolicies`, `createdAt`, `updatedAt`, ...). Not modelled in detail here.
             */
            user: {
                [key: string]: unknown;
            };
            /** @description Unique identifier for a given Activity object. */
            activityId: string;
            /**
             * @description Whether the User approved or rejected the activity.
             * @enum {string}
             */
            selection: "VOTE_SELECTION_APPROVED" | "VOTE_SELECTION_REJECTED";
            /** @description The raw message being signed within a Vote. */
            message: string;
            /** @description The public component of the key pair used to sign the vote. */
            publicKey: string;
            /** @description The signature applied to a particular vote. */
            signature: string;
            /** @description Method used to produce the signature, e.g. `SIGNATURE_SCHEME_TK_API_P256`. */
            scheme: string;
            createdAt: components["schemas"]["Timestamp"];
        };
        /** @description A verifiable attestation of an operation performed by a Turnkey enclave. */
        AppProof: {
            /**
             * @description Scheme of the signing key.
             * @enum {string}
             */
            scheme: "SIGNATURE_SCHEME_EPHEMERAL_KEY_P256";
            /** @description Ephemeral public key. */
            publicKey: string;
            /** @description JSON-serialized AppProofPayload. */
            proofPayload: string;
            /** @description Signature over the hashed `proofPayload`. */
            signature: string;
        };
        /**
         * @description An OAuth 2.0-only provider supported by Turnkey.
         * @enum {string}
         */
        Oauth2Provider: "OAUTH2_PROVIDER_X" | "OAUTH2_PROVIDER_DISCORD";
        /** @description An OAuth 2.0 credential of an organization. */
        Oauth2Credential: {
            /** @description Unique identifier for a given OAuth 2.0 Credential. */
            oauth2CredentialId: string;
            organizationId: components["schemas"]["OrganizationId"];
            provider: components["schemas"]["Oauth2Provider"];
            /** @description The client id for a given OAuth 2.0 Credential. */
            clientId: string;
            /** @description The client secret for a given OAuth 2.0 Credential, encrypted to the TLS Fetcher quorum key. */
            encryptedClientSecret: string;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        CreateOauth2CredentialIntent: {
            provider: components["schemas"]["Oauth2Provider"];
            /** @description The Client ID issued by the OAuth 2.0 provider. */
            clientId: string;
            /** @description The client secret issued by the OAuth 2.0 provider, encrypted to the TLS Fetcher quorum key. */
            encryptedClientSecret: string;
        };
        /** @description Activity envelope of `createOauth2Credential`. */
        CreateOauth2CredentialRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["CreateOauth2CredentialIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        CreateOauth2CredentialResult: {
            /** @description Unique identifier of the OAuth 2.0 credential that was created. */
            oauth2CredentialId: string;
        };
        UpdateOauth2CredentialIntent: {
            /** @description The ID of the OAuth 2.0 credential to update. */
            oauth2CredentialId: string;
            provider: components["schemas"]["Oauth2Provider"];
            /** @description The Client ID issued by the OAuth 2.0 provider. */
            clientId: string;
            /** @description The client secret issued by the OAuth 2.0 provider, encrypted to the TLS Fetcher quorum key. */
            encryptedClientSecret: string;
        };
        /** @description Activity envelope of `updateOauth2Credential`. */
        UpdateOauth2CredentialRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["UpdateOauth2CredentialIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        UpdateOauth2CredentialResult: {
            /** @description Unique identifier of the OAuth 2.0 credential that was updated. */
            oauth2CredentialId: string;
        };
        DeleteOauth2CredentialIntent: {
            /** @description The ID of the OAuth 2.0 credential to delete. */
            oauth2CredentialId: string;
        };
        /** @description Activity envelope of `deleteOauth2Credential`. */
        DeleteOauth2CredentialRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["DeleteOauth2CredentialIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        DeleteOauth2CredentialResult: {
            /** @description Unique identifier of the OAuth 2.0 credential that was deleted. */
            oauth2CredentialId: string;
        };
        GetOauth2CredentialRequest: {
            organizationId: components["schemas"]["OrganizationId"];
            /** @description Unique identifier for a given OAuth 2.0 Credential. */
            oauth2CredentialId: string;
        };
        GetOauth2CredentialResponse: {
            oauth2Credential: components["schemas"]["Oauth2Credential"];
        };
        ListOauth2CredentialsRequest: {
            organizationId: components["schemas"]["OrganizationId"];
        };
        ListOauth2CredentialsResponse: {
            oauth2Credentials: components["schemas"]["Oauth2Credential"][];
        };
        Oauth2AuthenticateIntent: {
            /** @description The OAuth 2.0 credential id whose client_id and client_secret will be used in the OAuth 2.0 flow. */
            oauth2CredentialId: string;
            /** @description The auth_code provided by the OAuth 2.0 provider to the end user to be exchanged for a Bearer token in the OAuth 2.0 flow. */
            authCode: string;
            /** @description The URI the user is redirected to after they have authenticated with the OAuth 2.0 provider. */
            redirectUri: string;
            /** @description The PKCE code verifier used by OAuth 2.0 PKCE providers. */
            codeVerifier: string;
            /**
             * @description A nonce value set to `sha256(publicKey)` (hex), binding the OIDC token to a specific public key.
             *     Required per the official Swagger; the docs page describes it as optional.
             */
            nonce: string;
            /** @description An optional P-256 public key to which, if provided, the provider's bearer token is encrypted and returned via the `encrypted_bearer_token` claim of the OIDC token. */
            bearerTokenTargetPublicKey?: string;
        };
        /** @description Activity envelope of `oauth2Authenticate`. */
        Oauth2AuthenticateRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["Oauth2AuthenticateIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        Oauth2AuthenticateResult: {
            /** @description Base64-encoded OIDC token issued by Turnkey, to be used with the `oauthLogin` activity. */
            oidcToken: string;
        };
        OauthIntent: {
            /** @description Base64-encoded OIDC token. */
            oidcToken: string;
            /** @description Client-side public key generated by the user, to which the oauth bundle (credentials) will be encrypted. */
            targetPublicKey: string;
            /** @description Optional human-readable name for the API key. Defaults to `Oauth - <Timestamp>`. */
            apiKeyName?: string;
            expirationSeconds?: components["schemas"]["ExpirationSeconds"];
            /** @description Invalidate all other previously generated Oauth API keys. */
            invalidateExisting?: boolean;
        };
        /** @description Activity envelope of `oauth`. */
        OauthRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_OAUTH";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["OauthIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        OauthResult: {
            /** @description Unique identifier for the authenticating User. */
            userId: string;
            /** @description Unique identifier for the created API key. */
            apiKeyId: string;
            /** @description HPKE-encrypted credential bundle (the new API key's private key, encrypted to `targetPublicKey`). */
            credentialBundle: string;
        };
        OauthLoginIntent: {
            /** @description Base64-encoded OIDC token. */
            oidcToken: string;
            /** @description Client-side public key generated by the user, which will be conditionally added to org data based on the validity of the OIDC token associated with this request. */
            publicKey: string;
            expirationSeconds?: components["schemas"]["ExpirationSeconds"];
            /** @description Invalidate all other previously generated Login API keys. */
            invalidateExisting?: boolean;
            /** @description Optional session profile ID selecting the Session Profile for this login. Defaults to the read/write session. */
            sessionProfileId?: string;
        };
        /** @description Activity envelope of `oauthLogin`. */
        OauthLoginRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_OAUTH_LOGIN";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["OauthLoginIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        OauthLoginResult: {
            /** @description Signed JWT containing an expiry, public key, session type, user id, and organization id. */
            session: string;
        };
        /** @description OIDC claims uniquely identifying a user at an issuer. */
        OidcClaims: {
            /** @description The issuer identifier from the OIDC token (`iss` claim). */
            iss: string;
            /** @description The subject identifier from the OIDC token (`sub` claim). */
            sub: string;
            /** @description The audience from the OIDC token (`aud` claim). */
            aud: string;
        };
        /** @description An OAuth provider to link, given either as an OIDC token or as its OIDC claims. */
        OauthProviderParamsV2: {
            /** @description Human-readable name to identify a Provider. */
            providerName: string;
            /** @description Base64-encoded OIDC token. */
            oidcToken?: string;
            oidcClaims?: components["schemas"]["OidcClaims"];
        };
        CreateOauthProvidersIntentV2: {
            /** @description The ID of the User to add the OAuth providers to. */
            userId: string;
            /** @description A list of OAuth providers. */
            oauthProviders: components["schemas"]["OauthProviderParamsV2"][];
        };
        /** @description Activity envelope of `createOauthProviders`. */
        CreateOauthProvidersRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["CreateOauthProvidersIntentV2"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        CreateOauthProvidersResultV2: {
            /** @description Unique identifiers of the created OAuth providers. */
            providerIds: string[];
        };
        DeleteOauthProvidersIntent: {
            /** @description The ID of the User to remove the OAuth providers from. */
            userId: string;
            /** @description Unique identifiers of the OAuth providers to remove. */
            providerIds: string[];
        };
        /** @description Activity envelope of `deleteOauthProviders`. */
        DeleteOauthProvidersRequest: {
            /** @enum {string} */
            type: "ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS";
            timestampMs: components["schemas"]["TimestampMs"];
            organizationId: components["schemas"]["OrganizationId"];
            parameters: components["schemas"]["DeleteOauthProvidersIntent"];
            generateAppProofs?: components["schemas"]["GenerateAppProofs"];
        };
        DeleteOauthProvidersResult: {
            /** @description Unique identifiers of the removed OAuth providers. */
            providerIds: string[];
        };
        /** @description An OIDC identity linked to a user. */
        OauthProvider: {
            /** @description Unique identifier for an OAuth Provider. */
            providerId: string;
            /** @description Human-readable name to identify a Provider. */
            providerName: string;
            /** @description The issuer of the token, typically a URL indicating the authentication server, e.g. https://accounts.google.com. */
            issuer: string;
            /** @description Expected audience (`aud` claim of the signed token), which represents the app ID. */
            audience: string;
            /** @description Expected subject (`sub` claim of the signed token), which represents the user ID. */
            subject: string;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        GetOauthProvidersRequest: {
            organizationId: components["schemas"]["OrganizationId"];
            /** @description Unique identifier for a given user. */
            userId?: string;
        };
        GetOauthProvidersResponse: {
            /** @description A list of OAuth providers. */
            oauthProviders: components["schemas"]["OauthProvider"][];
        };
        GetActivityRequest: {
            organizationId: components["schemas"]["OrganizationId"];
            /** @description Unique identifier for a given activity object. */
            activityId: string;
        };
    };
    responses: {
        /**
         * @description Invalid request (gRPC `INVALID_ARGUMENT`, code 3): a malformed or missing parameter, a timestamp
         *     outside the accepted window, or a request targeting another organization than the signer's.
         *
         *     The official Swagger documents errors only as a `default` response with this `Status` body
         *     (gRPC-gateway style). The statuses listed on each operation are the ones Turnkey returns per its
         *     errors page (gRPC codes mapped to HTTP) and its rate-limits page (429).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 3,
                 *       "message": "organization mismatch: request is targeting organization (\"7bd1fbec-e9ee-4b33-abd1-137998866665\"), but voters are in organization (\"c1b8e4f2-6a3d-4d57-9e10-3f7a2b5c8d94\")",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
            };
        };
        /**
         * @description The stamp is missing or could not be verified (gRPC `UNAUTHENTICATED`, code 16): wrong key, a body
         *     that differs from the signed bytes, or an expired or unknown API key.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 16,
                 *       "message": "could not verify stamp: signature does not match request body",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
            };
        };
        /** @description The signer is not allowed to perform this request (gRPC `PERMISSION_DENIED`, code 7), for example denied by a policy or the IP allowlist. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 7,
                 *       "message": "permission denied: request is not allowed by the organization policies",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
            };
        };
        /** @description A referenced object (organization, activity, OAuth 2.0 credential, user or provider) does not exist (gRPC `NOT_FOUND`, code 5). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 5,
                 *       "message": "oauth2 credential not found: 247bf35d-a47b-4aee-a9d0-6a97886107fa",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
            };
        };
        /**
         * @description Rate limit exceeded (gRPC `RESOURCE_EXHAUSTED`, code 8). Limits are plan-dependent (10 requests per
         *     second per sub-organization by default) and apply to overlapping buckets (parent organization,
         *     sub-organization, endpoint, operation group) that refill continuously. Back off and retry.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 8,
                 *       "message": "rate limit exceeded",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
            };
        };
        /** @description Unexpected server error (gRPC `INTERNAL`, code 13). */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 13,
                 *       "message": "internal server error",
                 *       "details": []
                 *     }
                 */
                "application/json": components["schemas"]["Status"];
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
    oauth2Authenticate: {
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
                 *       "type": "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
                 *       "timestampMs": "1746736509954",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "oauth2CredentialId": "247bf35d-a47b-4aee-a9d0-6a97886107fa",
                 *         "authCode": "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dMOjE3NDY3MzY1MDQ3MzA6MToxOmFjOjE",
                 *         "redirectUri": "https://app.example.com/oauth/callback/x",
                 *         "codeVerifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                 *         "nonce": "f46835bc086f7120772958809fb49f6db9b5b34417242dcd3195819ee36526de",
                 *         "bearerTokenTargetPublicKey": "046cac91b869da50639c8673c3764e1e9a4157d3d61182cde1b03333f3bcf0020a140230a307259e9f35b70a5635014bd05a6ca739dc7f58686fa5b8615fe0a1fe"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Oauth2AuthenticateRequest"];
            };
        };
        responses: {
            /** @description The activity. When it is `ACTIVITY_STATUS_COMPLETED` the OIDC token is in `activity.result.oauth2AuthenticateResult`; otherwise poll `getActivity`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createOauth2Credential: {
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
                 *       "type": "ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL",
                 *       "timestampMs": "1746736209318",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "provider": "OAUTH2_PROVIDER_X",
                 *         "clientId": "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
                 *         "encryptedClientSecret": "9b793ae34fb67e73d5a4565ed480c715d18a245a5e53649eae9d27a40932ea006a777b1beaa15708ea1ac0659cc3d6b606d8edde337f1a083c3db3e91a308c4e2f86401d1767ba977546b0e5561a4e212e291f9a69b57542eb1fb3bc41bc890a29"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateOauth2CredentialRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the new credential's ID is in `activity.result.createOauth2CredentialResult`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    updateOauth2Credential: {
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
                 *       "type": "ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL",
                 *       "timestampMs": "1746822611047",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "oauth2CredentialId": "247bf35d-a47b-4aee-a9d0-6a97886107fa",
                 *         "provider": "OAUTH2_PROVIDER_X",
                 *         "clientId": "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
                 *         "encryptedClientSecret": "5f0e4d8c2a7b19e36d4c0a9f1b8e27d63c5a0f4e9b1d28c7a36e0f5d4b9c1a87e2f3064b5a9d1c8e7f20a3b6c4d95e1f8a07b2c6d3e94f1a5b80c7d2e6f39a4b18c5d0e7f2a96b3c41d8e5f07a2b9c6d31e4f8a05b7c2d9e63f1a4b80c57"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateOauth2CredentialRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the credential's ID is in `activity.result.updateOauth2CredentialResult`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOauth2Credential: {
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
                 *       "type": "ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL",
                 *       "timestampMs": "1746909013562",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "oauth2CredentialId": "fb54635e-909e-4e2d-bbd6-e45bc00f56cd"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DeleteOauth2CredentialRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the deleted credential's ID is in `activity.result.deleteOauth2CredentialResult`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    oauth: {
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
                 *       "type": "ACTIVITY_TYPE_OAUTH",
                 *       "timestampMs": "1746736512407",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "oidcToken": "eyJhbGciOiJSUzI1NiIsImtpZCI6ImE1MGY2ZTcwZWY0YjU0OGE1ZmQ5MTQyZWVjZDFmYjhmNTRkY2U5ZWUiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmdvb2dsZS5jb20iLCJhenAiOiI0MTI2NTE5Mzk0ODctOHBxbXAyZm4xcDJjZDVrZGh0dTZhaGo4cHBxdjhtZmIuYXBwcy5nb29nbGV1c2VyY29udGVudC5jb20iLCJhdWQiOiI0MTI2NTE5Mzk0ODctOHBxbXAyZm4xcDJjZDVrZGh0dTZhaGo4cHBxdjhtZmIuYXBwcy5nb29nbGV1c2VyY29udGVudC5jb20iLCJzdWIiOiIxMDg0MjMwMTk4NTQ4Nzc2MzI1NzEiLCJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSIsImVtYWlsX3ZlcmlmaWVkIjp0cnVlLCJub25jZSI6ImY0NjgzNWJjMDg2ZjcxMjA3NzI5NTg4MDlmYjQ5ZjZkYjliNWIzNDQxNzI0MmRjZDMxOTU4MTllZTM2NTI2ZGUiLCJpYXQiOjE3NDY3MzY0MDAsImV4cCI6MTc0Njc0MDAwMH0.q-d5PuA6E_M0Ba-BlH6qBYHnTIMNuJbkc5s4AN4f1yCh3aS-2h6ZBjuy9loXJ_JQZfW7cbIlm216d3N8bjW6l7002O17F3QICGTmkCHOkCPq36KDM7rWOv3rekTXi5ucCjlUz1e5vFnFZ93F1fahOzE7nlaz4-JarYur_qoIctK9TvvNSmZCz1Wwxe8YdAIEz0x1cgrUaQV4e1O3QOrC-fqwPwGg92pWpOSY2Fvj81nC2PxpPS0AsGJ2W6rjoysAiWvEEAtbChea8mXZ-LCZe1zKepXP1ImnvCZAsNk7rzDzst8h4BX4q87IBG0a4i_Ecrk94RXisonvKvx70MR2wQ",
                 *         "targetPublicKey": "0438cc85ea6a11df0b12d1da53488d2fefc5904d725e6d9bf8a1e70224243cd49d7da640eb69d14fbc35441103bd45d4a844ca64879facb46e3acb859ff567117c",
                 *         "apiKeyName": "Oauth - web login",
                 *         "expirationSeconds": "900",
                 *         "invalidateExisting": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OauthRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the user ID, API key ID and encrypted credential bundle are in `activity.result.oauthResult`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    oauthLogin: {
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
                 *       "type": "ACTIVITY_TYPE_OAUTH_LOGIN",
                 *       "timestampMs": "1746736512005",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "oidcToken": "eyJhbGciOiJSUzI1NiIsImtpZCI6ImMzZjFlMGIyYTlkODRmNmUiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2lzc3Vlci50dXJua2V5LmNvbSIsInN1YiI6Ing6MTQ1ODc2MTE5MDI5MTU3NDc4NCIsImF1ZCI6ImNISjVNMWR2VDBWeFZHMUJTV3g0ZFhkRFZuRTZNVHBqYVEiLCJub25jZSI6ImY0NjgzNWJjMDg2ZjcxMjA3NzI5NTg4MDlmYjQ5ZjZkYjliNWIzNDQxNzI0MmRjZDMxOTU4MTllZTM2NTI2ZGUiLCJpYXQiOjE3NDY3MzY1MTEsImV4cCI6MTc0NjczNjgxMX0.K2qwdn0OA9zQuUbWPC9mHipE-CYllNIByjTX4mXI8GR4n4LZJTRdAMjTOqZFIzI9k1G-IDh-Pc2qPNPaJy6Sy9n01L3yq2l1qSIymBCbHxI2frLtWEz8ki_2n1GTsO7q96Wyn7855cmAFeJNo32NptaVMhXonasEwUQXo9jvJl8HDSzfvCYIWGj2quxkpCOgU54pDRYES8B4K-xiE7nSxxkG0qhAVk6POyJtIs-5BHouRvhIdfowWtG1u-CX0tNXEgujbmRUrvy5Z88Sk7Nvjc2WxCU-1VWPdPJQo7aaaEOL4CQxGzu6S2a-nCzDes9hLt7gkE6M1GaskOpWFjCgog",
                 *         "publicKey": "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d",
                 *         "expirationSeconds": "900",
                 *         "invalidateExisting": false
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OauthLoginRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the session JWT is in `activity.result.oauthLoginResult.session`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createOauthProviders: {
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
                 *       "type": "ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2",
                 *       "timestampMs": "1746737102611",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "userId": "2e6e4504-550a-40bc-9ac6-c57978439a36",
                 *         "oauthProviders": [
                 *           {
                 *             "providerName": "Google",
                 *             "oidcClaims": {
                 *               "iss": "https://accounts.google.com",
                 *               "sub": "108423019854877632571",
                 *               "aud": "412651939487-8pqmp2fn1p2cd5kdhtu6ahj8ppqv8mfb.apps.googleusercontent.com"
                 *             }
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateOauthProvidersRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the new provider IDs are in `activity.result.createOauthProvidersResultV2`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOauthProviders: {
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
                 *       "type": "ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS",
                 *       "timestampMs": "1746823500274",
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "parameters": {
                 *         "userId": "2e6e4504-550a-40bc-9ac6-c57978439a36",
                 *         "providerIds": [
                 *           "88328726-7253-4469-b67a-ee34471f32ea"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DeleteOauthProvidersRequest"];
            };
        };
        responses: {
            /** @description The activity. When completed, the removed provider IDs are in `activity.result.deleteOauthProvidersResult`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getActivity: {
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
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "activityId": "916e4611-54bb-4f7b-9b2f-a5bc35555282"
                 *     }
                 */
                "application/json": components["schemas"]["GetActivityRequest"];
            };
        };
        responses: {
            /** @description The activity in its current state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getOauth2Credential: {
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
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "oauth2CredentialId": "247bf35d-a47b-4aee-a9d0-6a97886107fa"
                 *     }
                 */
                "application/json": components["schemas"]["GetOauth2CredentialRequest"];
            };
        };
        responses: {
            /** @description The credential. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "oauth2Credential": {
                     *         "oauth2CredentialId": "247bf35d-a47b-4aee-a9d0-6a97886107fa",
                     *         "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                     *         "provider": "OAUTH2_PROVIDER_X",
                     *         "clientId": "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
                     *         "encryptedClientSecret": "9b793ae34fb67e73d5a4565ed480c715d18a245a5e53649eae9d27a40932ea006a777b1beaa15708ea1ac0659cc3d6b606d8edde337f1a083c3db3e91a308c4e2f86401d1767ba977546b0e5561a4e212e291f9a69b57542eb1fb3bc41bc890a29",
                     *         "createdAt": {
                     *           "seconds": "1746736210",
                     *           "nanos": "157402000"
                     *         },
                     *         "updatedAt": {
                     *           "seconds": "1746736210",
                     *           "nanos": "157402000"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GetOauth2CredentialResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listOauth2Credentials: {
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
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665"
                 *     }
                 */
                "application/json": components["schemas"]["ListOauth2CredentialsRequest"];
            };
        };
        responses: {
            /** @description The organization's OAuth 2.0 credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "oauth2Credentials": [
                     *         {
                     *           "oauth2CredentialId": "247bf35d-a47b-4aee-a9d0-6a97886107fa",
                     *           "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                     *           "provider": "OAUTH2_PROVIDER_X",
                     *           "clientId": "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
                     *           "encryptedClientSecret": "9b793ae34fb67e73d5a4565ed480c715d18a245a5e53649eae9d27a40932ea006a777b1beaa15708ea1ac0659cc3d6b606d8edde337f1a083c3db3e91a308c4e2f86401d1767ba977546b0e5561a4e212e291f9a69b57542eb1fb3bc41bc890a29",
                     *           "createdAt": {
                     *             "seconds": "1746736210",
                     *             "nanos": "157402000"
                     *           },
                     *           "updatedAt": {
                     *             "seconds": "1746736210",
                     *             "nanos": "157402000"
                     *           }
                     *         },
                     *         {
                     *           "oauth2CredentialId": "fb54635e-909e-4e2d-bbd6-e45bc00f56cd",
                     *           "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                     *           "provider": "OAUTH2_PROVIDER_DISCORD",
                     *           "clientId": "1368204719536582676",
                     *           "encryptedClientSecret": "3e8d1a7c5b02f94e6a1d8c3b70f5e29a4d6c1b8e03f7a52d9c6e1b4a80f3d7c25e9a1b6d4c08f3e7a2d5b91c6e0f4a38d7b2c5e19f0a6d3b84c7e2f1a95d0b6c38e4f7a21d9c5b0e6f3a84d1c7b2e95f0a63d8c4b1e7f2a59d06c",
                     *           "createdAt": {
                     *             "seconds": "1745963088",
                     *             "nanos": "620931000"
                     *           },
                     *           "updatedAt": {
                     *             "seconds": "1745963088",
                     *             "nanos": "620931000"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListOauth2CredentialsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getOauthProviders: {
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
                 *       "organizationId": "7bd1fbec-e9ee-4b33-abd1-137998866665",
                 *       "userId": "2e6e4504-550a-40bc-9ac6-c57978439a36"
                 *     }
                 */
                "application/json": components["schemas"]["GetOauthProvidersRequest"];
            };
        };
        responses: {
            /** @description The OAuth providers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "oauthProviders": [
                     *         {
                     *           "providerId": "ca37fada-f62b-4d99-8ef3-a24850f9bef6",
                     *           "providerName": "Google",
                     *           "issuer": "https://accounts.google.com",
                     *           "audience": "412651939487-8pqmp2fn1p2cd5kdhtu6ahj8ppqv8mfb.apps.googleusercontent.com",
                     *           "subject": "108423019854877632571",
                     *           "createdAt": {
                     *             "seconds": "1746737103",
                     *             "nanos": "402916000"
                     *           },
                     *           "updatedAt": {
                     *             "seconds": "1746737103",
                     *             "nanos": "402916000"
                     *           }
                     *         },
                     *         {
                     *           "providerId": "88328726-7253-4469-b67a-ee34471f32ea",
                     *           "providerName": "X",
                     *           "issuer": "https://issuer.turnkey.com",
                     *           "audience": "cHJ5M1dvT0VxVG1BSWx4dXdDVnE6MTpjaQ",
                     *           "subject": "x:1458761190291574784",
                     *           "createdAt": {
                     *             "seconds": "1746736513",
                     *             "nanos": "301925000"
                     *           },
                     *           "updatedAt": {
                     *             "seconds": "1746736513",
                     *             "nanos": "301925000"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["GetOauthProvidersResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
