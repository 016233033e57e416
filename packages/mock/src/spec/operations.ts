import { HTTP_METHODS, type OpenApiDocument, type Operation, type Parameter, type RequestBody, type Response, type SecurityRequirement, pointerSegment, resolve } from "./openapi.js";

/** One operation of the spec, ready to match and validate requests. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/tokens/{token}`. */
  path: string;
  operation: Operation;
  /** JSON Pointer of the operation object, for schema references. */
  pointer: string;
  parameters: { parameter: Parameter; pointer: string }[];
  requestBody: { body: RequestBody; pointer: string } | undefined;
  responses: { status: string; response: Response; pointer: string }[];
  /** Alternatives (any one satisfies); an empty alternative `{}` allows anonymous calls. Empty list: no auth. */
  security: SecurityRequirement[];
  match(pathname: string): Record<string, string> | undefined;
}

function matcher(template: string): (pathname: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  const pattern = new RegExp(`^${source}/?$`);
  return (pathname) => {
    const found = pattern.exec(pathname);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
  };
}

/** Every operation of the document, in spec order. */
export function specOperations(document: OpenApiDocument): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const itemPointer = `/paths/${pointerSegment(path)}`;
    const shared = (item.parameters ?? []) as Operation["parameters"] & object;
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const pointer = `${itemPointer}/${method}`;
      const parameters = [
        ...shared.map((parameter, index) => resolve<Parameter>(document, parameter, `${itemPointer}/parameters/${index}`)),
        ...(operation.parameters ?? []).map((parameter, index) => resolve<Parameter>(document, parameter, `${pointer}/parameters/${index}`)),
      ].map(({ value, pointer: at }) => ({ parameter: value, pointer: at }));
      const requestBody = operation.requestBody
        ? (({ value, pointer: at }) => ({ body: value, pointer: at }))(resolve<RequestBody>(document, operation.requestBody, `${pointer}/requestBody`))
        : undefined;
      const responses = Object.entries(operation.responses).map(([status, response]) => {
        const resolved = resolve<Response>(document, response, `${pointer}/responses/${pointerSegment(status)}`);
        return { status, response: resolved.value, pointer: resolved.pointer };
      });
      out.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        operation,
        pointer,
        parameters,
        requestBody,
        responses,
        security: operation.security ?? document.security ?? [],
        match: matcher(path),
      });
    }
  }
  return out;
}
