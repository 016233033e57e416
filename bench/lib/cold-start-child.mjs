// One cold start, in a fresh Node process (bench/cold-start.bench.mjs copies this file into a throwaway
// app folder whose node_modules links the packages, and spawns it once per sample). Both sides import by
// package name, as an app does, so both pay Node's package resolution:
// - `openapi-fetch`: `import createClient from "openapi-fetch"` and create a client;
// - `<package name>`: import that provider package and @oauth-kit/auth, and create a client over the
//   provider's metadata with its credentials (as create<Provider>Client() does).
// Prints the milliseconds from before the first import to the created client. The bench helpers (argv[3],
// a file URL) are loaded before the clock starts, and the security schemes to give credentials for
// (argv[4], JSON) were picked from the metadata by the parent: choosing an operation is the bench's work,
// not the library's, so it stays off the clock.
const [target, helpersUrl, schemesJson = "[]"] = process.argv.slice(2);
const { credentialFor } = await import(helpersUrl);
const schemes = JSON.parse(schemesJson);

const started = performance.now();
if (target === "openapi-fetch") {
  const { default: createClient } = await import("openapi-fetch");
  createClient({ baseUrl: "https://api.bench.invalid" });
} else {
  const { metadata } = await import(target);
  const library = await import("@oauth-kit/auth");
  const credentials = Object.fromEntries(schemes.map((scheme) => [scheme.name, credentialFor(library, scheme.type)]));
  library.createProviderClient({ metadata, credentials });
}
console.log((performance.now() - started).toFixed(3));
