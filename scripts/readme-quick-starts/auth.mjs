// packages/auth/README.md quick start: a client from hand-written metadata, Basic on GET /items.
const basic = `Basic ${Buffer.from("acme-key:acme-secret").toString("base64")}`;

export const env = { ACME_KEY: "acme-key", ACME_SECRET: "acme-secret" };

export const routes = {
  "GET /items": (request) => {
    if (request.headers.authorization !== basic) return { status: 401, body: { error: "invalid_client" } };
    if (request.originalOrigin !== "https://sandbox.api.acme.example") return { status: 421, body: "wrong host" };
    return { body: [{ id: "1", name: "first" }, { id: "2", name: "second" }] };
  },
};

export function check({ stdout }) {
  if (!stdout.includes("first") || !stdout.includes("second")) throw new Error(`printed ${JSON.stringify(stdout)}`);
}
