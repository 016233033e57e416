// The README's quick start, run against a real redis-server and a local rotating authorization server,
// with the README's block checked to be the one tested here.
import { readFileSync } from "node:fs";
import { type RotatingAuthServer, startRotatingAuthServer, useNock, useRedisServer } from "@oauth-kit/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTokenSource, parseTokenResponse } from "@oauth-kit/auth";
import { aesGcmEncryption, createRedisTokenStore } from "../src/index.js";

useNock();

const redis = useRedisServer();
let auth: RotatingAuthServer;
beforeAll(async () => {
  auth = await startRotatingAuthServer({ initialRefreshToken: "rt-0" });
});
afterAll(async () => {
  await auth?.close();
});

it("README quick start: one refresh through Redis, encrypted at rest", async () => {
  process.env.REDIS_URL = redis.server.url;
  const encryptionKey = new Uint8Array(32).fill(5);
  const userId = "42";
  const tokenUrl = `${auth.url}/token`;
  const clientId = "app";
  // Seed: the tokens of an earlier code exchange, now expired.
  const seeding = createRedisTokenStore({ url: redis.server.url, encryption: aesGcmEncryption(encryptionKey) });
  await seeding.write(`user:${userId}`, 0, { tokens: { accessToken: "at-0", tokenType: "Bearer", refreshToken: "rt-0", expiresAt: Date.now() - 1 } });
  await seeding.close();

  // --- README ---
  const store = createRedisTokenStore({
    url: process.env.REDIS_URL!, // e.g. redis://127.0.0.1:6379
    encryption: aesGcmEncryption(encryptionKey), // optional: 32 bytes from your secret manager
  });

  const tokens = createTokenSource({
    store,
    key: `user:${userId}`, // names the grant; stored only as a SHA-256 hash
    refresh: async (current) => {
      const response = await fetch(tokenUrl, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: current!.refreshToken!, client_id: clientId }),
      });
      return parseTokenResponse(await response.json(), { status: response.status });
    },
  });

  const accessToken = await tokens.getToken(); // one refresh per grant, whichever process asks
  await store.close(); // at shutdown
  // --- end README ---

  expect(accessToken).toBe("at-1");
  expect(auth.refreshCalls).toBe(1);
  expect(auth.revoked).toBe(false);
});

it("the README shows exactly the block tested above", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const test = readFileSync(new URL(import.meta.url), "utf8");
  const tested = test.split("// --- README ---\n")[1]!.split("  // --- end README ---")[0]!;
  const dedented = tested
    .split("\n")
    .map((line) => line.replace(/^ {2}/, ""))
    .join("\n")
    .trim();
  expect(readme).toContain(dedented);
});
