import { type MediaType, type OpenApiDocument, resolve } from "./openapi.js";
import type { SpecOperation } from "./operations.js";

/** The documented response for `status` (a number, "2XX"-style range or "default"); default: the first 2xx. */
export function documentedResponse(operation: SpecOperation, status?: number | string) {
  const wanted = status === undefined ? undefined : String(status);
  return operation.responses.find(({ status: documented }) => {
    if (wanted === undefined) return /^2/.test(documented);
    if (documented === wanted) return true;
    return /^\dXX$/i.test(documented) && documented[0] === wanted[0];
  });
}

/** The first example of a media type object (`example`, else the first of `examples`), deep-copied. */
export function mediaExample(document: OpenApiDocument, media: MediaType | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return structuredClone(media.example);
  const first = Object.values(media.examples ?? {})[0];
  if (!first) return undefined;
  return structuredClone(resolve<{ value?: unknown }>(document, first, "").value.value);
}

/** The example of the documented response for `status`, with its media type. */
export function responseExample(document: OpenApiDocument, operation: SpecOperation, status?: number | string) {
  const documented = documentedResponse(operation, status);
  if (!documented) return undefined;
  const [mediaType, media] = Object.entries(documented.response.content ?? {})[0] ?? [];
  return { status: documented.status, mediaType, body: mediaExample(document, media) };
}
