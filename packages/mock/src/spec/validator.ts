// Request and response validation against the spec's own schemas with Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). Ajv is the most used and maintained JSON Schema validator for JavaScript, compiles
// each schema once to a fast function, and resolves the spec's `$ref`s itself; see the README.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "./openapi.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** OpenAPI's numeric and binary formats: type-only hints, accepted as they are. */
const OPENAPI_FORMATS = ["int32", "int64", "float", "double", "byte", "binary", "password"];

export interface SchemaValidator {
  /** Problems of `data` against the schema at `pointer` in the document (empty when valid). */
  check(pointer: string, data: unknown): string[];
  /** Like check, but converts strings in place to the schema's types first (query, path, header and form values). */
  coerce(pointer: string, data: unknown): string[];
  /** A single string (a query, path or header value) converted to the schema's type, with its problems. */
  coerceValue(pointer: string, value: unknown): { value: unknown; problems: string[] };
}

function createAjv(document: OpenApiDocument, coerceTypes: boolean): Ajv2020 {
  // strict: false because an OpenAPI document mixes schema keywords with `example`, `x-*`, `discriminator`...
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerceTypes ? "array" : false, validateSchema: false });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  ajv.addSchema(document as object, "spec");
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`.trim());
}

export function createSchemaValidator(document: OpenApiDocument): SchemaValidator {
  const strict = createAjv(document, false);
  const coercing = createAjv(document, true);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ajv: Ajv2020, key: string, pointer: string, wrap = false) => {
    let validate = compiled.get(key);
    if (!validate) {
      const ref = { $ref: `spec#${pointer}` };
      // Ajv converts types in place only inside a parent object, so a lone value is validated as { v }.
      validate = ajv.compile(wrap ? { type: "object", properties: { v: ref } } : ref);
      compiled.set(key, validate);
    }
    return validate;
  };
  return {
    check(pointer, data) {
      const validate = validator(strict, `s${pointer}`, pointer);
      return validate(data) ? [] : describe(validate.errors);
    },
    coerce(pointer, data) {
      const validate = validator(coercing, `c${pointer}`, pointer);
      return validate(data) ? [] : describe(validate.errors);
    },
    coerceValue(pointer, value) {
      const validate = validator(coercing, `v${pointer}`, pointer, true);
      const holder = { v: value };
      const problems = validate(holder) ? [] : describe(validate.errors);
      return { value: holder.v, problems };
    },
  };
}
