// packages/openapi-com/README.md quick start: create a token, rotate it, list the account's tokens.
const basic = `Basic ${Buffer.from("you@example.com:oc-readme-api-key").toString("base64")}`;
const created = { token: "656d1e2f8b3c2a001f7e4a12", refreshToken: "656d1e2f8b3c2a001f7e4a13", name: "my-first-token", scopes: ["GET:company.openapi.com/IT-start"] };
const rotated = { ...created, token: "656d1e2f8b3c2a001f7e4a30", refreshToken: "656d1e2f8b3c2a001f7e4a31" };
const sandbox = (request) => request.originalOrigin === "https://test.oauth.openapi.com";

export const env = { OPENAPI_API_KEY: "oc-readme-api-key" };

export const routes = {
  "POST /tokens": (request) =>
    request.headers.authorization === basic && sandbox(request) ? { body: created } : { status: 401, body: { success: false, error: 130, message: "no", data: null } },
  [`PATCH /tokens/${created.token}`]: (request) =>
    request.headers.authorization === `Bearer ${created.refreshToken}` ? { body: rotated } : { status: 401, body: { success: false, error: 130, message: "no", data: null } },
  "GET /tokens": (request) => (request.headers.authorization === basic ? { body: { data: [rotated] } } : { status: 401, body: {} }),
};

export function check({ stdout }) {
  if (!stdout.includes(`rotated ${created.token} -> ${rotated.token}`)) throw new Error(`printed ${JSON.stringify(stdout)}`);
}
