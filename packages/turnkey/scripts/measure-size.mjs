#!/usr/bin/env node
// Measures the minified + gzipped size of the README quick start (oauth2Authenticate → oauthLogin, with
// stamping and polling) bundled for the browser, next to the same two calls written with @turnkey/http.
// Both are bundled in the same run with the same esbuild settings (scripts/lib/bundle-size.mjs), so the
// ratio is what to compare; the absolute numbers move with esbuild and dependency versions. `pnpm size`
// imports measurePeer() from here to enforce this package's "sizeBudget.peerRatio" (package.json).
// Needs the built dist/ (pnpm build): the quick start is measured as users install it.
//
//   node packages/turnkey/scripts/measure-size.mjs
import { realpathSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSize, kB, quickStartSize } from "../../../scripts/lib/bundle-size.mjs";
import { repoRoot } from "../../../scripts/lib/apis.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** What the comparison is with, for `pnpm size` to print. */
export const peerName = "@turnkey/http + @turnkey/api-key-stamper, same calls";

// The same calls with Turnkey's SDK: TurnkeyClient + ApiKeyStamper, createActivityPoller for the polling,
// and the nonce computed inline (the SDK has no helper for it).
const turnkeyHttpSource = `
import { TurnkeyClient, createActivityPoller } from "@turnkey/http";
import { ApiKeyStamper } from "@turnkey/api-key-stamper";

const turnkey = new TurnkeyClient(
  { baseUrl: "https://api.turnkey.com" },
  new ApiKeyStamper({ apiPublicKey: process.env.TURNKEY_API_PUBLIC_KEY, apiPrivateKey: process.env.TURNKEY_API_PRIVATE_KEY }),
);
const organizationId = process.env.TURNKEY_ORGANIZATION_ID;
const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(sessionPublicKey)));
const nonce = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");

const authenticate = createActivityPoller({ client: turnkey, requestFn: turnkey.oauth2Authenticate });
const authenticated = await authenticate({
  type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
  timestampMs: String(Date.now()),
  organizationId,
  parameters: { oauth2CredentialId: "247bf35d-a47b-4aee-a9d0-6a97886107fa", authCode: code, redirectUri: "https://app.example.com/oauth/callback/x", codeVerifier, nonce },
});
const oidcToken = authenticated.result.oauth2AuthenticateResult.oidcToken;
const login = createActivityPoller({ client: turnkey, requestFn: turnkey.oauthLogin });
const loggedIn = await login({
  type: "ACTIVITY_TYPE_OAUTH_LOGIN",
  timestampMs: String(Date.now()),
  organizationId,
  parameters: { oidcToken, publicKey: sessionPublicKey },
});
const session = loggedIn.result.oauthLoginResult.session;
`;

/** The same calls with @turnkey/http, bundled like the quick start: `{ min, gzip, inputs }`. */
export function measurePeer() {
  // pnpm keeps @turnkey/http's own dependencies (@turnkey/api-key-stamper, ...) next to its real path.
  const turnkeyHttp = realpathSync(join(packageDir, "node_modules", "@turnkey", "http"));
  return bundleSize(turnkeyHttpSource, {
    loader: "js",
    resolveDir: packageDir,
    // Node's crypto (api-key-stamper's Node path) is not shipped to browsers.
    external: ["crypto", "node:*"],
    nodePaths: [join(turnkeyHttp, "..", "..")],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ours = await quickStartSize(relative(repoRoot, packageDir));
  const theirs = await measurePeer();
  console.log(`@oauth-kit/turnkey quick start: ${kB(ours.min)} min, ${kB(ours.gzip)} min+gzip`);
  console.log(`${peerName}: ${kB(theirs.min)} min, ${kB(theirs.gzip)} min+gzip`);
  console.log(`ratio (min+gzip): ${(ours.gzip / theirs.gzip).toFixed(3)}`);
}
