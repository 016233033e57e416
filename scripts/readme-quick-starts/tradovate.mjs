// packages/tradovate/README.md quick start: a session logs in once, then GET /auth/me with its token.
export const env = { TRADOVATE_USERNAME: "readme_user", TRADOVATE_PASSWORD: "readme-password", TRADOVATE_CID: "1234", TRADOVATE_SEC: "readme-api-secret" };

export const routes = {
  "POST /v1/auth/accesstokenrequest": (request) => {
    const body = request.json();
    if (body.name !== "readme_user" || body.password !== "readme-password" || body.sec !== "readme-api-secret") return { body: { errorText: "Incorrect username or password" } };
    if (request.originalOrigin !== "https://demo.tradovateapi.com") return { status: 421, body: "wrong host" };
    return { body: { accessToken: "readme-token", expirationTime: new Date(Date.now() + 80 * 60_000).toISOString(), userId: 2456789, name: "readme_user" } };
  },
  "GET /v1/auth/me": (request) =>
    request.headers.authorization === "Bearer readme-token" ? { body: { userId: 2456789, fullName: "Jane Doe" } } : { status: 401, body: "" },
};

export function check({ stdout }) {
  if (!stdout.includes("Jane Doe 2456789")) throw new Error(`printed ${JSON.stringify(stdout)}`);
}
