// Turns an HTTP request into a MockRequest, checking it against the operation: parameters, media type,
// body schema and which security alternative it satisfies. Problems are returned, not thrown, so the
// provider can answer them with its documented error.
import type { MockRequest, RequestAuth } from "../provider.js";
import type { OpenApiDocument, SecurityScheme } from "../spec/openapi.js";
import { pointerSegment } from "../spec/openapi.js";
import type { SpecOperation } from "../spec/operations.js";
import type { SchemaValidator } from "../spec/validator.js";

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  rawBody: string;
}

export interface ParsedRequest {
  request: MockRequest;
  /** Spec violations (empty when the request is valid). */
  problems: string[];
  /** Set when no security alternative of the operation is satisfied. */
  unauthenticated: boolean;
}

const baseType = (mediaType: string) => mediaType.split(";")[0]!.trim().toLowerCase();

function readAuth(document: OpenApiDocument, operation: SpecOperation | undefined, headers: Record<string, string>): { auth: RequestAuth; satisfied: boolean } {
  const schemes = document.components?.securitySchemes ?? {};
  const authorization = headers.authorization ?? "";
  const credentialOf = (name: string, scheme: SecurityScheme | undefined): Partial<RequestAuth> | undefined => {
    if (!scheme) return undefined;
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") {
      const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
      if (!match) return undefined;
      const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) return undefined;
      return { basic: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } };
    }
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer") {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      return match ? { bearer: match[1]! } : undefined;
    }
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) {
      const value = headers[scheme.name.toLowerCase()];
      return value ? { apiKeys: { [name]: value } } : undefined;
    }
    return undefined;
  };
  const security = operation?.security ?? [];
  if (security.length === 0) return { auth: { schemes: [], apiKeys: {} }, satisfied: true };
  for (const alternative of security) {
    const names = Object.keys(alternative);
    const parts = names.map((name) => credentialOf(name, schemes[name]));
    if (parts.some((part) => part === undefined)) continue;
    const auth: RequestAuth = { schemes: names, apiKeys: {} };
    for (const part of parts) {
      if (part?.basic) auth.basic = part.basic;
      if (part?.bearer) auth.bearer = part.bearer;
      Object.assign(auth.apiKeys, part?.apiKeys ?? {});
    }
    return { auth, satisfied: true };
  }
  return { auth: { schemes: [], apiKeys: {} }, satisfied: false };
}

export function parseRequest(
  document: OpenApiDocument,
  validator: SchemaValidator,
  operation: SpecOperation | undefined,
  raw: RawRequest,
  pathParams: Record<string, string>,
): ParsedRequest {
  const problems: string[] = [];
  const query: Record<string, unknown> = {};
  const params: Record<string, unknown> = { ...pathParams };
  for (const name of new Set(raw.url.searchParams.keys())) {
    const values = raw.url.searchParams.getAll(name);
    query[name] = values.length > 1 ? values : values[0];
  }

  for (const { parameter, pointer } of operation?.parameters ?? []) {
    const source = parameter.in === "path" ? params : parameter.in === "query" ? query : parameter.in === "header" ? raw.headers : undefined;
    if (!source) continue;
    const key = parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
    if (source[key] === undefined) {
      if (parameter.required) problems.push(`${parameter.in} parameter ${parameter.name} is required`);
      continue;
    }
    if (!parameter.schema) continue;
    const { value, problems: issues } = validator.coerceValue(`${pointer}/schema`, source[key]);
    problems.push(...issues.map((issue) => `${parameter.in} parameter ${parameter.name}: ${issue.replace(/^\/v /, "")}`));
    source[key] = value;
  }

  let body: unknown;
  const content = operation?.requestBody?.body.content;
  if (operation?.requestBody && content) {
    const sent = raw.headers["content-type"];
    const hasBody = raw.rawBody.length > 0;
    if (!hasBody) {
      if (operation.requestBody.body.required) problems.push("request body is required");
    } else if (!sent) {
      problems.push(`Content-Type is missing (expected ${Object.keys(content).join(" or ")})`);
    } else {
      const mediaType = Object.keys(content).find((candidate) => baseType(candidate) === baseType(sent));
      if (!mediaType) {
        problems.push(`Content-Type ${baseType(sent)} is not accepted (expected ${Object.keys(content).join(" or ")})`);
      } else {
        const schemaPointer = `${operation.requestBody.pointer}/content/${pointerSegment(mediaType)}/schema`;
        if (/x-www-form-urlencoded/.test(mediaType)) {
          body = Object.fromEntries(new URLSearchParams(raw.rawBody));
          problems.push(...validator.coerce(schemaPointer, body).map((issue) => `body ${issue}`));
        } else if (/json/.test(mediaType)) {
          try {
            body = JSON.parse(raw.rawBody);
            problems.push(...validator.check(schemaPointer, body).map((issue) => `body ${issue}`));
          } catch {
            problems.push("body is not valid JSON");
          }
        } else {
          body = raw.rawBody;
        }
      }
    }
  }

  const { auth, satisfied } = readAuth(document, operation, raw.headers);
  const request: MockRequest = { method: raw.method, url: raw.url, headers: raw.headers, rawBody: raw.rawBody, body, query, pathParams: params, auth };
  return { request, problems, unauthenticated: !satisfied };
}
