// One process of the cluster tests: a token source on a shared store (Redis or files), `CALLS`
// concurrent calls that each get a token and use it against the authorization server's GET /me, then
// one JSON line with what happened. Started by cluster.ts; waits for "go" on stdin so that every process
// starts its storm at the same moment.
import { createInterface } from "node:readline";
import { type TokenStore, createTokenSource, parseTokenResponse } from "@oauth-kit/auth";
import { createFileTokenStore } from "@oauth-kit/auth/file-store";
import { createRedisTokenStore } from "@oauth-kit/redis";

const env = process.env;
const authUrl = env.AUTH_URL as string;
const calls = Number(env.CALLS ?? "250");
const redis = env.STORE === "redis" ? createRedisTokenStore({ url: env.REDIS_URL }) : undefined;
const store: TokenStore = redis ?? createFileTokenStore({ directory: env.STORE_DIR as string });

const source = createTokenSource({
  store,
  key: env.GRANT_KEY as string,
  leaseTtlMs: Number(env.LEASE_TTL_MS ?? "30000"),
  waitTimeoutMs: Number(env.WAIT_TIMEOUT_MS ?? "60000"),
  refresh: async (current) => {
    const response = await fetch(`${authUrl}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: current?.refreshToken ?? "" }),
    });
    return parseTokenResponse(await response.json(), { status: response.status });
  },
});

// Each call's token is checked against GET /me once per distinct token: 2,000 simultaneous connections
// to the test server would measure its listen backlog, not the token source.
const verdicts = new Map<string, Promise<string | undefined>>();
const check = (token: string) =>
  fetch(`${authUrl}/me`, { headers: { authorization: `Bearer ${token}` } }).then(
    (response) => (response.status === 200 ? undefined : `GET /me: HTTP ${response.status}`),
    (error: unknown) => `GET /me: ${(error as Error).message}`,
  );

async function oneCall(): Promise<string | undefined> {
  let token: string;
  try {
    token = await source.getToken();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  let verdict = verdicts.get(token);
  if (!verdict) verdicts.set(token, (verdict = check(token)));
  return verdict;
}

const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) {
  if (line !== "go") continue;
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: calls }, oneCall));
  const errors = outcomes.filter((outcome): outcome is string => outcome !== undefined);
  const tokens = source.current();
  process.stdout.write(
    `${JSON.stringify({ ok: calls - errors.length, errors: [...new Set(errors)], tokens, wallMs: performance.now() - started })}\n`,
  );
  break;
}
lines.close();
await redis?.close();
