// The shape of `src/generated/metadata.ts` in every provider package. `pnpm generate` writes it from the
// bundled spec; the client reads it to pick servers, apply credentials, encode bodies and decide retries.
// It is plain data: everything the runtime needs to know about an operation without shipping the spec.

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export type SecuritySchemeMetadata =
  | { readonly type: "http"; readonly scheme: "basic" | "bearer" }
  | { readonly type: "apiKey"; readonly in: "header"; readonly name: string };

export interface OperationMetadata {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path template as written in the spec, e.g. `/v1/oauth/clients/{client_id}`. */
  readonly path: string;
  /** Base URL per environment when the operation lives on another host than the spec's `servers`. */
  readonly servers: Readonly<Record<string, string>> | null;
  /**
   * Alternatives, each a list of scheme names that must all be applied together. `[]` means the
   * operation takes no credentials; an empty alternative (`[]` inside the list) means credentials are optional.
   */
  readonly security: readonly (readonly string[])[];
  /** Request body media types, the default first. Empty when the operation has no body. */
  readonly requestMediaTypes: readonly string[];
  /** Response media types by status code (`"200"`, `"4XX"`, `"default"`); `[]` means no body. */
  readonly responses: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether a failed attempt may be sent again after the request could have reached the server:
   * true for GET/HEAD/PUT/DELETE/OPTIONS and for POST/PATCH operations marked `x-idempotent: true`.
   */
  readonly retrySafe: boolean;
}

export interface ApiMetadata {
  /** The spec this was generated from, relative to the repository root. */
  readonly spec: string;
  /** Base URL per environment name (the spec's `servers[].x-environment`), in spec order. */
  readonly servers: Readonly<Record<string, string>>;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeMetadata>>;
  /** Keyed by `"METHOD /path/template"`. */
  readonly operations: Readonly<Record<string, OperationMetadata>>;
}

// Per metadata, its operations by method, then by path template (from the `"METHOD /path"` keys), built on
// first use: a call looks its operation up by the very path string it passed, with no key built per call.
const byMethod = new WeakMap<ApiMetadata, Map<string, Map<string, OperationMetadata>>>();

/** The metadata of the operation behind a method and a path template, if the spec has it. */
export function findOperation(metadata: ApiMetadata, method: string, path: string): OperationMetadata | undefined {
  let methods = byMethod.get(metadata);
  if (methods === undefined) {
    methods = new Map();
    for (const [key, operation] of Object.entries(metadata.operations)) {
      const space = key.indexOf(" ");
      const name = key.slice(0, space);
      if (!methods.has(name)) methods.set(name, new Map());
      methods.get(name)!.set(key.slice(space + 1), operation);
    }
    byMethod.set(metadata, methods);
  }
  return (methods.get(method) ?? methods.get(method.toUpperCase()))?.get(path);
}

const templates = new WeakMap<OperationMetadata, RegExp>();

/**
 * The operation whose path template matches the end of `url`'s path (a base URL may add a prefix such
 * as /v1). Only for a Request that oauth-kit's middleware did not see: the middleware knows the template.
 */
export function matchOperation(metadata: ApiMetadata, method: string, url: string): OperationMetadata | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const upper = method.toUpperCase();
  for (const operation of Object.values(metadata.operations)) {
    if (operation.method !== upper) continue;
    let pattern = templates.get(operation);
    if (!pattern) {
      const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+");
      pattern = new RegExp(`${source}$`);
      templates.set(operation, pattern);
    }
    if (pattern.test(pathname)) return operation;
  }
  return undefined;
}
