// Generated from specs/openapi-com.yaml by `pnpm generate` (scripts/generate.mjs). Do not edit by hand:
// change the spec or the generator, then run `pnpm generate`.

import type { ApiMetadata } from "@oauth-kit/auth";

export const metadata = {
  "spec": "specs/openapi-com.yaml",
  "servers": {
    "production": "https://oauth.openapi.com",
    "sandbox": "https://test.oauth.openapi.com"
  },
  "securitySchemes": {
    "BasicAuth": {
      "type": "http",
      "scheme": "basic"
    },
    "RefreshAuth": {
      "type": "http",
      "scheme": "bearer"
    }
  },
  "operations": {
    "GET /tokens": {
      "operationId": "listTokens",
      "method": "GET",
      "path": "/tokens",
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
        "404": [
          "application/json"
        ],
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "POST /tokens": {
      "operationId": "createToken",
      "method": "POST",
      "path": "/tokens",
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
        "422": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "GET /tokens/{token}": {
      "operationId": "getToken",
      "method": "GET",
      "path": "/tokens/{token}",
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
        "404": [
          "application/json"
        ],
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "DELETE /tokens/{token}": {
      "operationId": "deleteToken",
      "method": "DELETE",
      "path": "/tokens/{token}",
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
        "400": [
          "application/json"
        ],
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "PATCH /tokens/{token}": {
      "operationId": "updateToken",
      "method": "PATCH",
      "path": "/tokens/{token}",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ],
        [
          "RefreshAuth"
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
        "404": [
          "application/json"
        ],
        "422": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "GET /scopes": {
      "operationId": "listScopes",
      "method": "GET",
      "path": "/scopes",
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
        "401": []
      },
      "retrySafe": true
    },
    "GET /scopes/{id}": {
      "operationId": "getScope",
      "method": "GET",
      "path": "/scopes/{id}",
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
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /wallet": {
      "operationId": "getWallet",
      "method": "GET",
      "path": "/wallet",
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
        "401": []
      },
      "retrySafe": true
    },
    "GET /wallet/transactions": {
      "operationId": "listWalletTransactions",
      "method": "GET",
      "path": "/wallet/transactions",
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
        "401": []
      },
      "retrySafe": true
    },
    "GET /stats": {
      "operationId": "getStats",
      "method": "GET",
      "path": "/stats",
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
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /stats/ips": {
      "operationId": "getStatsIps",
      "method": "GET",
      "path": "/stats/ips",
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
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /stats/apis": {
      "operationId": "getStatsApis",
      "method": "GET",
      "path": "/stats/apis",
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
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /stats/apis/{domain}": {
      "operationId": "getStatsApi",
      "method": "GET",
      "path": "/stats/apis/{domain}",
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
        "422": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /errors": {
      "operationId": "listErrors",
      "method": "GET",
      "path": "/errors",
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
        "400": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /callbacks": {
      "operationId": "listCallbacks",
      "method": "GET",
      "path": "/callbacks",
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
        "400": [
          "application/json"
        ],
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /callbacks/{id}": {
      "operationId": "getCallback",
      "method": "GET",
      "path": "/callbacks/{id}",
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
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /subscriptions": {
      "operationId": "listSubscriptions",
      "method": "GET",
      "path": "/subscriptions",
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
        "400": [
          "application/json"
        ],
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    },
    "GET /subscriptions/{id}": {
      "operationId": "getSubscription",
      "method": "GET",
      "path": "/subscriptions/{id}",
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
        "404": [
          "application/json"
        ]
      },
      "retrySafe": true
    }
  }
} as const satisfies ApiMetadata;
