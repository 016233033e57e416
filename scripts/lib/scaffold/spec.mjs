// specs/<name>.yaml: a skeleton that passes the strict lint (specs/README.md): servers with environments,
// security schemes for the chosen auth, one example operation (plus the token endpoint for bearer auth),
// examples on every body, response and parameter. Everything provider-specific is marked TODO(new-provider).

const schemes = {
  basic: `    BasicAuth:
      type: http
      scheme: basic
      description: HTTP Basic with the account's user name and password. # TODO(new-provider)`,
  "api-key": `    ApiKeyAuth:
      type: apiKey
      in: header
      name: x-api-key # TODO(new-provider): the header the provider reads
      description: The account's API key.`,
  bearer: `    BearerAuth:
      type: http
      scheme: bearer
      description: An OAuth access token from the token endpoint.`,
};

const schemeNames = { basic: "BasicAuth", "api-key": "ApiKeyAuth", bearer: "BearerAuth" };

const tokenEndpoint = (n) => `  /oauth/token:
    post:
      operationId: issueToken
      summary: Refresh an access token
      description: |
        The token endpoint (RFC 6749 §3.2), here with the refresh grant (§6). The client authenticates with
        \`client_id\` and \`client_secret\` in the body, so the operation declares no security scheme.
        TODO(new-provider): follow the provider's documents (Basic client authentication: declare it in \`security\`).
      tags: [OAuth]
      security: []
      externalDocs:
        url: https://docs.${n.name}.com/oauth/token # TODO(new-provider)
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              $ref: '#/components/schemas/RefreshTokenRequest'
            example:
              grant_type: refresh_token
              refresh_token: rt_8d1f0b6c2a9e4f37
              client_id: app_4f2c9e
              client_secret: cs_example_secret
      responses:
        '200':
          description: A new token set.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/TokenResponse'
              example:
                access_token: at_3e9a7c51b2d84f06
                token_type: Bearer
                expires_in: 3600
                refresh_token: rt_5b7e2d9f1c3a4e68
        '400':
          description: The grant or the client was rejected (RFC 6749 §5.2).
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/OAuthError'
              example:
                error: invalid_grant
                error_description: The refresh token is expired or revoked.
`;

const tokenSchemas = `    RefreshTokenRequest:
      type: object
      required: [grant_type, refresh_token, client_id]
      properties:
        grant_type:
          type: string
          enum: [refresh_token]
          description: Always \`refresh_token\`.
        refresh_token:
          type: string
          description: The refresh token from the last token response.
        client_id:
          type: string
          description: The application's client id.
        client_secret:
          type: string
          description: The application's client secret (confidential clients).
    TokenResponse:
      type: object
      required: [access_token, token_type]
      properties:
        access_token:
          type: string
          description: The access token.
        token_type:
          type: string
          description: Always \`Bearer\`.
        expires_in:
          type: integer
          description: Lifetime of the access token in seconds.
        refresh_token:
          type: string
          description: A new refresh token, when the provider rotates them.
    OAuthError:
      type: object
      required: [error]
      properties:
        error:
          type: string
          description: The RFC 6749 §5.2 error code.
        error_description:
          type: string
          description: A human-readable explanation.
`;

export function specSkeleton(n, auth) {
  const security = auth.map((mode) => `${schemeNames[mode]}: []`).join("\n          ");
  const bearer = auth.includes("bearer");
  return `openapi: 3.1.0
info:
  title: ${n.pascal} API
  version: 1.0.0 # TODO(new-provider): the provider's API version
  description: |
    The OAuth endpoints of ${n.pascal}. TODO(new-provider): name the documents this spec was written from.
servers:
  - url: https://api.${n.name}.com # TODO(new-provider)
    description: Production
    x-environment: production
  - url: https://sandbox.api.${n.name}.com # TODO(new-provider)
    description: Sandbox
    x-environment: sandbox
tags:
${bearer ? "  - name: OAuth\n    description: Tokens.\n" : ""}  - name: Account
    description: The account the credentials belong to.
paths:
${bearer ? tokenEndpoint(n) : ""}  /v1/me:
    get:
      operationId: getMe
      summary: Read the current account
      description: |
        The account the credentials belong to. TODO(new-provider): replace with the provider's operations.
      tags: [Account]
      security:
        - ${security}
      externalDocs:
        url: https://docs.${n.name}.com/me # TODO(new-provider)
      responses:
        '200':
          description: The account.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Account'
              example:
                id: acct_7f3a2c
                name: Jane Doe
        '401':
          description: Missing or invalid credentials.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                message: invalid credentials
components:
  securitySchemes:
${auth.map((mode) => schemes[mode]).join("\n")}
  schemas:
    Account:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
          description: The account id.
        name:
          type: string
          description: The account holder's name.
    Error:
      type: object
      required: [message]
      properties:
        message:
          type: string
          description: What went wrong.
${bearer ? tokenSchemas : ""}`;
}
