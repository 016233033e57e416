import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  /** Requests received so far. */
  hits: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 for faults nock cannot fake faithfully (resets, truncated bodies,
 * cross-origin redirects). The test starts it and must close it.
 */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void): Promise<TestServer> {
  const server = createServer();
  const state = { hits: 0 };
  server.on("request", (req, res) => {
    state.hits++;
    handler(req, res, state.hits);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
