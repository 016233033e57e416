// The benchmarked clients, from what users install (each package's built dist/): every provider in
// redocly.yaml, its generated metadata, and per provider the operations to call, picked from that
// metadata: a Basic GET, a Basic POST and a bearer (token source) call, wherever the spec has one.
//
// A provider client is createProviderClient() over the package's generated metadata with one credential
// per security scheme (that is all each create<Provider>Client() does), so the benchmark builds it that
// way for every provider alike instead of knowing each package's option names.
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadApis, repoRoot } from "../../scripts/lib/apis.mjs";

/** The ES module a package's `exports["."]` points at, as a file URL (its built dist/). */
export function packageEntry(packageDir) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, packageDir, "package.json"), "utf8"));
  const entry = manifest.exports?.["."]?.default ?? manifest.main;
  return { name: manifest.name, url: pathToFileURL(join(repoRoot, packageDir, entry)).href };
}

/** openapi-fetch's ES module entry, the one @oauth-kit/auth's dist/ imports (its "import" export). */
export function openapiFetchEntry() {
  const dir = realpathSync(join(repoRoot, "packages", "auth", "node_modules", "openapi-fetch"));
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return pathToFileURL(join(dir, manifest.exports["."].import)).href;
}

/** `@oauth-kit/auth` and openapi-fetch, as a provider package loads them. */
export async function loadLibraries() {
  const auth = await import(packageEntry("packages/auth").url);
  const { default: createClient } = await import(openapiFetchEntry());
  return { auth, createClient };
}

const schemeType = (scheme) => (scheme.type === "http" ? scheme.scheme : scheme.type);

/**
 * The first operation of `metadata` with `method` (or any method, when undefined) whose first security
 * alternative includes a scheme of `type` ("basic" or "bearer"; other schemes of that alternative, such
 * as an API key, are sent too), preferring JSON bodies.
 */
export function pickOperation(metadata, type, method) {
  const candidates = Object.values(metadata.operations).filter((op) => {
    if (method !== undefined && op.method !== method) return false;
    const [first] = op.security;
    return first?.some((name) => schemeType(metadata.securitySchemes[name]) === type);
  });
  const json = (op) => op.requestMediaTypes.length === 0 || op.requestMediaTypes[0] === "application/json";
  return candidates.find(json) ?? candidates[0];
}

/**
 * The cases a provider offers: `{ label, operation, schemes }` for Basic GET, Basic POST and bearer, each
 * scheme as `{ name, type, header }`.
 */
export function casesOf(metadata) {
  const wanted = [
    ["Basic GET", "basic", "GET"],
    ["Basic POST", "basic", "POST"],
    ["bearer (token source)", "bearer", undefined],
  ];
  return wanted.flatMap(([label, type, method]) => {
    const operation = pickOperation(metadata, type, method);
    if (!operation) return [];
    const schemes = operation.security[0].map((name) => {
      const scheme = metadata.securitySchemes[name];
      return { name, type: schemeType(scheme), header: scheme.type === "apiKey" ? scheme.name : "Authorization" };
    });
    return [{ label, operation, schemes }];
  });
}

/** Every provider package, in redocly.yaml order: `{ api, name, url, metadata }` (metadata from dist/). */
export async function loadProviders() {
  const providers = [];
  for (const api of loadApis()) {
    const { name, url } = packageEntry(api.packageDir);
    const module = await import(url);
    if (!module.metadata) throw new Error(`${name} does not export its generated metadata`);
    providers.push({ api: api.name, name, url, metadata: module.metadata });
  }
  return providers;
}

/**
 * What one call sends: the path template with example values, the openapi-fetch init, and the
 * concrete URL and JSON body for raw fetch. `/clients/{client_id}` → `/clients/bench-client_id`.
 */
export function callOf(operation, baseUrl) {
  const path = {};
  const concrete = operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    path[name] = `bench-${name}`;
    return path[name];
  });
  const body = operation.requestMediaTypes.length ? { name: "bench", scopes: ["read"], ttl: 3600 } : undefined;
  const init = { params: { path } };
  if (body) init.body = body;
  const success = Object.entries(operation.responses).find(([status]) => /^2/.test(status));
  return {
    template: operation.path,
    init,
    url: `${baseUrl}${concrete}`,
    body,
    mediaType: operation.requestMediaTypes[0],
    status: success ? Number(success[0].replace(/X/g, "0")) : 200,
    responseType: success?.[1][0] ?? "application/json",
  };
}

/** A token source holding a fresh token: the bearer path without refreshes (the per-call cost). */
export function freshTokenSource(auth) {
  return auth.createTokenSource({
    initial: { accessToken: "bench-access-token", tokenType: "Bearer", expiresAt: Date.now() + 3_600_000 },
    refresh: async () => ({ accessToken: "bench-access-token-2", tokenType: "Bearer", expiresAt: Date.now() + 3_600_000 }),
  });
}

/** The oauth-kit credential for a scheme type, the way create<Provider>Client() builds it. */
export function credentialFor(auth, type) {
  if (type === "basic") return auth.basic("bench-key", "bench-secret");
  if (type === "bearer") return auth.bearer(freshTokenSource(auth));
  return auth.apiKey("bench-api-key");
}

/**
 * The hand-written equivalent for bare openapi-fetch and raw fetch: the header value to set, given the
 * scheme type (a token getter for bearer, awaited per call like a token source).
 */
export function handWrittenAuth(type) {
  if (type === "basic") {
    const value = `Basic ${btoa("bench-key:bench-secret")}`;
    return async () => value;
  }
  if (type === "bearer") {
    let token = "bench-access-token";
    return async () => `Bearer ${token}`;
  }
  return async () => "bench-api-key";
}

/** The three clients of one case, each a function making the call and reading its JSON body. */
export function variantsOf({ auth, createClient }, metadata, benchCase, { baseUrl, fetch }) {
  const call = callOf(benchCase.operation, baseUrl);
  const method = benchCase.operation.method;
  const headers = benchCase.schemes.map((scheme) => [scheme.header, handWrittenAuth(scheme.type)]);
  const headersOf = async () => {
    const out = {};
    for (const [name, value] of headers) out[name] = await value();
    return out;
  };

  const oauthKit = auth.createProviderClient({
    metadata,
    baseUrl,
    fetch,
    credentials: Object.fromEntries(benchCase.schemes.map((scheme) => [scheme.name, credentialFor(auth, scheme.type)])),
  });
  const bare = createClient({ baseUrl, fetch });
  bare.use({
    async onRequest({ request }) {
      for (const [name, value] of headers) request.headers.set(name, await value());
      return request;
    },
  });
  const rawFetch = fetch ?? globalThis.fetch;
  const check = (what, result) => {
    if (result.error !== undefined || result.data === undefined) throw new Error(`${what} ${method} ${call.template} failed: ${result.response.status}`);
  };

  return {
    "oauth-kit": async () => check("oauth-kit", await oauthKit[method](call.template, call.init)),
    "openapi-fetch + middleware": async () => check("openapi-fetch", await bare[method](call.template, call.init)),
    "raw fetch": async () => {
      const init = { method, headers: await headersOf() };
      if (call.body) {
        init.headers["content-type"] = "application/json";
        init.body = JSON.stringify(call.body);
      }
      const response = await rawFetch(call.url, init);
      if (!response.ok) throw new Error(`raw fetch ${method} ${call.url} failed: ${response.status}`);
      await response.json();
    },
  };
}
