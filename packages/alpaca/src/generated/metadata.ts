// Generated from specs/alpaca.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

import type { ApiMetadata } from "@oauth-kit/auth";

export const metadata = {
  "spec": "specs/alpaca.yaml",
  "servers": {
    "sandbox": "https://broker-api.sandbox.alpaca.markets",
    "production": "https://broker-api.alpaca.markets"
  },
  "securitySchemes": {
    "BasicAuth": {
      "type": "http",
      "scheme": "basic"
    }
  },
  "operations": {
    "GET /v1/oauth/clients/{client_id}": {
      "operationId": "getOAuthClient",
      "method": "GET",
      "path": "/v1/oauth/clients/{client_id}",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": true
    },
    "POST /v1/oauth/token": {
      "operationId": "issueOAuthToken",
      "method": "POST",
      "path": "/v1/oauth/token",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "422": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/authorize": {
      "operationId": "authorizeOAuthToken",
      "method": "POST",
      "path": "/v1/oauth/authorize",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "422": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": false
    },
    "DELETE /v1/oauth/token/{token_id}": {
      "operationId": "deleteOAuthToken",
      "method": "DELETE",
      "path": "/v1/oauth/token/{token_id}",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "204": [],
        "401": [
          "text/plain"
        ]
      },
      "retrySafe": true
    },
    "POST /oauth/token": {
      "operationId": "exchangeConnectAuthorizationCode",
      "method": "POST",
      "path": "/oauth/token",
      "servers": {
        "sandbox": "https://api.alpaca.markets",
        "production": "https://api.alpaca.markets"
      },
      "security": [],
      "requestMediaTypes": [
        "application/x-www-form-urlencoded"
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
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth2/token": {
      "operationId": "issueClientCredentialsToken",
      "method": "POST",
      "path": "/v1/oauth2/token",
      "servers": {
        "sandbox": "https://authx.sandbox.alpaca.markets",
        "production": "https://authx.alpaca.markets"
      },
      "security": [],
      "requestMediaTypes": [
        "application/x-www-form-urlencoded"
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
        ]
      },
      "retrySafe": false
    }
  }
} as const satisfies ApiMetadata;
