// The README is the reference, so its examples are tested: the quick start type-checks against the
// package's sources and runs against nock, and the scope examples return what their comments say.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { useNock } from "@oauth-kit/testkit";
import * as openapiCom from "../src/index.js";

const nock = useNock();
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const SANDBOX = "https://test.oauth.openapi.com";
const apiKey = "oc-readme-api-key-0123456789";
const basicHeader = `Basic ${btoa(`you@example.com:${apiKey}`)}`;
const created = { token: "656d1e2f8b3c2a001f7e4a12", refreshToken: "656d1e2f8b3c2a001f7e4a13", name: "my-first-token", scopes: ["GET:company.openapi.com/IT-start"] };
const rotated = { ...created, token: "656d1e2f8b3c2a001f7e4a30", refreshToken: "656d1e2f8b3c2a001f7e4a31" };

/** The first ```ts block after the given heading. */
function codeBlock(heading: string): string {
  const section = readme.split(`\n## ${heading}\n`)[1];
  const code = section?.match(/```ts\n([\s\S]*?)```/)?.[1];
  if (!code) throw new Error(`README has no ts block under "## ${heading}"`);
  return code;
}

const IMPORT = /^import \{([^}]+)\} from "@oauth-kit\/openapi-com";$/m;

function typeErrors(code: string): string[] {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const file = `${here}readme-quick-start.ts`;
  const source = code.replace(IMPORT, `import {$1} from "../src/index.js";`);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

/** Runs a README block as an async function body, its package import bound to the sources. */
async function run(code: string, globals: Record<string, unknown>): Promise<void> {
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const body = js.replace(IMPORT, "const {$1} = pkg;");
  expect(body, "the block imports only from @oauth-kit/openapi-com").not.toMatch(/^import /m);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction("pkg", ...Object.keys(globals), body)(openapiCom, ...Object.values(globals));
}

describe("README", () => {
  it("quick start type-checks against the package", () => {
    expect(typeErrors(codeBlock("Quick start"))).toEqual([]);
  }, 60_000);

  it("quick start runs: Basic on create and list, the refresh token as Bearer on the rotation", async () => {
    nock(SANDBOX, { reqheaders: { authorization: basicHeader } })
      .post("/tokens", { name: "my-first-token", scopes: ["GET:company.openapi.com/IT-start"], ttl: 2_592_000 })
      .reply(200, created);
    nock(SANDBOX, { reqheaders: { authorization: `Bearer ${created.refreshToken}` } })
      .patch(`/tokens/${created.token}`, {})
      .reply(200, rotated);
    nock(SANDBOX, { reqheaders: { authorization: basicHeader } })
      .get("/tokens")
      .query({ skip: "0", limit: "100" })
      .reply(200, { data: [rotated] });
    const logs: unknown[][] = [];

    await run(codeBlock("Quick start"), {
      process: { env: { OPENAPI_API_KEY: apiKey } },
      console: { log: (...values: unknown[]) => logs.push(values) },
    });

    expect(logs).toEqual([
      ["created", created.token],
      ["rotated", created.token, "->", rotated.token],
      [rotated.name, rotated.scopes],
    ]);
  });

  it("scope examples return what their comments say", () => {
    const lines = codeBlock("Scope strings")
      .split("\n")
      .filter((line) => /;\s*\/\/ /.test(line));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const [call, comment] = line.split(/;\s*\/\/ /).map((part) => part.trim()) as [string, string];
      const actual = new Function("pkg", `const { buildScope, parseScope } = pkg; return ${call};`)(openapiCom);
      const expected = new Function(`return ${comment};`)();
      expect(actual, call).toEqual(expected);
    }
  });
});
