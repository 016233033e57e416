// A worker thread that turns bundled OpenAPI documents into schema.ts text with openapi-typescript, so
// loading it (the TypeScript compiler: half of the generator's start-up) and generating the types run on
// the second core while the main thread lints (scripts/lib/codegen.mjs).
//
// openapi-typescript's CommonJS build, on purpose: importing the TypeScript compiler (9 MB of CommonJS)
// from ES modules makes Node scan it twice more (module-syntax detection and the CommonJS export lexer),
// which doubled its load time (~0.8 s of CPU instead of ~0.4 s).
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const { default: openapiTS, astToString } = createRequire(import.meta.url)("openapi-typescript");

parentPort.on("message", async ({ id, document }) => {
  try {
    const ast = await openapiTS(document, { alphabetize: false, exportType: false });
    parentPort.postMessage({ id, text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
