// Request and response validation against the spec's own schemas with Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). Ajv is the most used and maintained JSON Schema validator for JavaScript, compiles
// each schema once to a fast function, and resolves the spec's `$ref`s itself; see the README.
//
// Start-up cost: loading Ajv is most of a fresh process's start (about two hundred CommonJS files), so it is
// imported when the first mock starts, not when the package is imported; each schema is compiled when a
// request first needs it; and one validator per spec document is shared by every mock of that provider in
// the process, so later mocks start, and answer, without creating or compiling anything again.
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "./openapi.js";

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

interface AjvModules {
  Ajv: typeof Ajv2020;
  addFormats: (ajv: Ajv2020) => void;
}

async function loadAjv(): Promise<AjvModules> {
  const [{ Ajv2020: Ajv }, formats] = await Promise.all([import("ajv/dist/2020.js"), import("ajv-formats")]);
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  const addFormats = ((formats.default as unknown as { default?: unknown }).default ?? formats.default) as unknown as (ajv: Ajv2020) => void;
  return { Ajv, addFormats };
}

function createAjv({ Ajv, addFormats }: AjvModules, document: OpenApiDocument, coerceTypes: boolean): Ajv2020 {
  // strict: false because an OpenAPI document mixes schema keywords with `example`, `x-*`, `discriminator`...
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerceTypes ? "array" : false, validateSchema: false });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  ajv.addSchema(document as object, "spec");
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`.trim());
}

const validators = new WeakMap<OpenApiDocument, Promise<SchemaValidator>>();

/** The validator of `document`: created on the first call, then shared (the documents are the bundled specs). */
export function schemaValidatorOf(document: OpenApiDocument): Promise<SchemaValidator> {
  let validator = validators.get(document);
  if (!validator) {
    validator = loadAjv().then((modules) => createSchemaValidator(modules, document));
    // A failed load is not kept, so the next start tries again.
    validator.catch(() => validators.delete(document));
    validators.set(document, validator);
  }
  return validator;
}

function createSchemaValidator(modules: AjvModules, document: OpenApiDocument): SchemaValidator {
  // Each instance is created when a request first needs it (the coercing one: parameters and form bodies).
  let strict: Ajv2020 | undefined;
  let coercing: Ajv2020 | undefined;
  const strictAjv = () => (strict ??= createAjv(modules, document, false));
  const coercingAjv = () => (coercing ??= createAjv(modules, document, true));
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ajv: () => Ajv2020, key: string, pointer: string, wrap = false) => {
    let validate = compiled.get(key);
    if (!validate) {
      const ref = { $ref: `spec#${pointer}` };
      // Ajv converts types in place only inside a parent object, so a lone value is validated as { v }.
      validate = ajv().compile(wrap ? { type: "object", properties: { v: ref } } : ref);
      compiled.set(key, validate);
    }
    return validate;
  };
  return {
    check(pointer, data) {
      const validate = validator(strictAjv, `s${pointer}`, pointer);
      return validate(data) ? [] : describe(validate.errors);
    },
    coerce(pointer, data) {
      const validate = validator(coercingAjv, `c${pointer}`, pointer);
      return validate(data) ? [] : describe(validate.errors);
    },
    coerceValue(pointer, value) {
      const validate = validator(coercingAjv, `v${pointer}`, pointer, true);
      const holder = { v: value };
      const problems = validate(holder) ? [] : describe(validate.errors);
      return { value: holder.v, problems };
    },
  };
}
