// Generated from specs/predict.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

import type { ApiMetadata } from "@oauth-kit/auth";

export const metadata = {
  "spec": "specs/predict.yaml",
  "servers": {
    "mainnet": "https://api.predict.fun",
    "testnet": "https://api-testnet.predict.fun"
  },
  "securitySchemes": {
    "ApiKeyAuth": {
      "type": "apiKey",
      "in": "header",
      "name": "x-api-key"
    },
    "BearerAuth": {
      "type": "http",
      "scheme": "bearer"
    }
  },
  "operations": {
    "GET /v1/auth/message": {
      "operationId": "getAuthMessage",
      "method": "GET",
      "path": "/v1/auth/message",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ],
        []
      ],
      "requestMediaTypes": [],
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /v1/auth": {
      "operationId": "authenticate",
      "method": "POST",
      "path": "/v1/auth",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ],
        []
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/finalize": {
      "operationId": "finalizeOAuthConnection",
      "method": "POST",
      "path": "/v1/oauth/finalize",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth"
        ],
        []
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/orders": {
      "operationId": "getOAuthOrders",
      "method": "POST",
      "path": "/v1/oauth/orders",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth",
          "BearerAuth"
        ],
        [
          "ApiKeyAuth"
        ],
        [
          "BearerAuth"
        ],
        []
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /v1/oauth/orders/create": {
      "operationId": "createOAuthOrder",
      "method": "POST",
      "path": "/v1/oauth/orders/create",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth",
          "BearerAuth"
        ],
        [
          "ApiKeyAuth"
        ],
        [
          "BearerAuth"
        ],
        []
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "201": [
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/orders/cancel": {
      "operationId": "cancelOAuthOrders",
      "method": "POST",
      "path": "/v1/oauth/orders/cancel",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth",
          "BearerAuth"
        ],
        [
          "ApiKeyAuth"
        ],
        [
          "BearerAuth"
        ],
        []
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/positions": {
      "operationId": "getOAuthPositions",
      "method": "POST",
      "path": "/v1/oauth/positions",
      "servers": null,
      "security": [
        [
          "ApiKeyAuth",
          "BearerAuth"
        ],
        [
          "ApiKeyAuth"
        ],
        [
          "BearerAuth"
        ],
        []
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
        "410": [
          "application/json"
        ],
        "429": [
          "application/json"
        ],
        "500": [
          "application/json"
        ],
        "502": [
          "application/json"
        ],
        "503": [
          "application/json"
        ]
      },
      "retrySafe": true
    }
  }
} as const satisfies ApiMetadata;
