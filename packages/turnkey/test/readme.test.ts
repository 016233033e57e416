// The README's quick start, run as written against a mocked Turnkey API. It uses the global fetch (the
// README passes none), so the global is wrapped to record each request's raw bytes for the stamp check.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { type RecordedRequest, useNock } from "@oauth-kit/testkit";
import { transform } from "esbuild";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as turnkeyModule from "../src/index.js";

const nock = useNock();

// Fixture key pair of @turnkey/api-key-stamper (RELIABILITY §4.2).
const API_PUBLIC_KEY = "02f739f8c77b32f4d5f13265861febd76e7a9c61a1140d296b8c16302508870316";
const API_PRIVATE_KEY = "487f361ddfd73440e707f4daa6775b376859e8a3c9f29b3bb694a12927c0213c";
const SPKI_P256_COMPRESSED = "3039301306072a8648ce3d020106082a8648ce3d030107032200";

/** RELIABILITY §4.2: structure asserted; returns whether the DER signature covers exactly the sent bytes. */
function stampVerifies(request: RecordedRequest): boolean {
  const header = request.headers.get("x-stamp") ?? "";
  expect(header, "X-Stamp is unpadded base64url").toMatch(/^[A-Za-z0-9_-]+$/);
  const stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, string>;
  expect(Object.keys(stamp)).toEqual(["publicKey", "scheme", "signature"]);
  expect(stamp.publicKey).toBe(API_PUBLIC_KEY);
  expect(stamp.scheme).toBe("SIGNATURE_SCHEME_TK_API_P256");
  const key = createPublicKey({ key: Buffer.from(SPKI_P256_COMPRESSED + stamp.publicKey, "hex"), format: "der", type: "spki" });
  return verify("sha256", Buffer.from(request.body, "utf8"), key, Buffer.from(stamp.signature!, "hex"));
}

const ORG = "7bd1fbec-e9ee-4b33-abd1-137998866665";
const SESSION_PUBLIC_KEY = "0213a646929a02dc2ac3ecab18eb13ba990c35954651ccaf00dcb8a78baee4c08d";
const OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6ImY0NjgzNWJjIn0.c2lnbmF0dXJl";
const SESSION = "eyJhbGciOiJFUzI1NiJ9.eyJ1c2VyX2lkIjoidS0xIn0.c2Vzc2lvbg";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The first ```ts block of the "## Quick start" section (scripts/measure-size.mjs bundles the same one). */
function quickStart(): string {
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block, 'README has a ```ts block under "## Quick start"').toBeDefined();
  return block!;
}

function activity(status: string, type: string, result: Record<string, unknown>) {
  return {
    activity: {
      id: `${type}-id`,
      organizationId: ORG,
      status,
      type,
      intent: {},
      result,
      votes: [],
      fingerprint: "sha256:00",
      canApprove: false,
      canReject: false,
      createdAt: { seconds: "1", nanos: "0" },
      updatedAt: { seconds: "1", nanos: "0" },
    },
  };
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
  for (const request of sent) expect(stampVerifies(request), `stamp of ${request.url.pathname}`).toBe(true);
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
