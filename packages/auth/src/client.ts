import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import { type CredentialMap, credentialMiddleware, recoverContext } from "./credentials/apply-credentials.js";
import { secretsOf } from "./credentials/credential.js";
import { ConfigError } from "./errors.js";
import { type ApiMetadata, findOperation } from "./metadata.js";
import { CONTEXT_KEY, type RequestContext, streamBodies } from "./request-context.js";
import type { RetryOptions } from "./transport/retry-policy.js";
import { createTransport } from "./transport/transport.js";

export interface ProviderClientOptions<Environment extends string = string> {
  /** A server named in the spec (`servers[].x-environment`). Operations on other hosts follow it too. */
  environment?: Environment | undefined;
  /** Send every operation here instead (a mock server, a proxy). Wins over `environment`. */
  baseUrl?: string | undefined;
  /** Plain http is refused except on loopback hosts, unless this is set. */
  allowInsecureHttp?: boolean | undefined;
  /** Retries for retry-safe operations (default 2); `false` turns them off. */
  retry?: RetryOptions | false | undefined;
  /** Per attempt, headers and body. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Largest response body read. Default 1 MiB. */
  maxResponseBytes?: number | undefined;
  /** A custom fetch (tests, proxies, instrumentation). Defaults to the global fetch at call time. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Extra headers on every request (e.g. a client version). */
  headers?: ClientOptions["headers"];
  /** Middleware to run after oauth-kit's credentials are applied (e.g. request signing). */
  middleware?: Middleware[] | undefined;
}

export interface ProviderClientConfig<Environment extends string> extends ProviderClientOptions<Environment> {
  metadata: ApiMetadata;
  /** One credential per security scheme name of the spec; operations get only what they declare. */
  credentials?: CredentialMap | undefined;
}

const NO_INIT: Record<string, unknown> = Object.freeze({});
/** openapi-fetch's bodySerializer for a body oauth-kit has already serialized. */
const AS_SERIALIZED = (serialized: unknown) => serialized;
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

function resolveBaseUrl(metadata: ApiMetadata, environment: string | undefined, baseUrl: string | undefined, insecure: boolean) {
  let url: string;
  if (baseUrl !== undefined) {
    url = baseUrl;
  } else {
    const names = Object.keys(metadata.servers);
    const name = environment ?? names[0];
    const server = name === undefined ? undefined : metadata.servers[name];
    if (server === undefined) {
      throw new ConfigError(`unknown environment ${JSON.stringify(environment)}; expected one of: ${names.join(", ")}`);
    }
    url = server;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not quoted: a malformed URL may still carry a password.
    throw new ConfigError("baseUrl must be an absolute URL");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new ConfigError("baseUrl must not contain user:password@ credentials; pass them as the client's credentials");
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && (insecure || LOOPBACK.test(parsed.hostname)))) {
    throw new ConfigError(`baseUrl must use https (plain http is allowed only on loopback hosts): ${parsed.origin}`);
  }
  return url.replace(/\/+$/, "");
}

function contentTypeOf(headers: unknown): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("content-type") ?? undefined;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (name.toLowerCase() === "content-type" && typeof value === "string") return value;
  }
  return undefined;
}

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/**
 * The caller's headers (a record or a Headers, as openapi-fetch takes them) with the form media type in
 * place of any Content-Type of theirs, whatever its case: it names the encoding the body is sent in.
 */
function withFormContentType(headers: unknown): HeadersInit {
  if (headers instanceof Headers) {
    const copy = new Headers(headers);
    copy.set("content-type", FORM_MEDIA_TYPE);
    return copy;
  }
  // Key by key, not `{ ...headers, "Content-Type": … }`: V8 builds that in dictionary mode (see perOperation).
  // A record's values stay as given: openapi-fetch reads null (remove a client header) and arrays itself.
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() !== "content-type") copy[name] = value;
  copy["Content-Type"] = FORM_MEDIA_TYPE;
  return copy as HeadersInit;
}

/** application/x-www-form-urlencoded: undefined fields are left out, arrays repeat the key. */
export function formUrlEncode(body: unknown): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}

function jsonSerialize(body: unknown): unknown {
  if (body instanceof ReadableStream) {
    streamBodies.add(body);
    return body;
  }
  return JSON.stringify(body);
}

/**
 * An openapi-fetch client configured from a spec's generated metadata: the base URL from an environment
 * name or `baseUrl`, per-operation hosts, credentials applied per operation, bodies encoded in the
 * operation's media type, and a transport with timeouts, retries and safe redirects.
 *
 * Middleware order: oauth-kit's credential middleware runs first, then `config.middleware` (request
 * signing belongs there, last, because it must see the final body), then anything added with `use()`.
 * The transport runs beneath all of them, so a retry or a 401 replay resends the bytes that were signed.
 */
export function createProviderClient<Paths extends {}, Environment extends string = string>(
  config: ProviderClientConfig<Environment>,
): Client<Paths> {
  const { metadata } = config;
  const baseUrl = resolveBaseUrl(metadata, config.environment, config.baseUrl, config.allowInsecureHttp === true);
  const environment = config.baseUrl === undefined ? (config.environment ?? Object.keys(metadata.servers)[0]) : undefined;
  const credentials = config.credentials ?? {};
  // Read when an error is built: a token source's tokens change over time.
  const secrets = () => Object.values(credentials).flatMap((credential) => (credential ? secretsOf(credential) : []));

  const transport = createTransport({
    fetch: config.fetch,
    retry: config.retry,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    secrets,
    recover: (request) => recoverContext(request, metadata, credentials),
  });
  const client = createClient<Paths>({ baseUrl, headers: config.headers, fetch: transport });
  client.use(credentialMiddleware(metadata, credentials), ...(config.middleware ?? []));

  // Per-operation host and body encoding need the operation before openapi-fetch builds the Request,
  // so each method is wrapped to pass openapi-fetch's own per-request `baseUrl` and `bodySerializer`.
  // The wrapper also hands the call's context to the transport under CONTEXT_KEY (openapi-fetch copies
  // unknown init keys onto its Request): the serialized body, the caller's signal, and the first
  // attempt's signal and `redirect: "manual"`, so the transport can send that very Request as it is.
  const perOperation = (method: string, path: string, init: Record<string, unknown> = NO_INIT) => {
    const operation = findOperation(metadata, method, path);
    const context: RequestContext = {
      operation,
      caller: init.signal as AbortSignal | undefined,
      parseAs: init.parseAs as string | undefined,
    };
    // The init openapi-fetch gets: the caller's, plus what oauth-kit adds (one object, built in place).
    // oauth-kit's keys come first and the caller's spread after, then oauth-kit's are set again so they
    // win: a spread followed by more keys (`{ ...init, key }`) makes V8 build the object in dictionary
    // mode, 1–2 µs a call, and every later read of it (openapi-fetch destructures it) slower too.
    // `oauthKitContext` is CONTEXT_KEY written as a literal key (a computed one is slow the same way);
    // `satisfies` fails to compile if the two ever differ.
    const openapiInit: Record<string, unknown> = { oauthKitContext: context, redirect: "manual", ...init } satisfies Record<typeof CONTEXT_KEY, RequestContext> &
      Record<string, unknown>;
    openapiInit.oauthKitContext = context;
    openapiInit.redirect = "manual";
    const server = environment === undefined ? undefined : operation?.servers?.[environment];
    if (server !== undefined && init.baseUrl === undefined) openapiInit.baseUrl = server;
    // fetch refuses a stream body without `duplex: "half"`, and openapi-fetch does not add it.
    if (init.body instanceof ReadableStream && init.duplex === undefined) openapiInit.duplex = "half";
    if (init.body !== undefined) {
      const custom = init.bodySerializer as ((body: unknown, headers?: unknown) => unknown) | undefined;
      if (custom === undefined) {
        const declared = operation?.requestMediaTypes ?? [];
        const requested = contentTypeOf(init.headers);
        if (requested && declared.length && !declared.some((type) => type.toLowerCase() === requested.split(";")[0]?.trim().toLowerCase())) {
          throw new ConfigError(`${operation?.operationId} accepts ${declared.join(", ")}, not ${requested}`);
        }
        const mediaType = requested ?? declared[0] ?? "application/json";
        const form = mediaType.toLowerCase().startsWith(FORM_MEDIA_TYPE);
        if (form) openapiInit.headers = withFormContentType(init.headers);
        // Serialized here, once: openapi-fetch gets the result and a serializer that hands it on as it is.
        const serialized = form ? formUrlEncode(init.body) : jsonSerialize(init.body);
        // The exact string sent: the transport replays it (and signs it) without copying the Request's body.
        if (typeof serialized === "string") context.body = serialized;
        openapiInit.body = serialized;
        openapiInit.bodySerializer = AS_SERIALIZED;
      } else {
        // A caller's serializer may need the request's headers, which openapi-fetch has only later.
        openapiInit.bodySerializer = (body: unknown, headers?: unknown) => {
          const serialized = custom(body, headers);
          if (typeof serialized === "string") context.body = serialized;
          return serialized;
        };
      }
    }
    // Created last, once nothing here can throw; its timer starts when the transport sends.
    context.attempt = transport.firstAttempt(context.caller);
    // A custom fetch gets a Request that carries the attempt's signal. The global fetch is given the
    // signal with the Request (`fetch(request, { signal })`), as it builds a Request of its own from
    // them anyway: a Request built here with a signal would cost a second signal to follow, per call.
    if (transport.signalInRequest) openapiInit.signal = context.attempt.signal;
    return openapiInit;
  };

  // A bad body or content-type is reported as a rejected promise, like every other failure of a call.
  const raw = client as unknown as Record<string, (path: string, init?: Record<string, unknown>) => Promise<unknown>>;
  for (const method of METHODS) {
    const original = raw[method]!;
    raw[method] = (path, init) => {
      try {
        return original(path, perOperation(method, path, init));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  const request = (client as unknown as { request: (m: string, p: string, i?: Record<string, unknown>) => Promise<unknown> }).request;
  (client as unknown as { request: typeof request }).request = (method, path, init) => {
    try {
      return request(method, path, perOperation(method.toUpperCase(), path, init));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return client;
}
