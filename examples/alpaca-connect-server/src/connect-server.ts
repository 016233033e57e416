// The Alpaca Connect flow as a Node HTTP server:
//   GET /login             → 302 to Alpaca's authorize page, with a fresh one-time state
//   GET <redirect path>    → the state is checked, the code exchanged (the client secret never leaves this
//                            server), the token persisted, and the user told it worked
import { type Server, createServer } from "node:http";
import {
  CallbackError,
  MemoryPendingStore,
  OAuthKitError,
  completeConnectAuthorization,
  createAlpacaClient,
  startConnectAuthorization,
} from "@oauth-kit/alpaca";
import type { TokenStore } from "./file-token-store.js";

export interface ConnectServerOptions {
  clientId: string;
  clientSecret: string;
  /** Registered with your Alpaca OAuth app; its path is the callback route. */
  redirectUri: string;
  tokens: TokenStore;
  /** Where the code exchange goes: Alpaca (the default) or, in tests, a server playing Alpaca. */
  apiBaseUrl?: string | undefined;
}

export function createConnectServer(options: ConnectServerOptions): Server {
  const alpaca = createAlpacaClient(options.apiBaseUrl ? { baseUrl: options.apiBaseUrl } : { environment: "production" });
  // One process: memory is enough. Several processes: a PendingAuthorizationStore on Redis or your sessions.
  const pending = new MemoryPendingStore();
  const callbackPath = new URL(options.redirectUri).pathname;

  return createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", options.redirectUri);
    try {
      if (request.method === "GET" && url.pathname === "/login") {
        const { url: authorizeUrl } = await startConnectAuthorization({
          clientId: options.clientId,
          redirectUri: options.redirectUri,
          scope: ["account:write", "trading"],
          store: pending,
        });
        response.writeHead(302, { location: authorizeUrl }).end();
      } else if (request.method === "GET" && url.pathname === callbackPath) {
        const tokens = await completeConnectAuthorization(alpaca, {
          callbackUrl: url.href,
          store: pending,
          clientId: options.clientId,
          clientSecret: options.clientSecret,
        });
        await options.tokens.save(tokens);
        response.writeHead(200, { "content-type": "text/plain" }).end("Connected to Alpaca. You can close this tab.\n");
      } else {
        response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      }
    } catch (error) {
      // Safe to log: oauth-kit errors never contain the code, the client secret or a token.
      console.error(error instanceof OAuthKitError ? String(error) : error);
      const refused = error instanceof CallbackError; // a forged, replayed or expired callback
      response.writeHead(refused ? 400 : 502, { "content-type": "text/plain" }).end(refused ? "Invalid callback\n" : "Alpaca did not connect\n");
    }
  });
}
