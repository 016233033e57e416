// Starts the Connect server from environment variables:
//   ALPACA_CLIENT_ID, ALPACA_CLIENT_SECRET   your Alpaca OAuth app
//   REDIRECT_URI        default http://localhost:3000/alpaca/callback (the server listens on its port)
//   TOKEN_FILE          default ./alpaca-token.json
//   ALPACA_API_BASE_URL optional: send the code exchange elsewhere (a mock server)
import { createConnectServer } from "./connect-server.js";
import { fileTokenStore } from "./file-token-store.js";

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const redirectUri = process.env.REDIRECT_URI ?? "http://localhost:3000/alpaca/callback";
const server = createConnectServer({
  clientId: required("ALPACA_CLIENT_ID"),
  clientSecret: required("ALPACA_CLIENT_SECRET"),
  redirectUri,
  tokens: fileTokenStore(process.env.TOKEN_FILE ?? "alpaca-token.json"),
  apiBaseUrl: process.env.ALPACA_API_BASE_URL,
});
const port = Number(new URL(redirectUri).port || 80);
server.listen(port, () => console.log(`Open http://localhost:${port}/login to connect your Alpaca account`));
