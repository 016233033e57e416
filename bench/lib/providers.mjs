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

/**
 * `@oauth-kit/auth` and openapi-fetch, as a provider package loads them, and one API-key stamper (a fresh
 * key pair) for signed operations.
 */
export async function loadLibraries() {
  const auth = await import(packageEntry("packages/auth").url);
  const { default: createClient } = await import(openapiFetchEntry());
  const stamper = await auth.createTurnkeyApiKeyStamper(await turnkeyStyleKeyPair());
  return { auth, createClient, stamper };
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
 * The cases a provider offers: `{ label, operation, schemes }` for Basic GET, Basic POST, bearer and a
 * signed POST (an API-key scheme on the header a Stamper signs, e.g. Turnkey's X-Stamp), each scheme as
 * `{ name, type, header }`, type "stamp" for a signed one. `stampHeader` is @oauth-kit/auth's.
 */
export function casesOf(metadata, stampHeader = "X-Stamp") {
  const wanted = [
    ["Basic GET", "basic", "GET"],
    ["Basic POST", "basic", "POST"],
    ["bearer (token source)", "bearer", undefined],
    ["stamped POST", "apiKey", "POST"],
  ];
  return wanted.flatMap(([label, type, method]) => {
    const operation = pickOperation(metadata, type, method);
    if (!operation) return [];
    const schemes = operation.security[0].map((name) => {
      const scheme = metadata.securitySchemes[name];
      const stamped = scheme.type === "apiKey" && scheme.name.toLowerCase() === stampHeader.toLowerCase();
      return { name, type: stamped ? "stamp" : schemeType(scheme), header: scheme.type === "apiKey" ? scheme.name : "Authorization" };
    });
    // A plain API key alone is not a case of its own: only a signed one is.
    if (type === "apiKey" && !schemes.some((scheme) => scheme.type === "stamp")) return [];
    return [{ label, operation, schemes }];
  });
}

/** A fresh P-256 key pair in Turnkey's API-key format (hex compressed public key, hex private scalar). */
export async function turnkeyStyleKeyPair() {
  const { publicKey, privateKey } = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", publicKey)); // 04 || x || y
  const hex = (bytes) => Buffer.from(bytes).toString("hex");
  const compressed = `${raw[64] % 2 === 0 ? "02" : "03"}${hex(raw.slice(1, 33))}`;
  const { d } = await crypto.subtle.exportKey("jwk", privateKey);
  return { apiPublicKey: compressed, apiPrivateKey: hex(Buffer.from(d, "base64url")) };
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

/**
 * The oauth-kit credential for a scheme type, the way create<Provider>Client() builds it. `stamper` (from
 * createTurnkeyApiKeyStamper) signs a "stamp" scheme.
 */
export function credentialFor(auth, type, stamper) {
  if (type === "basic") return auth.basic("bench-key", "bench-secret");
  if (type === "bearer") return auth.bearer(freshTokenSource(auth));
  if (type === "stamp") return auth.stamp(stamper);
  return auth.apiKey("bench-api-key");
}

/**
 * The hand-written equivalent for bare openapi-fetch and raw fetch: the header value to set, given the
 * scheme type and the body as sent (a token getter for bearer, awaited per call like a token source; the
 * same stamper's signature over the body for a "stamp" scheme).
 */
export function handWrittenAuth(type, stamper) {
  if (type === "basic") {
    const value = `Basic ${btoa("bench-key:bench-secret")}`;
    return async () => value;
  }
  if (type === "bearer") {
    let token = "bench-access-token";
    return async () => `Bearer ${token}`;
  }
  if (type === "stamp") return async (body) => (await stamper.stamp(body ?? "")).headerValue;
  return async () => "bench-api-key";
}

/** The three clients of one case, each a function making the call and reading its JSON body. */
export function variantsOf({ auth, createClient, stamper }, metadata, benchCase, { baseUrl, fetch }) {
  const call = callOf(benchCase.operation, baseUrl);
  const method = benchCase.operation.method;
  const headers = benchCase.schemes.map((scheme) => [scheme.header, handWrittenAuth(scheme.type, stamper)]);
  const signs = benchCase.schemes.some((scheme) => scheme.type === "stamp");
  const headersOf = async (body) => {
    const out = {};
    for (const [name, value] of headers) out[name] = await value(body);
    return out;
  };

  const oauthKit = auth.createProviderClient({
    metadata,
    baseUrl,
    fetch,
    credentials: Object.fromEntries(benchCase.schemes.map((scheme) => [scheme.name, credentialFor(auth, scheme.type, stamper)])),
  });
  const bare = createClient({ baseUrl, fetch });
  bare.use({
    async onRequest({ request }) {
      // A signature covers the body as sent, so only a signing middleware reads it.
      const body = signs ? await request.clone().text() : undefined;
      for (const [name, value] of headers) request.headers.set(name, await value(body));
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
      const body = call.body ? JSON.stringify(call.body) : undefined;
      const init = { method, headers: await headersOf(body), body };
      if (body) init.headers["content-type"] = "application/json";
      const response = await rawFetch(call.url, init);
      if (!response.ok) throw new Error(`raw fetch ${method} ${call.url} failed: ${response.status}`);
      await response.json();
    },
  };
}
