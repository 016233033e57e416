// The parts of an OpenAPI 3.1 document the mock reads (bundled: internal $refs kept).

export interface Reference {
  $ref: string;
}
export type Schema = Record<string, unknown>;

export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | Reference>;
}
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}
export interface RequestBody {
  required?: boolean;
  content?: Record<string, MediaType>;
}
export interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
}
export type SecurityRequirement = Record<string, string[]>;
export interface Operation {
  operationId: string;
  summary?: string;
  security?: SecurityRequirement[];
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody | Reference;
  responses: Record<string, Response | Reference>;
  servers?: { url: string }[];
}
export interface SecurityScheme {
  type: "http" | "apiKey" | "oauth2" | "openIdConnect" | "mutualTLS";
  scheme?: string;
  name?: string;
  in?: string;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  security?: SecurityRequirement[];
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<string, SecurityScheme>;
    [section: string]: unknown;
  };
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** JSON Pointer escaping of one path segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Follows local `$ref`s ("#/components/...") and returns the target with its JSON Pointer. */
export function resolve<T>(document: OpenApiDocument, value: T | Reference, pointer: string): { value: T; pointer: string } {
  let current: unknown = value;
  let at = pointer;
  for (let hops = 0; current && typeof current === "object" && "$ref" in current; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${at}`);
    const ref = (current as Reference).$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
    at = ref.slice(1);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return { value: current as T, pointer: at };
}
