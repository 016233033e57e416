// The HTTP side: a node:http server on 127.0.0.1 that reads each request whole, runs the pipeline, applies
// transport faults (reset, truncation) and writes the answer. Browsers may call it from any origin (CORS).
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { MockResponse } from "../provider.js";
import { responseExample } from "../spec/examples.js";
import type { Outcome, Pipeline } from "./handle.js";
import { checkResponse } from "./check-response.js";
import { handle } from "./handle.js";
import type { RawRequest } from "./parse-request.js";

const MAX_BODY = 1024 * 1024;

export interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function contentTypeOf(pipeline: Pipeline, outcome: Outcome, response: MockResponse): string | undefined {
  if (response.contentType) return response.contentType;
  if (response.body === undefined) return undefined;
  const operation = pipeline.operations.find((candidate) => candidate.operationId === outcome.operationId);
  const documented = operation ? responseExample(pipeline.document, operation, response.status)?.mediaType : undefined;
  if (documented) return documented;
  return typeof response.body === "string" ? "text/plain" : "application/json";
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "*",
};

export interface ServedRequest {
  raw: RawRequest;
  outcome: Outcome | undefined;
}

/** Listens first, so the pipeline (built by the caller once the base URL is known) can include it. */
export async function listen(
  port: number,
  pipelineOf: () => Pipeline,
  onServed: (served: ServedRequest, status: number) => void,
): Promise<Listening> {
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const pipeline = pipelineOf();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const headers = headersOf(request);
    if (request.method === "OPTIONS") {
      // CORS preflight: allow whatever the page asks for; the mock checks the real request.
      response.writeHead(204, {
        ...CORS,
        "access-control-allow-methods": headers["access-control-request-method"] ?? "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      response.end();
      return;
    }
    const raw: RawRequest = { method: request.method ?? "GET", url, headers, rawBody: await readBody(request) };
    let outcome: Outcome | undefined;
    try {
      outcome = await handle(pipeline, raw);
    } catch (error) {
      response.writeHead(500, { ...CORS, "content-type": "text/plain" });
      response.end(`mock error: ${(error as Error).message}`);
      onServed({ raw, outcome }, 500);
      return;
    }
    let answer = outcome.response;
    const type = contentTypeOf(pipeline, outcome, answer);
    if (outcome.operation && !outcome.fault && pipeline.setup.options.validateResponses) {
      const problems = checkResponse(pipeline.validator, outcome.operation, answer, type);
      if (problems.length) answer = { status: 500, body: `mock response does not match the spec: ${problems.join("; ")}`, contentType: "text/plain" };
    }
    onServed({ raw, outcome }, answer.status);
    if (outcome.fault?.reset) {
      request.socket.destroy();
      return;
    }
    const payload = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    const bytes = Buffer.from(payload, "utf8");
    const out: Record<string, string> = { ...CORS, ...(answer.headers ?? {}), "content-length": String(bytes.length) };
    const sentType = answer === outcome.response ? type : answer.contentType;
    if (sentType) out["content-type"] = sentType;
    response.writeHead(answer.status, out);
    if (outcome.fault?.truncate && bytes.length > 1) {
      // Content-Length announces every byte; half arrive, then the connection drops.
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
      return;
    }
    response.end(bytes);
  };

  const server = createServer((request, response) => {
    serve(request, response).catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${bound}`;
  return {
    baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
