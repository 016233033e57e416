// A fetch that sends requests addressed to the provider's real hosts (every server URL of the spec, including
// per-operation servers) to the mock instead, so code written for production runs unchanged in a test.
import type { OpenApiDocument } from "../spec/openapi.js";
import type { SpecOperation } from "../spec/operations.js";

export function rewritingFetch(document: OpenApiDocument, operations: SpecOperation[], baseUrl: string): typeof fetch {
  const servers = [...new Set([...(document.servers ?? []), ...operations.flatMap((operation) => operation.operation.servers ?? [])].map(({ url }) => url.replace(/\/$/, "")))]
    // Longest first, so `https://host/v1` wins over `https://host`.
    .sort((a, b) => b.length - a.length);
  // The fetch of the moment the mock started: the global one may later be replaced by this very function.
  const send = globalThis.fetch;
  return async (input, init) => {
    const request = new Request(input, init);
    const server = servers.find((candidate) => request.url === candidate || request.url.startsWith(`${candidate}/`) || request.url.startsWith(`${candidate}?`));
    if (!server) return send(request);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
    return send(`${baseUrl}${request.url.slice(server.length)}`, { method: request.method, headers: request.headers, body, redirect: request.redirect, signal: request.signal });
  };
}
