// The CLI's logic, separate from the bin file so tests can run it in-process.
import { parseArgs } from "node:util";
import type { MockProviderName } from "./bundled/index.js";
import { type MockProvider, mockProviderNames, startMockProvider } from "./start-mock-provider.js";

export const USAGE = `usage: oauth-kit-mock <provider> [--port N] [--redirect-uri URL]... [--auto-approve]
providers: ${mockProviderNames.join(", ")}`;

/**
 * Starts the mock named in `args`, prints its base URL and the credentials to use, then one masked line
 * per request. Returns the running mock (the bin closes it on SIGINT/SIGTERM).
 */
export async function runCli(args: string[], print: (line: string) => void): Promise<MockProvider | undefined> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: "string" }, "redirect-uri": { type: "string", multiple: true }, "auto-approve": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const provider = positionals[0];
  if (values.help || !provider || positionals.length > 1 || !mockProviderNames.includes(provider as MockProviderName)) {
    print(USAGE);
    return undefined;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    print(`invalid --port ${JSON.stringify(values.port)}\n${USAGE}`);
    return undefined;
  }
  const redirectUris = values["redirect-uri"];
  const mock = await startMockProvider(provider as MockProviderName, {
    port,
    autoApprove: values["auto-approve"] === true,
    onRequest: print,
    ...(redirectUris ? { redirectUris } : {}),
  });
  print(`${provider} mock listening on ${mock.baseUrl}`);
  print("credentials (this mock's own; valid only here):");
  for (const [name, value] of Object.entries(mock.credentials)) print(`  ${name}: ${value}`);
  print("requests (secrets masked):");
  return mock;
}
