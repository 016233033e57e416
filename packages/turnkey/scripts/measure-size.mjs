#!/usr/bin/env node
// Measures the minified + gzipped size of the README quick start (oauth2Authenticate → oauthLogin, with
// stamping and polling) bundled for the browser, next to the same two calls written with @turnkey/http.
// Both are bundled in the same run with the same esbuild settings, so the ratio is what to compare; the
// absolute numbers move with esbuild and dependency versions.
//
//   node packages/turnkey/scripts/measure-size.mjs
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const packagesDir = join(packageDir, "..");

/** The first ```ts block of the README's "## Quick start" section (test/readme.test.ts runs the same code). */
function quickStartSource(readme) {
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? "";
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ```ts block under "## Quick start"');
  return match[1];
}

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

// pnpm keeps @turnkey/http's own dependencies (@turnkey/api-key-stamper, ...) next to its real path.
const turnkeyHttp = realpathSync(join(packageDir, "node_modules", "@turnkey", "http"));

async function measure(contents, loader) {
  const result = await build({
    stdin: { contents, loader, resolveDir: packageDir, sourcefile: "quick-start" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // Node's crypto (api-key-stamper's Node path) is not shipped to browsers.
    external: ["crypto", "node:*"],
    nodePaths: [join(turnkeyHttp, "..", "..")],
    alias: {
      "@oauth-kit/turnkey": join(packageDir, "src", "index.ts"),
      "@oauth-kit/auth": join(packagesDir, "auth", "src", "index.ts"),
    },
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const ours = await measure(quickStartSource(readme), "ts");
  const theirs = await measure(turnkeyHttpSource, "js");
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`@oauth-kit/turnkey quick start: ${kb(ours.min)} min, ${kb(ours.gzip)} min+gzip`);
  console.log(`@turnkey/http, same calls:      ${kb(theirs.min)} min, ${kb(theirs.gzip)} min+gzip`);
  console.log(`ratio (min+gzip): ${(ours.gzip / theirs.gzip).toFixed(2)}`);
}
