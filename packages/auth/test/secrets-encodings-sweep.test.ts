// Issue #10's sweep: secrets drawn at random (quotes, backslashes, `~ + / = % &`, non-ASCII, 4 and 5
// characters long), sent the ways a request carries them (headers, Basic, query, path, form and JSON
// body fields), and echoed back by a real server on 127.0.0.1 in every encoding a server applies
// (verbatim, JSON-escaped, percent-encoded in either case, form-encoded, HTML-escaped, base64 and
// base64url, whole or inside a longer encoded value) in bodies (also past 64 KiB), WWW-Authenticate,
// Location, Content-Type and request-id headers. No rendering of any resulting error — String, message,
// stack, JSON, util.inspect, structuredClone, console.log, a pino log line, or any enumerable field —
// may contain any of those forms of any planted secret.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Writable } from "node:stream";
import { format, inspect } from "node:util";
import { type TestServer, startServer } from "@oauth-kit/testkit";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, basic, bearer, tokenFromResult, unwrap } from "../src/index.js";
import { fixtureClient } from "./fixtures.js";

// ---- the encodings a server may echo a secret in --------------------------------------------------
const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const percentAll = (text: string, lower: boolean) =>
  [...utf8(text)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (/[A-Za-z0-9]/.test(char)) return char;
      const hex = byte.toString(16).padStart(2, "0");
      return `%${lower ? hex : hex.toUpperCase()}`;
    })
    .join("");
const htmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const jsonAscii = (text: string) => JSON.stringify(text).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const ENCODINGS = {
  verbatim: (s: string) => s,
  json: (s: string) => JSON.stringify(s).slice(1, -1),
  jsonAscii,
  jsonTwice: (s: string) => JSON.stringify(JSON.stringify(s)).slice(1, -1),
  percentUpper: (s: string) => percentAll(s, false),
  percentLower: (s: string) => percentAll(s, true),
  encodeURIComponent: (s: string) => encodeURIComponent(s),
  form: (s: string) => new URLSearchParams({ v: s }).toString().slice(2),
  html: htmlEscape,
  htmlForm: (s: string) => htmlEscape(`a=1&v=${new URLSearchParams({ v: s }).toString().slice(2)}`),
  base64: (s: string) => base64(utf8(s)),
  base64url: (s: string) => base64(utf8(s)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
  // Inside a longer encoded value, at each of the three byte alignments (an echoed Basic header, say).
  base64Inside1: (s: string) => base64(utf8(`x${s}yz`)),
  base64Inside2: (s: string) => base64(utf8(`xy${s}z`)),
  base64Inside3: (s: string) => base64(utf8(`xyz${s}`)),
} as const;
type Encoding = keyof typeof ENCODINGS;
// Header values must be visible ASCII: only these encodings can travel in a header.
const HEADER_SAFE: readonly Encoding[] = ["jsonAscii", "percentUpper", "percentLower", "base64", "base64url", "base64Inside1", "base64Inside2", "base64Inside3"];

/** Every form of `secret` that must never appear in a rendering. */
function formsOf(secret: string): string[] {
  const whole = ["verbatim", "json", "jsonAscii", "percentUpper", "percentLower", "encodeURIComponent", "form", "html", "base64", "base64url"] as const;
  return [...new Set(whole.map((name) => ENCODINGS[name](secret)))];
}

// ---- secrets -------------------------------------------------------------------------------------
const SPECIAL = ['"', "\\", "~", "+", "/", "=", "%", "&", "é", "ß", "🔐", "ł", " "];
const secretChar = fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(..."abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"));
/** A secret with at least one special character, `min`..`max` characters, no leading/trailing space. */
const secretOf = (min: number, max: number) =>
  fc
    .tuple(fc.array(secretChar, { minLength: min - 1, maxLength: max - 1 }), fc.constantFrom(...SPECIAL.filter((c) => c !== " ")))
    .map(([chars, special]) => {
      const body = [...chars];
      body.splice(Math.floor(body.length / 2), 0, special);
      // By code point, so an emoji is never cut in half.
      return [..."Q", ...body].slice(0, max).join("").trim();
    })
    .filter((s) => [...s].length >= min);
// Header credentials must be Latin-1 without controls: the same alphabet minus what a header cannot carry.
const headerSecret = secretOf(8, 24).map((s) => s.replace(/[^\x21-\xff]/g, "k"));

// ---- a server that echoes what the test tells it to ----------------------------------------------
type Placement = "json-body" | "text-body" | "html-body" | "big-body" | "oauth-description" | "www-authenticate" | "request-id" | "content-type" | "location";
let scenario: { placement: Placement; encoded: string[]; status: number } = { placement: "json-body", encoded: [], status: 400 };

function handle(req: IncomingMessage, res: ServerResponse) {
  req.resume();
  req.on("end", () => {
    const text = scenario.encoded.join(" | ");
    const { status } = scenario;
    switch (scenario.placement) {
      case "json-body":
        return json(res, status, { message: `rejected: ${text}`, echo: scenario.encoded });
      case "text-body":
        res.writeHead(status, { "content-type": "text/plain" }).end(`bad request\n${text}\n`);
        return;
      case "html-body":
        res.writeHead(status, { "content-type": "text/html" }).end(`<html><body><p>${text}</p></body></html>`);
        return;
      case "big-body":
        return json(res, status, { padding: "p".repeat(70 * 1024), message: text });
      case "oauth-description":
        return json(res, status, { error: "invalid_grant", error_description: `grant ${text} is not valid`, error_uri: `https://e.example/${text}` });
      case "www-authenticate":
        res
          .writeHead(401, { "www-authenticate": `Basic realm="${text}", Bearer error="invalid_request", error_description="${text}"`, "content-type": "application/json" })
          .end("{}");
        return;
      case "request-id":
        res.writeHead(status, { "x-request-id": text, "content-type": "application/json" }).end('{"message":"no"}');
        return;
      case "content-type":
        res.writeHead(200, { "content-type": `text/html; charset=${text}` }).end("<p>not json</p>");
        return;
      case "location":
        res.writeHead(307, { location: `https://other.example/${text}?code=${text}` }).end();
        return;
    }
  });
}
function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(handle);
});
afterAll(() => server.close());

// ---- renderings of an error ----------------------------------------------------------------------
function enumerableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key in value) {
    out.push(key, ...enumerableStrings((value as Record<string, unknown>)[key], seen));
  }
  return out;
}

function pinoLine(error: unknown): string {
  let line = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      line += String(chunk);
      done();
    },
  });
  pino({ level: "info" }, sink).error({ err: error }, "call failed");
  return line;
}

function renderings(error: unknown): Record<string, string> {
  const e = error as Error;
  let cloned = "";
  try {
    cloned = inspect(structuredClone(e), { depth: Infinity });
  } catch (cloneError) {
    cloned = `not cloneable: ${String(cloneError)}`;
  }
  return {
    String: String(e),
    message: e.message,
    stack: e.stack ?? "",
    JSON: JSON.stringify(e),
    inspect: inspect(e, { depth: Infinity }),
    inspectRaw: inspect(e, { depth: Infinity, customInspect: false }),
    structuredClone: cloned,
    "console.log": format("%o", e),
    pino: pinoLine(e),
    enumerable: enumerableStrings(e).join("\n"),
    cause: inspect((e as { cause?: unknown }).cause, { depth: Infinity, customInspect: false }),
  };
}

function assertNoSecretForm(error: unknown, secrets: readonly string[], where: string) {
  expect(error, `${where}: expected an error`).toBeInstanceOf(Error);
  for (const [how, text] of Object.entries(renderings(error))) {
    for (const secret of secrets) {
      for (const form of formsOf(secret)) {
        if (text.includes(form)) {
          expect.fail(`${where}: ${how} contains ${JSON.stringify(form)} (a form of ${JSON.stringify(secret)}):\n${text.slice(0, 2000)}`);
        }
      }
    }
  }
}

// ---- the requests that carry the secrets ---------------------------------------------------------
interface Planted {
  basicPassword: string;
  apiKey: string;
  bearer: string;
  clientSecret: string;
  code: string;
  codeVerifier: string;
  query: string;
  short: string;
}

function call(kind: "token" | "get" | "short" | "keyed" | "bearer", planted: Planted) {
  const client = fixtureClient({
    baseUrl: server.url,
    retry: false,
    credentials: {
      BasicAuth: basic("sweep-user", planted.basicPassword),
      ApiKeyAuth: apiKey(planted.apiKey),
      BearerAuth: bearer(planted.bearer),
    },
  });
  switch (kind) {
    case "token":
      return client.POST("/oauth/token", {
        body: {
          grant_type: "authorization_code",
          code: planted.code,
          code_verifier: planted.codeVerifier,
          redirect_uri: "https://app.example/cb",
          client_id: "cid",
          client_secret: planted.clientSecret,
        },
      });
    case "get":
      return client.GET("/items", { params: { query: { access_token: planted.query } } });
    case "short":
      return client.GET("/items", { params: { query: { access_token: planted.short } } });
    case "keyed":
      return client.GET("/keyed");
    case "bearer":
      return client.POST("/notes", { body: { text: "n" } });
  }
}

async function errorOf(kind: Parameters<typeof call>[0], planted: Planted): Promise<unknown> {
  try {
    const result = await call(kind, planted);
    if (kind === "token") tokenFromResult(result);
    else unwrap(result as Parameters<typeof unwrap>[0]);
  } catch (error) {
    return error;
  }
  return undefined;
}

const plantedArb = fc.record({
  basicPassword: secretOf(8, 24),
  apiKey: headerSecret,
  bearer: headerSecret,
  clientSecret: secretOf(8, 24),
  code: secretOf(8, 24),
  codeVerifier: secretOf(8, 24),
  query: secretOf(8, 24),
  // 4 and 5 characters: masked where they stand as a field value.
  short: secretOf(4, 5),
});
const distinct = (p: Planted) => new Set(Object.values(p)).size === Object.values(p).length;
/** The secrets of `p` that this call sent. */
const sentBy = (kind: string, p: Planted) => {
  const credentials = [p.basicPassword, p.apiKey, p.bearer];
  if (kind === "token") return [...credentials, p.clientSecret, p.code, p.codeVerifier];
  if (kind === "get") return [...credentials, p.query];
  return credentials;
};

const BODY_PLACEMENTS: readonly Placement[] = ["json-body", "text-body", "html-body", "big-body", "oauth-description"];
const HEADER_PLACEMENTS: readonly Placement[] = ["www-authenticate", "request-id", "content-type", "location"];

describe("secrets sweep over encodings (issue #10)", () => {
  it("echoes in bodies, in every encoding, on every call path: no rendering shows any form of any secret", async () => {
    await fc.assert(
      fc.asyncProperty(
        plantedArb.filter(distinct),
        fc.constantFrom("token", "get", "keyed", "bearer" as const),
        fc.constantFrom(...BODY_PLACEMENTS),
        fc.constantFrom(...(Object.keys(ENCODINGS) as Encoding[])),
        fc.constantFrom(400, 401, 403, 500),
        async (planted, kind, placement, encoding, status) => {
          const secrets = sentBy(kind, planted);
          scenario = { placement, status, encoded: secrets.map(ENCODINGS[encoding]) };
          assertNoSecretForm(await errorOf(kind, planted), secrets, `${kind} ${placement} ${encoding} ${status}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("echoes in WWW-Authenticate, Location, Content-Type and request-id headers", async () => {
    await fc.assert(
      fc.asyncProperty(
        plantedArb.filter(distinct),
        fc.constantFrom("token", "get", "keyed", "bearer" as const),
        fc.constantFrom(...HEADER_PLACEMENTS),
        fc.constantFrom(...HEADER_SAFE),
        async (planted, kind, placement, encoding) => {
          const secrets = sentBy(kind, planted);
          scenario = { placement, status: 400, encoded: secrets.map(ENCODINGS[encoding]) };
          assertNoSecretForm(await errorOf(kind, planted), secrets, `${kind} ${placement} ${encoding}`);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("a short secret (4–5 characters) echoed as a field value, in every encoding", async () => {
    await fc.assert(
      fc.asyncProperty(plantedArb.filter(distinct), fc.constantFrom(...(Object.keys(ENCODINGS) as Encoding[])), async (planted, encoding) => {
        const echoed = ENCODINGS[encoding](planted.short);
        // As a JSON field, a form field and an HTML cell: where a value stands on its own.
        scenario = { placement: "json-body", status: 400, encoded: [`"q":"${echoed}"`, `q=${echoed}&n=1`, `<td>${echoed}</td>`] };
        const error = await errorOf("short", planted);
        // The short secret's own forms, as whole values: `"q":"<form>"` must not survive.
        const rendered = Object.values(renderings(error)).join("\n");
        for (const form of formsOf(planted.short)) {
          for (const standing of [`q=${form}&`, `>${form}<`]) {
            expect(rendered.includes(standing), `${encoding}: ${standing} in ${rendered.slice(0, 500)}`).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
