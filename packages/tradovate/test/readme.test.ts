// The README's quick start, run against a mock demo server, and checked to be the README's own code.
import { readFileSync } from "node:fs";
import { expect, it, vi } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import { createTradovateClient, createTradovateSession, unwrap } from "../src/index.js";

const nock = useNock();
const DEMO = "https://demo.tradovateapi.com";

it("README quick start: logs in once and reads /auth/me with the session's token", async () => {
  vi.stubEnv("TRADOVATE_USERNAME", "readme_user");
  vi.stubEnv("TRADOVATE_PASSWORD", "readme-password");
  vi.stubEnv("TRADOVATE_CID", "1234");
  vi.stubEnv("TRADOVATE_SEC", "readme-api-secret");
  nock(DEMO)
    .post("/v1/auth/accesstokenrequest", {
      name: "readme_user",
      password: "readme-password",
      appId: "My App",
      appVersion: "1.0",
      deviceId: "3f2b8c1e-6a4d-4e7f-9b2a-1c5d8e0f7a63",
      cid: "1234",
      sec: "readme-api-secret",
    })
    .reply(200, { accessToken: "readme-token", expirationTime: new Date(Date.now() + 80 * 60_000).toISOString() })
    .get("/v1/auth/me")
    .matchHeader("authorization", "Bearer readme-token")
    .reply(200, { userId: 2456789, fullName: "Jane Doe" });
  const log = vi.spyOn(console, "log").mockImplementation(() => {});

  // --- README ---
  // The session sends its own token calls through a client that holds no token.
  const session = createTradovateSession(createTradovateClient({ environment: "demo" }), {
    credentials: {
      name: process.env.TRADOVATE_USERNAME!,
      password: process.env.TRADOVATE_PASSWORD!,
      appId: "My App",
      appVersion: "1.0",
      deviceId: "3f2b8c1e-6a4d-4e7f-9b2a-1c5d8e0f7a63",
      cid: process.env.TRADOVATE_CID!,
      sec: process.env.TRADOVATE_SEC!,
    },
  });
  const tradovate = createTradovateClient({ environment: "demo", tokenSource: session });

  const me = unwrap(await tradovate.GET("/auth/me"));
  if (me.errorText) throw new Error(me.errorText); // Tradovate reports errors with HTTP 200
  console.log(me.fullName, me.userId);
  // --- end README ---

  expect(log).toHaveBeenCalledWith("Jane Doe", 2456789);
  log.mockRestore();
  vi.unstubAllEnvs();
});

it("the code above is the README's quick start, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const tested = /\/\/ --- README ---\n([\s\S]*?)\s*\/\/ --- end README ---/.exec(source)?.[1];
  const lines = (code: string | undefined) =>
    (code ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("import "));
  expect(lines(block).length).toBeGreaterThan(5);
  expect(lines(tested)).toEqual(lines(block));
  // The README imports exactly what this test imports from the package.
  expect(block).toContain('import { createTradovateClient, createTradovateSession, unwrap } from "@oauth-kit/tradovate";');
});
