import { type IncomingMessage, type ServerResponse } from "node:http";
import { type TestServer, startServer } from "./local-server.js";

export interface RotatingAuthServer {
  url: string;
  /** Refresh-token grants received (each one presented a refresh token). */
  readonly refreshCalls: number;
  /** True once a spent refresh token was presented again (the server then revoked the grant). */
  readonly revoked: boolean;
  /** The token set the server considers current. */
  current(): { accessToken: string; refreshToken: string };
  /** Hold every refresh response until release() (to kill or stop things mid-refresh). */
  hold(): void;
  release(): void;
  /** Resolves when the next refresh request has arrived. */
  nextRefresh(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A small OAuth authorization server on 127.0.0.1 that rotates refresh tokens and, like RFC 9700 §4.14
 * asks, treats a spent refresh token presented again as theft: it revokes the whole grant, after which
 * every refresh fails with invalid_grant and every access token is rejected.
 * - POST /token `grant_type=refresh_token&refresh_token=...` → a new access and refresh token
 * - GET /me with `Authorization: Bearer <current access token>` → 200, else 401
 */
export async function startRotatingAuthServer(options: { initialRefreshToken: string; expiresIn?: number }): Promise<RotatingAuthServer> {
  let generation = 0;
  let access = "at-0";
  let refresh = options.initialRefreshToken;
  const spent = new Set<string>();
  let revoked = false;
  let refreshCalls = 0;
  let held = false;
  let waiting: (() => void)[] = [];
  let arrivals: (() => void)[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () => resolve(text));
    });

  const server: TestServer = await startServer((req, res) => {
    if (req.method === "GET" && req.url === "/me") {
      const ok = !revoked && req.headers.authorization === `Bearer ${access}`;
      return ok ? json(res, 200, { user: "alice" }) : json(res, 401, { error: "invalid_token" });
    }
    if (req.method !== "POST" || req.url !== "/token") return json(res, 404, { error: "not_found" });
    void body(req).then(async (text) => {
      const form = new URLSearchParams(text);
      refreshCalls++;
      for (const arrived of arrivals) arrived();
      arrivals = [];
      const presented = form.get("refresh_token") ?? "";
      if (form.get("grant_type") !== "refresh_token") return json(res, 400, { error: "unsupported_grant_type" });
      if (!revoked && presented !== refresh && spent.has(presented)) revoked = true;
      if (revoked || presented !== refresh) return json(res, 400, { error: "invalid_grant" });
      spent.add(refresh);
      generation++;
      access = `at-${generation}`;
      refresh = `rt-${generation}`;
      const issued = { access_token: access, token_type: "Bearer", expires_in: options.expiresIn ?? 3600, refresh_token: refresh };
      if (held) await new Promise<void>((resolve) => waiting.push(resolve));
      if (!res.destroyed) json(res, 200, issued);
    });
  });

  return {
    url: server.url,
    get refreshCalls() {
      return refreshCalls;
    },
    get revoked() {
      return revoked;
    },
    current: () => ({ accessToken: access, refreshToken: refresh }),
    hold: () => void (held = true),
    release() {
      held = false;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    nextRefresh: () => new Promise<void>((resolve) => arrivals.push(resolve)),
    close: () => server.close(),
  };
}
