// One cold start, in a fresh process (bench/cold-start.bench.mjs spawns this once per sample):
// `openapi-fetch` imports openapi-fetch and creates a client; `<packageDir>` imports that provider
// package and @oauth-kit/auth from their dist/ and creates a client over the provider's metadata, with
// its credentials (as create<Provider>Client() does). Prints the milliseconds from before the first import
// to the created client. Paths are resolved before the clock starts.
import { casesOf, credentialFor, openapiFetchEntry, packageEntry } from "./providers.mjs";

const target = process.argv[2];
const auth = packageEntry("packages/auth").url;
const provider = target === "openapi-fetch" ? undefined : packageEntry(target).url;
const openapiFetch = openapiFetchEntry();

const started = performance.now();
if (provider === undefined) {
  const { default: createClient } = await import(openapiFetch);
  createClient({ baseUrl: "https://api.bench.invalid" });
} else {
  const { metadata } = await import(provider);
  const library = await import(auth);
  const [benchCase] = casesOf(metadata, library.TURNKEY_STAMP_HEADER);
  // A signing key is imported on first use (createTurnkeyClient defers it too), so not at start-up.
  const schemes = (benchCase?.schemes ?? []).filter((scheme) => scheme.type !== "stamp");
  const credentials = Object.fromEntries(schemes.map((scheme) => [scheme.name, credentialFor(library, scheme.type)]));
  library.createProviderClient({ metadata, credentials });
}
console.log((performance.now() - started).toFixed(3));
