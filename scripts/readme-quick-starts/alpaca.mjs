// packages/alpaca/README.md quick start: GET an OAuth client with the Broker key as HTTP Basic.
const basic = `Basic ${Buffer.from("readme-key:readme-secret").toString("base64")}`;

export const env = { ALPACA_BROKER_KEY: "readme-key", ALPACA_BROKER_SECRET: "readme-secret" };

export const routes = {
  "GET /v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711": (request) => {
    if (request.headers.authorization !== basic) return { status: 401, body: "Unauthorized" };
    if (request.originalOrigin !== "https://broker-api.sandbox.alpaca.markets") return { status: 421, body: "wrong host" };
    return { body: { client_id: "7a3c52a910e1dc2abbb14da2b6b8e711", name: "Readme App", status: "ACTIVE", redirect_uri: ["http://localhost"] } };
  },
};

export function check({ stdout }) {
  if (!stdout.includes("Readme App ACTIVE")) throw new Error(`printed ${JSON.stringify(stdout)}`);
}
