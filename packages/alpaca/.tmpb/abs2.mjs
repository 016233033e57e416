// src/client.ts
import { basic, createProviderClient } from "/work/main/packages/auth/dist/index.js";

// src/generated/metadata.ts
var metadata = {
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
};

// src/client.ts
function createAlpacaClient(options = {}) {
  const { credentials, ...rest } = options;
  return createProviderClient({
    ...rest,
    metadata,
    credentials: credentials ? { BasicAuth: basic(credentials.key, credentials.secret) } : {}
  });
}

// src/connect.ts
import {
  buildAuthorizeUrl,
  completeAuthorization,
  startAuthorization,
  tokenFromResult
} from "/work/main/packages/auth/dist/index.js";
var CONNECT_AUTHORIZE_URL = "https://app.alpaca.markets/oauth/authorize";
function buildConnectAuthorizeUrl(options) {
  return buildAuthorizeUrl({
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state: options.state,
    scope: options.scope,
    pkce: false
  });
}
function startConnectAuthorization(options) {
  return startAuthorization({
    provider: "alpaca",
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    scope: options.scope,
    pkce: false,
    store: options.store
  });
}
async function exchangeConnectCode(client, exchange) {
  const result = await client.POST("/oauth/token", {
    body: {
      grant_type: "authorization_code",
      code: exchange.code,
      client_id: exchange.clientId,
      client_secret: exchange.clientSecret,
      redirect_uri: exchange.redirectUri
    }
  });
  return tokenFromResult(result);
}
async function completeConnectAuthorization(client, options) {
  const { code, redirectUri } = await completeAuthorization(options.callbackUrl, { provider: "alpaca", store: options.store });
  return exchangeConnectCode(client, { code, redirectUri, clientId: options.clientId, clientSecret: options.clientSecret });
}

// src/client-credentials.ts
import { tokenFromResult as tokenFromResult2 } from "/work/main/packages/auth/dist/index.js";
async function issueClientCredentialsToken(client, credentials) {
  const result = await client.POST("/v1/oauth2/token", {
    body: { grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret }
  });
  return tokenFromResult2(result);
}

// src/index.ts
import {
  MemoryPendingStore,
  generateState
} from "/work/main/packages/auth/dist/index.js";
export {
  CONNECT_AUTHORIZE_URL,
  MemoryPendingStore,
  buildConnectAuthorizeUrl,
  completeConnectAuthorization,
  createAlpacaClient,
  exchangeConnectCode,
  generateState,
  issueClientCredentialsToken,
  metadata,
  startConnectAuthorization
};
//# sourceMappingURL=index.js.map
