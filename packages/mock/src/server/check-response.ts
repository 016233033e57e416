// The mock checks its own answers against the spec before sending them: a status the operation does not
// document, or a body that does not match the documented schema, becomes a 500 that says so. Every test
// that talks to the mock therefore also tests that the mock speaks the spec.
import type { MockResponse } from "../provider.js";
import { documentedResponse } from "../spec/examples.js";
import { pointerSegment } from "../spec/openapi.js";
import type { SpecOperation } from "../spec/operations.js";
import type { SchemaValidator } from "../spec/validator.js";

const baseType = (mediaType: string) => mediaType.split(";")[0]!.trim().toLowerCase();

/** Problems of `response` against the operation's documented responses (empty when it conforms). */
export function checkResponse(validator: SchemaValidator, operation: SpecOperation, response: MockResponse, contentType: string | undefined): string[] {
  const documented = documentedResponse(operation, response.status) ?? operation.responses.find(({ status }) => status === "default");
  // An operation that declares security can always be refused with a bodiless 401, documented or not
  // (openapi.com's spec lists 401 on only some operations that take Basic).
  if (!documented && response.status === 401 && operation.security.length > 0 && response.body === undefined) return [];
  if (!documented) return [`status ${response.status} is not documented for ${operation.operationId}`];
  const content = documented.response.content ?? {};
  const mediaTypes = Object.keys(content);
  // An empty body is what several providers send for errors (Tradovate, openapi.com's 401) even where a
  // schema exists, so only bodies that are sent are checked.
  if (response.body === undefined) return [];
  if (mediaTypes.length === 0) return [`${operation.operationId} documents no body for status ${documented.status}`];
  const mediaType = mediaTypes.find((candidate) => contentType !== undefined && baseType(candidate) === baseType(contentType));
  if (!mediaType) return [`${operation.operationId} ${documented.status}: content type ${contentType} is not documented`];
  const pointer = `${documented.pointer}/content/${pointerSegment(mediaType)}/schema`;
  if (!content[mediaType]?.schema) return [];
  return validator.check(pointer, response.body).map((problem) => `${operation.operationId} ${documented.status} body ${problem}`);
}
