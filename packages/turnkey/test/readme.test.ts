// The README's quick start, run as written against a mocked Turnkey API. It uses the global fetch (the
// README passes none), so the global is wrapped to record each request's raw bytes for the stamp check.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type RecordedRequest, useNock } from "@oauth-kit/testkit";
import { transform } from "esbuild";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as turnkeyModule from "../src/index.js";
import { API_PRIVATE_KEY, API_PUBLIC_KEY, OIDC_TOKEN, ORG, SESSION, SESSION_PUBLIC_KEY, activityResponse as activity, verifyStamp } from "./helpers.js";

const nock = useNock();

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The first ```ts block of the "## Quick start" section (scripts/measure-size.mjs bundles the same one). */
function quickStart(): string {
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block, 'README has a ```ts block under "## Quick start"').toBeDefined();
  return block!;
}

const sent: RecordedRequest[] = [];
beforeEach(() => {
  sent.length = 0;
  const mocked = globalThis.fetch; // nock's
  vi.stubGlobal("fetch", async (request: Request) => {
    sent.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: await request.clone().text() });
    return mocked(request);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  for (const request of sent) verifyStamp(request);
});

describe("README", () => {
  it("quick start: oauth2Authenticate (polled once) → oauthLogin → session", async () => {
    nock("https://api.turnkey.com")
      .post("/public/v1/submit/oauth2_authenticate")
      .reply(200, activity("ACTIVITY_STATUS_PENDING", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", {}))
      .post("/public/v1/query/get_activity")
      .reply(200, activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } }))
      .post("/public/v1/submit/oauth_login")
      .reply(200, activity("ACTIVITY_STATUS_COMPLETED", "ACTIVITY_TYPE_OAUTH_LOGIN", { oauthLoginResult: { session: SESSION } }));

    // TypeScript → JavaScript, the package import bound to the source under test, inputs as parameters.
    const { code } = await transform(quickStart(), { loader: "ts" });
    const imports = /^import \{([^}]+)\} from "@oauth-kit\/turnkey";$/m;
    expect(code).toMatch(imports);
    const body = `${code.replace(imports, "const {$1} = turnkeyModule;")}\nreturn { oidcToken, session };`;
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction("turnkeyModule", "process", "code", "codeVerifier", "sessionPublicKey", body);
    const env = { TURNKEY_API_PUBLIC_KEY: API_PUBLIC_KEY, TURNKEY_API_PRIVATE_KEY: API_PRIVATE_KEY, TURNKEY_ORGANIZATION_ID: ORG };
    const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    const result = await run(turnkeyModule, { env }, "the-code", verifier, SESSION_PUBLIC_KEY);

    expect(result).toEqual({ oidcToken: OIDC_TOKEN, session: SESSION });
    expect(sent.map((request) => request.url.pathname)).toEqual([
      "/public/v1/submit/oauth2_authenticate",
      "/public/v1/query/get_activity",
      "/public/v1/submit/oauth_login",
    ]);
    const [authenticate, , login] = sent.map((request) => JSON.parse(request.body));
    expect(authenticate).toMatchObject({
      organizationId: ORG,
      parameters: {
        authCode: "the-code",
        codeVerifier: verifier,
        nonce: createHash("sha256").update(SESSION_PUBLIC_KEY).digest("hex"),
      },
    });
    expect(login.parameters).toEqual({ oidcToken: OIDC_TOKEN, publicKey: SESSION_PUBLIC_KEY });
  });

  it("documents every operation of the spec and every exported function", () => {
    for (const operation of Object.values(turnkeyModule.metadata.operations)) {
      expect(readme, `README documents ${operation.operationId}`).toContain(`\`${operation.operationId}\``);
    }
    const functions = Object.entries(turnkeyModule).filter(([, value]) => typeof value === "function" && !/^[A-Z]/.test(value.name));
    for (const [name] of functions) expect(readme, `README mentions ${name}`).toContain(name);
  });
});
