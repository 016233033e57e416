// Generated from specs/turnkey.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

import type { ApiMetadata } from "@oauth-kit/auth";

export const metadata = {
  "spec": "specs/turnkey.yaml",
  "servers": {
    "production": "https://api.turnkey.com"
  },
  "securitySchemes": {
    "ApiKeyAuth": {
      "type": "apiKey",
      "in": "header",
      "name": "X-Stamp"
    }
  },
  "operations": {
    "POST /public/v1/submit/oauth2_authenticate": {
      "operationId": "oauth2Authenticate",
      "method": "POST",
      "path": "/public/v1/submit/oauth2_authenticate",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/create_oauth2_credential": {
      "operationId": "createOauth2Credential",
      "method": "POST",
      "path": "/public/v1/submit/create_oauth2_credential",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/update_oauth2_credential": {
      "operationId": "updateOauth2Credential",
      "method": "POST",
      "path": "/public/v1/submit/update_oauth2_credential",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/delete_oauth2_credential": {
      "operationId": "deleteOauth2Credential",
      "method": "POST",
      "path": "/public/v1/submit/delete_oauth2_credential",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/oauth": {
      "operationId": "oauth",
      "method": "POST",
      "path": "/public/v1/submit/oauth",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/oauth_login": {
      "operationId": "oauthLogin",
      "method": "POST",
      "path": "/public/v1/submit/oauth_login",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/create_oauth_providers": {
      "operationId": "createOauthProviders",
      "method": "POST",
      "path": "/public/v1/submit/create_oauth_providers",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/submit/delete_oauth_providers": {
      "operationId": "deleteOauthProviders",
      "method": "POST",
      "path": "/public/v1/submit/delete_oauth_providers",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /public/v1/query/get_activity": {
      "operationId": "getActivity",
      "method": "POST",
      "path": "/public/v1/query/get_activity",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /public/v1/query/get_oauth2_credential": {
      "operationId": "getOauth2Credential",
      "method": "POST",
      "path": "/public/v1/query/get_oauth2_credential",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /public/v1/query/list_oauth2_credentials": {
      "operationId": "listOauth2Credentials",
      "method": "POST",
      "path": "/public/v1/query/list_oauth2_credentials",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /public/v1/query/get_oauth_providers": {
      "operationId": "getOauthProviders",
      "method": "POST",
      "path": "/public/v1/query/get_oauth_providers",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ],
        "403": [
          "application/json"
        ],
        "404": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ]
      },
      "retrySafe": true
    }
  }
} as const satisfies ApiMetadata;
