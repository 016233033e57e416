import { InvalidResponseError, maskerFor } from "../errors.js";
import { snippet } from "../redact.js";
import type { Describe } from "./classify.js";
import { documentedMediaTypes, isJsonMediaType } from "./media-type.js";

/** The body was not parsed: the spec does not promise JSON here (text, no content, an error status). */
export const NOT_PARSED = Symbol("not parsed");

/**
 * A 2xx that should be JSON must be JSON: an empty, HTML or broken body becomes an InvalidResponseError
 * with a short masked snippet instead of a bare SyntaxError. Returns the parsed body, so it is parsed once.
 */
export function parseJsonSuccess(
  response: Response,
  text: string,
  responses: Readonly<Record<string, readonly string[]>> | undefined,
  describe: Describe,
): unknown {
  const { status } = response;
  if (status < 200 || status >= 300) return NOT_PARSED;
  if (status === 204 || status === 205) {
    // No content is fine where the spec documents this status; where it documents only JSON
    // successes, `data` would be undefined behind a type that promises an object.
    const code = String(status);
    if (!responses || responses[code] !== undefined || responses["2XX"] !== undefined) return NOT_PARSED;
    const jsonSuccess = Object.entries(responses).some(([key, types]) => /^2\d\d$/.test(key) && types.some(isJsonMediaType));
    if (jsonSuccess) throw new InvalidResponseError(`empty response (HTTP ${code}) where JSON was expected`, { ...describe(), status });
    return NOT_PARSED;
  }
  const documented = documentedMediaTypes(responses, status);
  // A status the spec does not document is read as JSON by openapi-fetch (its default parseAs), so a
  // non-empty body there must be JSON too, or the caller would get a bare SyntaxError.
  const expectJson = documented ? documented.some(isJsonMediaType) : text.length > 0;
  if (!expectJson) return NOT_PARSED;
  if (text.length === 0) throw new InvalidResponseError("empty response where JSON was expected", { ...describe(), status });
  const contentType = response.headers.get("content-type");
  const isJson = !contentType || isJsonMediaType(contentType);
  if (isJson) {
    try {
      return JSON.parse(text);
    } catch {
      // reported below, with what the request sent masked
    }
  }
  const context = { ...describe(), status };
  const mask = maskerFor(context.secrets);
  throw new InvalidResponseError(
    isJson ? "response is not valid JSON (malformed or truncated)" : `response is not JSON (content-type ${snippet(contentType, mask)})`,
    { ...context, snippet: snippet(text, mask) },
  );
}
