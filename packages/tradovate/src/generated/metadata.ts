// Generated from specs/tradovate.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

import type { ApiMetadata } from "@oauth-kit/auth";

export const metadata = {
  "spec": "specs/tradovate.yaml",
  "servers": {
    "live": "https://live.tradovateapi.com/v1",
    "demo": "https://demo.tradovateapi.com/v1",
    "connect-demo": "https://demo-d.tradovateapi.com/v1"
  },
  "securitySchemes": {
    "bearerAccessToken": {
      "type": "http",
      "scheme": "bearer"
    }
  },
  "operations": {
    "POST /auth/oauthtoken": {
      "operationId": "oauthToken",
      "method": "POST",
      "path": "/auth/oauthtoken",
      "servers": null,
      "security": [],
      "requestMediaTypes": [
        "application/json",
        "application/x-www-form-urlencoded"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [],
        "401": [],
        "423": [],
        "429": []
      },
      "retrySafe": false
    },
    "POST /auth/accesstokenrequest": {
      "operationId": "accessTokenRequest",
      "method": "POST",
      "path": "/auth/accesstokenrequest",
      "servers": null,
      "security": [],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [],
        "401": [],
        "423": [],
        "429": []
      },
      "retrySafe": true
    },
    "GET /auth/renewaccesstoken": {
      "operationId": "renewAccessToken",
      "method": "GET",
      "path": "/auth/renewaccesstoken",
      "servers": null,
      "security": [
        [
          "bearerAccessToken"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [],
        "423": [],
        "429": []
      },
      "retrySafe": true
    },
    "GET /auth/me": {
      "operationId": "getMe",
      "method": "GET",
      "path": "/auth/me",
      "servers": null,
      "security": [
        [
          "bearerAccessToken"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [],
        "423": [],
        "429": []
      },
      "retrySafe": true
    }
  }
} as const satisfies ApiMetadata;
