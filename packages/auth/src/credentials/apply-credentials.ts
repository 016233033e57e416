import type { Middleware } from "openapi-fetch";
import { ConfigError } from "../errors.js";
import { type ApiMetadata, type OperationMetadata, findOperation, matchOperation } from "../metadata.js";
import { type RefreshableToken, type RequestContext, contextOf } from "../request-context.js";
import { type Credential, assertHeaderSafe, assertLatin1, encodeBasic } from "./credential.js";

export type CredentialMap = Readonly<Record<string, Credential | undefined>>;

/**
 * The alternative of `operation.security` to apply: the first whose schemes all have a credential.
 * `[]` as an alternative (credentials optional) is satisfied by nothing. Throws before anything is sent
 * when the operation needs credentials the client does not have.
 */
function chooseAlternative(operation: OperationMetadata, credentials: CredentialMap): readonly string[] {
  if (operation.security.length === 0) return [];
  const chosen = operation.security.find((alternative) => alternative.every((scheme) => credentials[scheme]));
  if (chosen) return chosen;
  const needed = operation.security.map((alternative) => alternative.join(" + ")).join(" or ");
  throw new ConfigError(`${operation.operationId} needs credentials for ${needed}, and the client has none of them`);
}

// The last value of each token source found header-safe.
const checkedToken = new WeakMap<RefreshableToken, string>();

async function apply(request: Request, metadata: ApiMetadata, scheme: string, credential: Credential): Promise<void> {
  const definition = metadata.securitySchemes[scheme];
  if (!definition) throw new ConfigError(`unknown security scheme ${scheme}`);
  const context = contextOf(request);
  context.credentialed = true;
  if (definition.type === "apiKey" && credential.type === "stamp") {
    // Signed last, by the transport, over the exact bytes it sends (after every middleware).
    (context.stamps ??= []).push({ scheme, header: definition.name, stamper: credential.stamper });
  } else if (definition.type === "apiKey") {
    if (credential.type !== "apiKey") throw new ConfigError(`scheme ${scheme} takes apiKey(), got ${credential.type}()`);
    request.headers.set(definition.name, credential.value);
  } else if (definition.scheme === "basic") {
    if (credential.type !== "basic") throw new ConfigError(`scheme ${scheme} takes basic(), got ${credential.type}()`);
    request.headers.set("authorization", `Basic ${encodeBasic(credential)}`);
  } else {
    if (credential.type !== "bearer") throw new ConfigError(`scheme ${scheme} takes bearer(), got ${credential.type}()`);
    const source = typeof credential.token === "string" ? undefined : credential.token;
    const token = source ? await source.getToken({ signal: request.signal }) : (credential.token as string);
    // A token source's value was never seen by bearer(): check it before it reaches a header (once per
    // token: a source hands out the same one until it refreshes).
    if (source && checkedToken.get(source) !== token) {
      assertHeaderSafe(token, "Bearer token from the token source");
      assertLatin1(token, "Bearer token from the token source");
      checkedToken.set(source, token);
    }
    request.headers.set("authorization", `Bearer ${token}`);
    context.bearer = source ? { source, token } : undefined;
  }
}

/** Removes whatever an earlier pass applied, so an override starts clean. */
function strip(request: Request, metadata: ApiMetadata, operation: OperationMetadata): void {
  for (const scheme of operation.security.flat()) {
    const definition = metadata.securitySchemes[scheme];
    request.headers.delete(definition?.type === "apiKey" ? definition.name : "authorization");
  }
  const context = contextOf(request);
  context.bearer = undefined;
  context.stamps = undefined;
  context.credentialed = false;
  context.missingCredentials = undefined;
}

/**
 * The client's credential middleware: looks the operation up in the generated metadata and applies
 * exactly what its `security` declares (Basic only where Basic is declared, nothing where nothing is).
 * When the client holds none of the declared alternatives, the request fails with a ConfigError before
 * it is sent (unless a per-request useCredentials() supplies them).
 */
export function credentialMiddleware(metadata: ApiMetadata, credentials: CredentialMap): Middleware {
  // Worked out once per client, not per call: the alternative each operation gets, and the header of
  // every credential that never changes (Basic, API key, a fixed bearer).
  const chosen = new Map<OperationMetadata, readonly string[]>();
  const fixed = new Map<string, readonly [name: string, value: string] | null>();
  const fixedHeader = (scheme: string) => {
    if (!fixed.has(scheme)) fixed.set(scheme, fixedHeaderOf(metadata, scheme, credentials[scheme] as Credential));
    return fixed.get(scheme);
  };
  return {
    onRequest({ request, schemaPath }) {
      const context = contextOf(request);
      const operation = context.operation ?? findOperation(metadata, request.method, schemaPath);
      context.operation = operation;
      if (!operation) return undefined;
      let schemes = chosen.get(operation);
      if (schemes === undefined) {
        try {
          schemes = chooseAlternative(operation, credentials);
          chosen.set(operation, schemes);
        } catch (error) {
          // Not thrown yet: a per-request useCredentials() runs after this middleware and may supply them.
          // The transport throws it before anything is sent otherwise.
          context.missingCredentials = error as ConfigError;
          return undefined;
        }
      }
      let pending: Promise<void> | undefined;
      for (const scheme of schemes) {
        const header = fixedHeader(scheme);
        if (header) {
          request.headers.set(header[0], header[1]);
          context.credentialed = true;
        } else {
          const credential = credentials[scheme] as Credential;
          const previous = pending;
          // Applied in order; the usual single scheme (a token source, a stamp) without a chain.
          pending = previous
            ? previous.then(() => apply(request, metadata, scheme, credential))
            : apply(request, metadata, scheme, credential);
        }
      }
      // Synchronous unless a credential needs to wait (a token source, a stamp); resolves to undefined.
      return pending;
    },
  };
}

/** The header of a credential that never changes, or null when it must be applied per request. */
function fixedHeaderOf(metadata: ApiMetadata, scheme: string, credential: Credential): readonly [string, string] | null {
  const definition = metadata.securitySchemes[scheme];
  if (definition?.type === "apiKey" && credential.type === "apiKey") return [definition.name, credential.value];
  if (definition?.type === "http" && definition.scheme === "basic" && credential.type === "basic") {
    return ["authorization", `Basic ${encodeBasic(credential)}`];
  }
  if (definition?.type === "http" && definition.scheme === "bearer" && credential.type === "bearer" && typeof credential.token === "string") {
    return ["authorization", `Bearer ${credential.token}`];
  }
  return null;
}

/**
 * Per-request override: `client.PATCH(path, { middleware: [useCredentials(metadata, { RefreshAuth: bearer(t) })] })`
 * sends exactly these schemes instead of the client's, provided the operation declares them as an alternative.
 */
export function useCredentials(metadata: ApiMetadata, credentials: CredentialMap): Middleware {
  const schemes = Object.keys(credentials).filter((scheme) => credentials[scheme]);
  return {
    async onRequest({ request, schemaPath }) {
      const operation = findOperation(metadata, request.method, schemaPath);
      if (!operation) throw new ConfigError(`${request.method} ${schemaPath} is not in ${metadata.spec}`);
      const accepted = operation.security.some(
        (alternative) => alternative.length === schemes.length && alternative.every((scheme) => schemes.includes(scheme)),
      );
      if (!accepted) throw new ConfigError(`${operation.operationId} does not accept ${schemes.join(" + ") || "no credentials"}`);
      strip(request, metadata, operation);
      for (const scheme of schemes) await apply(request, metadata, scheme, credentials[scheme] as Credential);
      return undefined;
    },
  };
}

/**
 * The context of a Request that a middleware replaced (`return new Request(request, { body })`), which
 * oauth-kit's middleware never saw: the operation is found from the URL, and what the transport must
 * still do for it (the stamps, computed over the new body) is derived again. Its other credential
 * headers were copied from the original Request along with everything else.
 */
export function recoverContext(request: Request, metadata: ApiMetadata, credentials: CredentialMap): RequestContext {
  const operation = matchOperation(metadata, request.method, request.url);
  const context: RequestContext = { operation };
  if (!operation) return context;
  let schemes: readonly string[] = [];
  try {
    schemes = chooseAlternative(operation, credentials);
  } catch {
    // The middleware deferred this error on the original request; the replacement carries what it carries.
  }
  for (const scheme of schemes) {
    const definition = metadata.securitySchemes[scheme];
    const credential = credentials[scheme];
    if (definition?.type === "apiKey" && credential?.type === "stamp") {
      (context.stamps ??= []).push({ scheme, header: definition.name, stamper: credential.stamper });
    }
  }
  context.credentialed = schemes.length > 0;
  return context;
}
