// The README quick start, the test that runs it (and checks it is the README's code, line for line), the
// spec-driven operation test and the pack-smoke consumer. They all call the skeleton's example operation
// (GET /v1/me); the lines to change with it are marked TODO(new-provider).

const CLIENT_OPTION = {
  basic: (n) => `  credentials: { username: process.env.${n.env}_USERNAME!, password: process.env.${n.env}_PASSWORD! },`,
  "api-key": (n) => `  apiKey: process.env.${n.env}_API_KEY!,`,
  bearer: () => "  tokenSource: tokens,",
};
const TEST_ENV = {
  basic: (n) => [[`${n.env}_USERNAME`, "readme-user"], [`${n.env}_PASSWORD`, "readme-password"]],
  "api-key": (n) => [[`${n.env}_API_KEY`, "readme-api-key"]],
  bearer: (n) => [[`${n.env}_CLIENT_ID`, "readme-client"], [`${n.env}_CLIENT_SECRET`, "readme-client-secret"], [`${n.env}_ACCESS_TOKEN`, "readme-access"], [`${n.env}_REFRESH_TOKEN`, "readme-refresh"]],
};
/** What the spec-driven test gives the client, and the same values per scheme for the checks. */
const SPEC_CREDENTIALS = {
  basic: { option: 'credentials: { username: "user_1", password: "pass-1" }', scheme: 'BasicAuth: { basic: ["user_1", "pass-1"] }' },
  "api-key": { option: 'apiKey: "key-1"', scheme: 'ApiKeyAuth: { apiKey: "key-1" }' },
  bearer: { option: 'accessToken: "at-1"', scheme: 'BearerAuth: { bearer: "at-1" }' },
};

export function quickStart(n, auth) {
  const bearer = auth.includes("bearer");
  const imports = [`create${n.pascal}Client`, ...(bearer ? [`create${n.pascal}TokenSource`] : []), "unwrap"];
  const tokens = bearer
    ? `// The tokens of your authorization flow; they refresh themselves at the token endpoint.
const tokens = create${n.pascal}TokenSource({
  environment: "sandbox",
  clientId: process.env.${n.env}_CLIENT_ID!,
  clientSecret: process.env.${n.env}_CLIENT_SECRET!,
  initial: { accessToken: process.env.${n.env}_ACCESS_TOKEN!, tokenType: "Bearer", refreshToken: process.env.${n.env}_REFRESH_TOKEN! },
});
`
    : "";
  return {
    importLine: `import { ${imports.join(", ")} } from "${n.packageName}";`,
    body: `${tokens}const ${n.camel} = create${n.pascal}Client({
  environment: "sandbox",
${auth.map((mode) => CLIENT_OPTION[mode](n)).join("\n")}
});

const account = unwrap(await ${n.camel}.GET("/v1/me")); // TODO(new-provider): an operation of your spec
console.log(account.name); // TODO(new-provider)
`,
  };
}

export function readmeTest(n, auth) {
  const { importLine, body } = quickStart(n, auth);
  const bearer = auth.includes("bearer");
  const expectHeaders = [
    ...(auth.includes("basic") ? ['.basicAuth({ user: "readme-user", pass: "readme-password" })'] : []),
    ...(auth.includes("api-key") ? ['.matchHeader("x-api-key", "readme-api-key")'] : []),
  ];
  const mock = bearer
    ? `  // The stored access token has expired: one 401, one refresh, the call replayed with the new token.
  nock(SANDBOX)
    .get("/v1/me") // TODO(new-provider)
    .matchHeader("authorization", "Bearer readme-access")
    .reply(401, { message: "token expired" })
    .post("/oauth/token", { grant_type: "refresh_token", refresh_token: "readme-refresh", client_id: "readme-client", client_secret: "readme-client-secret" })
    .reply(200, { access_token: "readme-fresh", token_type: "Bearer", expires_in: 3600 })
    .get("/v1/me") // TODO(new-provider)
    ${[...expectHeaders, '.matchHeader("authorization", "Bearer readme-fresh")'].join("\n    ")}
    .reply(200, { id: "acct_1", name: "Jane Doe" }); // TODO(new-provider)`
    : `  nock(SANDBOX)
    .get("/v1/me") // TODO(new-provider)
    ${expectHeaders.join("\n    ")}
    .reply(200, { id: "acct_1", name: "Jane Doe" }); // TODO(new-provider)`;
  const indent = (code) => code.trimEnd().split("\n").map((line) => (line ? `  ${line}` : line)).join("\n");
  return `// The README's quick start, run against a mock, and checked to be the README's own code.
import { readFileSync } from "node:fs";
import { useNock } from "@oauth-kit/testkit";
import { expect, it, vi } from "vitest";
${importLine.replace(`"${n.packageName}"`, '"../src/index.js"')}
import { metadata } from "../src/index.js";

const nock = useNock();
const SANDBOX = metadata.servers.sandbox;

it("README quick start", async () => {
${auth.flatMap((mode) => TEST_ENV[mode](n)).map(([key, value]) => `  vi.stubEnv("${key}", "${value}");`).join("\n")}
${mock}
  const log = vi.spyOn(console, "log").mockImplementation(() => {});

  // --- README ---
${indent(body)}
  // --- end README ---

  expect(log).toHaveBeenCalledWith("Jane Doe"); // TODO(new-provider)
  log.mockRestore();
  vi.unstubAllEnvs();
});

it("the code above is the README's quick start, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /## Quick start\\s+\`\`\`ts\\n([\\s\\S]*?)\`\`\`/.exec(readme)?.[1];
  const source = readFileSync(new URL(import.meta.url), "utf8");
  const tested = /\\/\\/ --- README ---\\n([\\s\\S]*?)\\s*\\/\\/ --- end README ---/.exec(source)?.[1];
  const lines = (code: string | undefined) =>
    (code ?? "")
      .split("\\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("import "));
  expect(lines(block).length).toBeGreaterThan(3);
  expect(lines(tested)).toEqual(lines(block));
  expect(block).toContain(${JSON.stringify(importLine)});
});
`;
}

export function operationsTest(n, auth) {
  return `// Every operation of specs/${n.name}.yaml, driven by the spec's own examples (see @oauth-kit/testkit).
import { describe } from "vitest";
import { describeSpecOperations, loadSpec, useNock } from "@oauth-kit/testkit";
import { type ${n.pascal}Environment, create${n.pascal}Client, metadata } from "../src/index.js";

useNock();
const spec = await loadSpec("specs/${n.name}.yaml");

for (const environment of Object.keys(metadata.servers) as ${n.pascal}Environment[]) {
  describe(\`${n.name} \${environment}\`, () => {
    describeSpecOperations({
      spec,
      metadata,
      environment,
      credentials: { ${auth.map((mode) => SPEC_CREDENTIALS[mode].scheme).join(", ")} },
      createClient: (fetch) => create${n.pascal}Client({ environment, ${auth.map((mode) => SPEC_CREDENTIALS[mode].option).join(", ")}, retry: false, fetch }),
    });
  });
}
`;
}

export function smokeConsumer(n, auth) {
  const option = { basic: 'credentials: { username: "user", password: "pass" }', "api-key": 'apiKey: "smoke-key"', bearer: 'accessToken: "smoke-token"' };
  const checks = {
    basic: `if (seen.authorization !== \`Basic \${Buffer.from("user:pass").toString("base64")}\`) throw new Error("no Basic header");`,
    "api-key": 'if (seen["x-api-key"] !== "smoke-key") throw new Error("no API key header");',
    bearer: 'if (seen.authorization !== "Bearer smoke-token") throw new Error("no bearer header");',
  };
  return `// Installed from its tarball: one call with the client's credentials against a server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Account, create${n.pascal}Client, unwrap } from "${n.packageName}";

const seen: Record<string, string | string[] | undefined> = {};
const server = createServer((req, res) => {
  Object.assign(seen, req.headers, { url: req.url });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "acct_1", name: "Smoke" })); // TODO(new-provider)
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const ${n.camel} = create${n.pascal}Client({ baseUrl: \`http://127.0.0.1:\${port}\`, ${auth.map((mode) => option[mode]).join(", ")} });
const account: Account = unwrap(await ${n.camel}.GET("/v1/me")); // TODO(new-provider)
server.close();
if (account.name !== "Smoke") throw new Error(\`unexpected body \${JSON.stringify(account)}\`);
${auth.map((mode) => checks[mode]).join("\n")}
if (seen.url !== "/v1/me") throw new Error(\`unexpected url \${String(seen.url)}\`); // TODO(new-provider)
console.log("GET /v1/me: ok"); // TODO(new-provider)
`;
}

export function readme(n, auth) {
  const { importLine, body } = quickStart(n, auth);
  const rows = {
    basic: "| `credentials` | — | `{ username, password }`, sent as HTTP Basic where the spec declares `BasicAuth`. |",
    "api-key": "| `apiKey` | — | Sent in the `ApiKeyAuth` header where the spec declares it. |",
    bearer: `| \`accessToken\` | — | A fixed bearer token, sent where the spec declares \`BearerAuth\`. |
| \`tokenSource\` | — | A token that refreshes itself: \`create${n.pascal}TokenSource()\` (the refresh grant at \`POST /oauth/token\`) or any \`createTokenSource()\`. A 401 refreshes it once and replays the call. |`,
  };
  return `# ${n.packageName}

A typed client for ${n.pascal}'s OAuth endpoints, generated from [\`specs/${n.name}.yaml\`](../../specs/${n.name}.yaml).
TODO(new-provider): what it covers, in two or three lines.

It is an [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client, configured for ${n.pascal}: each operation
gets exactly the credentials its spec entry declares, bodies in the declared media type, retries for safe
calls, timeouts, and typed errors that never print a secret.

## Install

\`\`\`sh
npm install ${n.packageName}
\`\`\`

Node >= 20.19 or a modern browser (it uses only \`fetch\` and WebCrypto). ESM only.

## Quick start

\`\`\`ts
${importLine}

${body}\`\`\`

\`test/readme.test.ts\` runs this example against a mock and checks that it is the same code as here.

## Client options

| option | default | meaning |
|---|---|---|
| \`environment\` | \`"production"\` | \`production\` or \`sandbox\`, the servers of the spec. |
| \`baseUrl\` | — | Send every operation here instead (a mock server or a proxy). Plain \`http\` only for loopback hosts unless \`allowInsecureHttp: true\`. |
${auth.map((mode) => rows[mode]).join("\n")}
| \`retry\` | \`{ maxRetries: 2 }\` | Retries for retry-safe calls; \`false\` turns them off. |
| \`timeoutMs\` | \`30000\` | Per attempt. |
| \`fetch\` | global \`fetch\` | A custom fetch (tests, proxies). |

## Errors

Calls return openapi-fetch's \`{ data, error, response }\`; \`unwrap()\` returns \`data\` or throws an \`ApiError\`.
The error family (\`ApiError\`, \`OAuthError\`, \`TimeoutError\`, \`ConnectionError\`, ...) is exported from this
package and is the same as \`@oauth-kit/auth\`'s.
`;
}
