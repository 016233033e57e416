import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiMetadata, OperationMetadata } from "@oauth-kit/auth";
import { bundle, loadConfig } from "@redocly/openapi-core";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { type RecordedRequest, recordingFetch } from "./recording-fetch.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

// The parts of a dereferenced OpenAPI document this helper reads.
interface Example {
  name: string;
  value: unknown;
}
interface MediaTypeObject {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: { example?: unknown; examples?: unknown[] };
}
interface OperationObject {
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, MediaTypeObject> };
  responses?: Record<string, { content?: Record<string, MediaTypeObject> }>;
}
export interface SpecDocument {
  paths: Record<string, Record<string, OperationObject> & { parameters?: ParameterObject[] }>;
}

/** The spec at `path` (relative to the repo root), bundled and dereferenced. */
export async function loadSpec(path: string): Promise<SpecDocument> {
  const config = await loadConfig({ configPath: join(repoRoot, "redocly.yaml") });
  const { bundle: document } = await bundle({ ref: join(repoRoot, path), config, dereference: true });
  return document.parsed as SpecDocument;
}

function examplesOf(object: MediaTypeObject | undefined): Example[] {
  if (!object) return [];
  if (object.example !== undefined) return [{ name: "example", value: object.example }];
  return Object.entries(object.examples ?? {}).map(([name, example]) => ({ name, value: example.value }));
}

function parameterExample(parameter: ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named?.value !== undefined) return named.value;
  return parameter.schema?.example ?? parameter.schema?.examples?.[0];
}

// "4XX" and "default" are ranges; reply with a representative status from them.
function concreteStatus(status: string): number {
  if (status === "default") return 500;
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100;
  return Number(status);
}

function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}

/** A per-request signature header: present on every request that needs the scheme, and checked by `verify`. */
export interface SignatureCredential {
  /** The header that carries the signature, e.g. `X-Stamp`. */
  header: string;
  /** Checks the header's value against the request as sent (its raw body bytes); throws or fails an expect when it is wrong. */
  verify: (value: string, request: RecordedRequest) => void | Promise<void>;
}

export type SpecCredential = { basic: [string, string] } | { apiKey: string } | { bearer: string } | { signature: SignatureCredential };

export interface SpecOperationsOptions {
  spec: SpecDocument;
  metadata: ApiMetadata;
  /** The environment the client under test is created for; requests are intercepted at its servers. */
  environment: string;
  /**
   * Builds the client under test. It must pass `fetch` through and turn retries off, so every example
   * is one request and one response.
   */
  createClient: (fetch: (request: Request) => Promise<Response>) => {
    request(method: string, path: string, init?: Record<string, unknown>): Promise<unknown>;
  };
  /**
   * The credential values the client was given, per security scheme of the spec: `{ basic: [user, pass] }`,
   * `{ apiKey: value }`, `{ bearer: token }`, or `{ signature: { header, verify } }` for a per-request
   * signature (a value nobody knows in advance): the header must be present, and `verify` checks it.
   * Schemes not listed are treated as not configured.
   */
  credentials: Record<string, SpecCredential>;
  /** Extra checks on every recorded request (for example a signature over the raw body). */
  assertRequest?: (request: RecordedRequest, operation: OperationMetadata) => void | Promise<void>;
}

/**
 * The auth headers an operation must carry, given the configured schemes (the first satisfied alternative):
 * an exact value, or a signature to verify.
 */
function expectedAuthHeaders(options: SpecOperationsOptions, operation: OperationMetadata): Record<string, string | SignatureCredential> {
  const configured = (scheme: string) => options.credentials[scheme] !== undefined;
  const alternative = operation.security.length === 0 ? [] : operation.security.find((alt) => alt.every(configured));
  if (!alternative) throw new Error(`${operation.operationId}: the test configures none of its security alternatives`);
  const headers: Record<string, string | SignatureCredential> = {};
  for (const scheme of alternative) {
    const definition = options.metadata.securitySchemes[scheme];
    const value = options.credentials[scheme]!;
    if ("signature" in value) headers[value.signature.header.toLowerCase()] = value.signature;
    else if (definition?.type === "apiKey" && "apiKey" in value) headers[definition.name.toLowerCase()] = value.apiKey;
    else if ("basic" in value) headers.authorization = basicHeader(...value.basic);
    else if ("bearer" in value) headers.authorization = `Bearer ${value.bearer}`;
  }
  return headers;
}

/** Every header that can carry a credential: checked on each request, so none is sent where it is not due. */
function authHeaderNames(options: SpecOperationsOptions): string[] {
  const names = new Set(["authorization"]);
  for (const scheme of Object.values(options.metadata.securitySchemes)) {
    if (scheme.type === "apiKey") names.add(scheme.name.toLowerCase());
  }
  for (const credential of Object.values(options.credentials)) {
    if ("signature" in credential) names.add(credential.signature.header.toLowerCase());
  }
  return [...names];
}

interface Call {
  operation: OperationMetadata;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  mediaType?: string | undefined;
  body?: unknown;
}

function expectedPath(call: Call): string {
  return call.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(call.pathParams[name])));
}

async function send(options: SpecOperationsOptions, call: Call, reply: { status: number; mediaType?: string; body?: unknown }) {
  const { operation } = call;
  const server = operation.servers?.[options.environment] ?? options.metadata.servers[options.environment];
  if (!server) throw new Error(`${operation.operationId}: no server for environment ${options.environment}`);
  const base = new URL(server);
  const basePath = base.pathname.replace(/\/$/, "");
  const scope = nock(base.origin)
    .intercept(`${basePath}${expectedPath(call)}`, operation.method)
    .query(true)
    .reply(
      reply.status,
      reply.body === undefined ? undefined : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body),
      reply.mediaType ? { "Content-Type": reply.mediaType } : {},
    );

  const recorder = recordingFetch();
  const client = options.createClient(recorder.fetch);
  const init: Record<string, unknown> = { params: { path: call.pathParams, query: call.query } };
  if (call.mediaType !== undefined) {
    init.body = call.body;
    init.headers = { "Content-Type": call.mediaType };
  }
  const result = (await client.request(operation.method, operation.path, init)) as { data?: unknown; error?: unknown };
  expect(scope.isDone(), `${operation.operationId} reached ${base.origin}${basePath}${expectedPath(call)}`).toBe(true);
  expect(recorder.requests).toHaveLength(1);
  const sent = recorder.requests[0]!;

  // Method, path and query exactly as the spec and the examples say.
  expect(sent.method).toBe(operation.method);
  expect(sent.url.pathname).toBe(`${basePath}${expectedPath(call)}`);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(call.query)) query[name] = Array.isArray(value) ? value.map(String) : String(value);
  const sentQuery: Record<string, string | string[]> = {};
  for (const name of new Set(sent.url.searchParams.keys())) {
    const values = sent.url.searchParams.getAll(name);
    sentQuery[name] = Array.isArray(query[name]) ? values : values[0]!;
  }
  expect(sentQuery).toEqual(query);

  // Body in the requested media type.
  if (call.mediaType === undefined) {
    expect(sent.body).toBe("");
  } else if (/x-www-form-urlencoded/i.test(call.mediaType)) {
    expect(sent.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    const expected: Record<string, string> = {};
    for (const [key, value] of Object.entries(call.body as Record<string, unknown>)) {
      if (value !== undefined && value !== null) expected[key] = String(value);
    }
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual(expected);
  } else {
    expect(sent.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(sent.body)).toEqual(call.body);
  }

  // Exactly the credentials the operation's security declares; none where it declares none.
  const expectedAuth = expectedAuthHeaders(options, operation);
  for (const name of authHeaderNames(options)) {
    const expected = expectedAuth[name];
    const value = sent.headers.get(name) ?? undefined;
    if (typeof expected === "object") {
      expect(value, `${operation.operationId} header ${name} is present`).toBeDefined();
      await expected.verify(value!, sent);
    } else {
      expect(value, `${operation.operationId} header ${name}`).toBe(expected);
    }
  }
  await options.assertRequest?.(sent, operation);
  return result;
}

/**
 * One test per request example and per response example of every operation in the spec: the call is built
 * from the examples, intercepted at the operation's server, checked (method, path, query, body, auth
 * headers), answered with the response example, and the client must hand that example back — as `data`
 * for 2xx, as `error` otherwise.
 */
export function describeSpecOperations(options: SpecOperationsOptions): void {
  for (const [key, operation] of Object.entries(options.metadata.operations)) {
    const item = options.spec.paths[operation.path];
    const object = item?.[operation.method.toLowerCase()] as OperationObject | undefined;
    if (!object) throw new Error(`${key} is in the metadata but not in the spec: regenerate`);

    const parameters = [...(item?.parameters ?? []), ...(object.parameters ?? [])];
    const pathParams: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const parameter of parameters) {
      const example = parameterExample(parameter);
      if (example === undefined) {
        if (parameter.required) throw new Error(`${object.operationId}: parameter ${parameter.name} needs an example`);
        continue;
      }
      if (parameter.in === "path") pathParams[parameter.name] = example;
      if (parameter.in === "query") query[parameter.name] = example;
    }

    const bodies = Object.entries(object.requestBody?.content ?? {}).flatMap(([mediaType, media]) =>
      examplesOf(media).map((example) => ({ mediaType, example })),
    );
    const base: Call = { operation, pathParams, query, mediaType: bodies[0]?.mediaType, body: bodies[0]?.example.value };
    const success = Object.entries(object.responses ?? {}).find(([status]) => /^2/.test(status));
    const successReply = (() => {
      if (!success) return { status: 200 };
      const [mediaType, media] = Object.entries(success[1].content ?? {})[0] ?? [];
      return { status: concreteStatus(success[0]), mediaType, body: examplesOf(media)[0]?.value };
    })();

    describe(`${object.operationId} (${operation.method} ${operation.path})`, () => {
      for (const { mediaType, example } of bodies) {
        it(`sends request example "${example.name}" as ${mediaType}`, async () => {
          await send(options, { ...base, mediaType, body: example.value }, successReply);
        });
      }
      if (bodies.length === 0) {
        it("sends the call built from its parameter examples", async () => {
          await send(options, base, successReply);
        });
      }
      for (const [status, response] of Object.entries(object.responses ?? {})) {
        const code = concreteStatus(status);
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0) {
          it(`hands back a ${status} response with no body`, async () => {
            const result = await send(options, base, { status: code });
            if (code < 300) expect(result.data).toBeUndefined();
            else expect(result.error === undefined || result.error === "").toBe(true);
          });
        }
        for (const [mediaType, media] of contents) {
          for (const example of examplesOf(media)) {
            it(`hands back ${status} response example "${example.name}" (${mediaType}) as ${code < 300 ? "data" : "error"}`, async () => {
              const result = await send(options, base, { status: code, mediaType, body: example.value });
              if (code < 300) expect(result.data).toEqual(example.value);
              else expect(result.error).toEqual(example.value);
            });
          }
        }
      }
    });
  }
}
