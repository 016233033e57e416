// Builds the plain-data metadata (servers, security, media types, retry safety) from a dereferenced
// OpenAPI document. The runtime counterpart of this shape is ApiMetadata in packages/auth/src/metadata.ts.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SAFE_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** `servers` as `{ environment: url }`; a server without x-environment serves every environment. */
function serversByEnvironment(servers, environments, where) {
  const out = {};
  const pinned = new Set();
  for (const server of servers) {
    const env = server["x-environment"];
    if (env === undefined) {
      for (const name of environments) out[name] ??= server.url;
    } else {
      if (typeof env !== "string" || !/^[a-z][a-z0-9-]*$/.test(env)) {
        throw new Error(`${where}: x-environment must be a lower-case name, got ${JSON.stringify(env)}`);
      }
      if (pinned.has(env)) throw new Error(`${where}: two servers for environment "${env}"`);
      pinned.add(env);
      out[env] = server.url;
    }
  }
  return out;
}

function securityScheme(name, scheme) {
  if (scheme.type === "http" && ["basic", "bearer"].includes(scheme.scheme?.toLowerCase())) {
    return { type: "http", scheme: scheme.scheme.toLowerCase() };
  }
  if (scheme.type === "apiKey" && scheme.in === "header") return { type: "apiKey", in: "header", name: scheme.name };
  throw new Error(`securityScheme ${name}: only http basic/bearer and header apiKey are supported`);
}

export function buildMetadata(doc, specPath) {
  const topServers = doc.servers ?? [];
  const environments = topServers.map((s, i) => {
    if (!s["x-environment"]) throw new Error(`${specPath}: servers[${i}] needs x-environment`);
    return s["x-environment"];
  });
  const servers = serversByEnvironment(topServers, environments, `${specPath} servers`);

  const securitySchemes = {};
  for (const [name, scheme] of Object.entries(doc.components?.securitySchemes ?? {})) {
    securitySchemes[name] = securityScheme(name, scheme);
  }

  const operations = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const lower of METHODS) {
      const op = item[lower];
      if (!op) continue;
      const method = lower.toUpperCase();
      const where = `${specPath} ${method} ${path}`;
      const security = op.security ?? doc.security;
      if (!security) throw new Error(`${where}: declare security (use [] for none)`);
      const opServers = op.servers ?? item.servers;
      const responses = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        responses[status] = Object.keys(response.content ?? {});
      }
      operations[`${method} ${path}`] = {
        operationId: op.operationId,
        method,
        path,
        servers: opServers ? serversByEnvironment(opServers, environments, where) : null,
        security: security.map((requirement) => Object.keys(requirement)),
        requestMediaTypes: Object.keys(op.requestBody?.content ?? {}),
        responses,
        retrySafe: SAFE_METHODS.has(method) || op["x-idempotent"] === true,
      };
      for (const alternative of operations[`${method} ${path}`].security) {
        for (const name of alternative) {
          if (!securitySchemes[name]) throw new Error(`${where}: unknown security scheme ${name}`);
        }
      }
    }
  }
  return { spec: specPath, servers, securitySchemes, operations };
}
