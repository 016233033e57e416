// A provider played on 127.0.0.1 for a README quick start run by scripts/check-readmes.mjs. The quick start
// runs unchanged (it names the real hosts); scripts/lib/fake-provider-preload.mjs, loaded with
// `node --import`, routes its fetch calls here. Routes are `{ "METHOD /path": (request) => response }`,
// from the README's fixture in scripts/readme-quick-starts/. Each request is recorded, and one no route
// answers is a 404 that the checker reports. (@oauth-kit/mock, built from the specs, can replace the
// fixtures' routes once it lands.)
import { createServer } from "node:http";

/**
 * Starts the fake on a free 127.0.0.1 port: `{ origin, requests, unknown, close() }`. A route gets
 * `{ method, path, query, headers, body, json, originalOrigin }` and returns `{ status?, headers?, body? }`
 * (an object body is sent as JSON).
 */
export async function startFakeProvider(routes) {
  const requests = [];
  const unknown = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: () => JSON.parse(body),
      originalOrigin: req.headers["x-original-origin"],
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    if (!route) {
      unknown.push(`${request.method} ${request.originalOrigin ?? ""}${request.path}`);
      res.writeHead(404, { "content-type": "text/plain" }).end("no such route in the README fixture");
      return;
    }
    try {
      const answer = await route(request);
      const payload = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      const type = typeof answer.body === "string" ? "text/plain" : "application/json";
      res.writeHead(answer.status ?? 200, { "content-type": type, ...answer.headers }).end(payload);
    } catch (error) {
      unknown.push(`${request.method} ${request.path}: the fixture route threw ${error.message}`);
      res.writeHead(500, { "content-type": "text/plain" }).end("fixture route failed");
    }
  });
  // A bounded lifetime: the checker closes it, and an unref'd server never keeps the process alive.
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    unknown,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
