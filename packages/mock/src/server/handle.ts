// The request pipeline shared by every provider: route → faults → parse and validate against the spec →
// authenticate → the provider's handler (or the spec's example) → response.
import type { AnyBehaviour, BehaviourSetup, HandlerContext, MockResponse, MockRoute } from "../provider.js";
import { responseExample } from "../spec/examples.js";
import type { OpenApiDocument } from "../spec/openapi.js";
import type { SpecOperation } from "../spec/operations.js";
import type { SchemaValidator } from "../spec/validator.js";
import type { MockState } from "../state.js";
import type { FaultList, FaultRule } from "./faults.js";
import { type RawRequest, parseRequest } from "./parse-request.js";
import { json } from "./respond.js";

export interface Pipeline {
  document: OpenApiDocument;
  validator: SchemaValidator;
  operations: SpecOperation[];
  behaviour: AnyBehaviour;
  state: MockState;
  setup: BehaviourSetup<object>;
  faults: FaultList;
}

export interface Outcome {
  response: MockResponse;
  fault: FaultRule | undefined;
  operation: SpecOperation | undefined;
  operationId: string | undefined;
  /** The path template when the request matched one (so a secret in the path is not logged). */
  template: string | undefined;
}

function route(pipeline: Pipeline, method: string, pathname: string) {
  const extra = (pipeline.behaviour.routes ?? []) as MockRoute<MockState, object>[];
  const custom = extra.find((candidate) => candidate.method === method && candidate.path === pathname);
  if (custom) return { custom, operation: undefined, pathParams: {} };
  let pathMatched = false;
  for (const operation of pipeline.operations) {
    const pathParams = operation.match(pathname);
    if (!pathParams) continue;
    pathMatched = true;
    if (operation.method === method) return { custom: undefined, operation, pathParams, pathMatched };
  }
  return { custom: undefined, operation: undefined, pathParams: {}, pathMatched };
}

export async function handle(pipeline: Pipeline, raw: RawRequest): Promise<Outcome> {
  const { behaviour, document, validator, state, setup } = pipeline;
  const found = route(pipeline, raw.method, raw.url.pathname);
  const operation = found.operation;
  const template = operation?.path ?? found.custom?.path;
  const fault = pipeline.faults.take(operation?.operationId, raw.method, template);
  const outcome = (response: MockResponse): Outcome => ({ response, fault, operation: found.custom ? undefined : operation, operationId: operation?.operationId, template });

  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault?.redirect) {
    return outcome({ status: 307, headers: { location: new URL(fault.redirect, setup.baseUrl).toString() } });
  }
  if (fault?.status !== undefined) {
    const headers: Record<string, string> = { ...(fault.headers ?? {}) };
    if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
    return outcome({ status: fault.status, body: fault.body, headers });
  }

  const parsed = parseRequest(document, validator, operation, raw, found.pathParams as Record<string, string>);
  const context: HandlerContext<MockState, object> = {
    ...setup,
    request: parsed.request,
    state,
    operation,
    now: setup.options.now,
    example(status) {
      return operation ? responseExample(document, operation, status)?.body : undefined;
    },
  };

  if (found.custom) return outcome(await found.custom.handle(context));
  if (!operation) {
    const status = found.pathMatched ? 405 : 404;
    return outcome(json(status, { error: status === 405 ? "method not allowed" : "not found", path: raw.url.pathname }));
  }
  if (parsed.unauthenticated) return outcome(behaviour.unauthorized(context, "missing credentials"));
  const refused = await behaviour.authenticate?.(context);
  if (refused) return outcome(refused);
  if (parsed.problems.length) return outcome(behaviour.invalidRequest(context, parsed.problems));
  const handler = behaviour.operations[operation.operationId];
  if (handler) return outcome(await handler(context));
  const example = responseExample(document, operation);
  return outcome({ status: Number(example?.status ?? 200) || 200, body: example?.body, ...(example?.mediaType ? { contentType: example.mediaType } : {}) });
}
