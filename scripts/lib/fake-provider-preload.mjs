// Loaded with `node --import` before a README quick start (see scripts/lib/fake-provider.mjs). Sends every
// fetch to the fake provider on 127.0.0.1 instead of the real host, keeping method, path, query, headers and
// the exact body bytes, and naming the host the code meant in `x-original-origin`. Then defines the names
// the README declares with `declare const` (what the reader brings: a callback's code, a wallet), from the
// README's fixture. Only ever loaded by the checker; never part of a package.
import { pathToFileURL } from "node:url";

const origin = process.env.OAUTH_KIT_FAKE_ORIGIN;
if (!origin) throw new Error("OAUTH_KIT_FAKE_ORIGIN is not set");
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const meant = new URL(request.url);
  const target = new URL(meant.pathname + meant.search, origin);
  const headers = new Headers(request.headers);
  headers.set("x-original-origin", meant.origin);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return realFetch(target, { method: request.method, headers, body, redirect: "manual", signal: request.signal });
};

const fixture = process.env.OAUTH_KIT_README_FIXTURE;
if (fixture) {
  const { globals } = await import(pathToFileURL(fixture).href);
  if (globals) Object.assign(globalThis, await globals());
}
