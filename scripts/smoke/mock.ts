// Installed from its tarball: start the Alpaca mock, run a Connect code exchange twice (the second is
// refused), then run the installed bin and read its first line.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { type MockProvider, startMockProvider } from "@oauth-kit/mock";

const redirectUri = "http://localhost/callback";
const mock: MockProvider<"alpaca"> = await startMockProvider("alpaca", { autoApprove: true, redirectUris: [redirectUri] });
const { clientId, clientSecret, authorizeUrl } = mock.credentials;
const query = new URLSearchParams({ response_type: "code", client_id: clientId!, redirect_uri: redirectUri, state: "s" });
const code = new URL((await fetch(`${authorizeUrl}?${query}`, { redirect: "manual" })).headers.get("location")!).searchParams.get("code")!;
const form = new URLSearchParams({ grant_type: "authorization_code", code, client_id: clientId!, client_secret: clientSecret!, redirect_uri: redirectUri });
const exchange = () => fetch(`${mock.baseUrl}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
const [first, second] = [await exchange(), await exchange()];
await mock.close();
if (first.status !== 200 || second.status !== 400) throw new Error(`exchange answered ${first.status}, then ${second.status}`);

// The bin, as `npx @oauth-kit/mock` runs it.
const child = spawn(process.execPath, [new URL("../node_modules/@oauth-kit/mock/dist/cli.js", import.meta.url).pathname, "tradovate"], { stdio: ["ignore", "pipe", "inherit"] });
const [line] = await new Promise<string[]>((resolve) => createInterface({ input: child.stdout! }).once("line", (first) => resolve([first])));
child.kill("SIGTERM");
if (!/^tradovate mock listening on http:\/\/127\.0\.0\.1:\d+$/.test(line ?? "")) throw new Error(`unexpected CLI output ${line}`);
console.log("Connect code exchanged once, refused twice; CLI started: ok");
