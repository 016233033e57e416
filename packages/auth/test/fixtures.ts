// A small hand-written API for the reliability tests: the metadata `pnpm generate` would write for it,
// and the `paths` type openapi-typescript would generate. It exercises every shape the runtime reads:
// Basic, Bearer and API-key schemes, no security, a form-encoded token endpoint, idempotent and
// non-idempotent POSTs, a 204 DELETE, a text/plain operation and an operation on another host.

import { expect, vi } from "vitest";
import { type ApiMetadata, type ProviderClientConfig, createProviderClient } from "../src/index.js";

export const BASE = "https://api.test.example";
export const AUTH_HOST = "https://auth.test.example";

const JSON_TYPES = ["application/json"] as const;
const errors = { "400": JSON_TYPES, "401": JSON_TYPES, "403": JSON_TYPES, "404": JSON_TYPES, "429": JSON_TYPES, "5XX": JSON_TYPES };

export const metadata = {
  spec: "packages/auth/test/fixture-api.yaml",
  servers: { production: BASE, sandbox: "https://sandbox.test.example" },
  securitySchemes: {
    BasicAuth: { type: "http", scheme: "basic" },
    BearerAuth: { type: "http", scheme: "bearer" },
    ApiKeyAuth: { type: "apiKey", in: "header", name: "x-api-key" },
    StampAuth: { type: "apiKey", in: "header", name: "X-Stamp" },
  },
  operations: {
    "GET /items": {
      operationId: "listItems",
      method: "GET",
      path: "/items",
      servers: null,
      security: [["BasicAuth"]],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES, ...errors },
      retrySafe: true,
    },
    "POST /items": {
      operationId: "createItem",
      method: "POST",
      path: "/items",
      servers: null,
      security: [["BasicAuth"]],
      requestMediaTypes: JSON_TYPES,
      responses: { "201": JSON_TYPES, ...errors },
      retrySafe: false,
    },
    "DELETE /items/{id}": {
      operationId: "deleteItem",
      method: "DELETE",
      path: "/items/{id}",
      servers: null,
      security: [["BasicAuth"]],
      requestMediaTypes: [],
      responses: { "204": [], ...errors },
      retrySafe: true,
    },
    "POST /search": {
      operationId: "search",
      method: "POST",
      path: "/search",
      servers: null,
      security: [["BearerAuth"]],
      requestMediaTypes: JSON_TYPES,
      responses: { "200": JSON_TYPES, ...errors },
      // x-idempotent: true in the spec
      retrySafe: true,
    },
    "POST /notes": {
      operationId: "createNote",
      method: "POST",
      path: "/notes",
      servers: null,
      security: [["BearerAuth"]],
      requestMediaTypes: JSON_TYPES,
      responses: { "201": JSON_TYPES, ...errors },
      retrySafe: false,
    },
    "POST /oauth/token": {
      operationId: "token",
      method: "POST",
      path: "/oauth/token",
      servers: null,
      security: [],
      requestMediaTypes: ["application/x-www-form-urlencoded"],
      responses: { "200": JSON_TYPES, "400": JSON_TYPES, "401": JSON_TYPES, "5XX": JSON_TYPES },
      retrySafe: false,
    },
    "POST /oauth/client-token": {
      operationId: "clientToken",
      method: "POST",
      path: "/oauth/client-token",
      servers: { production: AUTH_HOST, sandbox: "https://auth.sandbox.test.example" },
      security: [],
      requestMediaTypes: ["application/x-www-form-urlencoded"],
      responses: { "200": JSON_TYPES, "400": JSON_TYPES, "401": JSON_TYPES },
      retrySafe: false,
    },
    "POST /signed": {
      operationId: "signed",
      method: "POST",
      path: "/signed",
      servers: null,
      security: [["StampAuth"]],
      requestMediaTypes: JSON_TYPES,
      responses: { "200": JSON_TYPES, ...errors },
      retrySafe: true,
    },
    "GET /me": {
      operationId: "getMe",
      method: "GET",
      path: "/me",
      servers: null,
      security: [["BearerAuth"]],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES, ...errors },
      retrySafe: true,
    },
    "GET /keyed": {
      operationId: "getKeyed",
      method: "GET",
      path: "/keyed",
      servers: null,
      security: [["ApiKeyAuth"]],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES, ...errors },
      retrySafe: true,
    },
    "GET /either": {
      operationId: "getEither",
      method: "GET",
      path: "/either",
      servers: null,
      security: [["ApiKeyAuth"], ["BasicAuth"]],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES },
      retrySafe: true,
    },
    "GET /optional": {
      operationId: "getOptional",
      method: "GET",
      path: "/optional",
      servers: null,
      security: [["BearerAuth"], []],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES },
      retrySafe: true,
    },
    "GET /open": {
      operationId: "getOpen",
      method: "GET",
      path: "/open",
      servers: null,
      security: [],
      requestMediaTypes: [],
      responses: { "200": JSON_TYPES, ...errors },
      retrySafe: true,
    },
    "GET /text": {
      operationId: "getText",
      method: "GET",
      path: "/text",
      servers: null,
      security: [],
      requestMediaTypes: [],
      responses: { "200": ["text/plain"] },
      retrySafe: true,
    },
  },
} as const satisfies ApiMetadata;

// ---- the openapi-typescript shape ----------------------------------------------------------------

type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Problem = { message?: string; error?: string; error_description?: string; [key: string]: unknown };
type ErrorResponses = { 400: Json<Problem>; 401: Json<Problem>; 403: Json<Problem>; 404: Json<Problem>; 429: Json<Problem>; "5XX": Json<Problem> };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

export interface Item {
  id: string;
  name: string;
}
export interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}
type TokenRequest =
  | { grant_type: "authorization_code"; code: string; code_verifier: string; redirect_uri: string; client_id: string; client_secret?: string }
  | { grant_type: "refresh_token"; refresh_token: string; client_id?: string; client_secret?: string }
  | { grant_type: "password"; username: string; password: string; client_id?: string }
  | { grant_type: "client_credentials"; client_id: string; client_secret: string };

type Op<Req, Res, Params = NoParams> = { parameters: Params; responses: Res } & ([Req] extends [never] ? { requestBody?: never } : { requestBody: Req });

export interface paths {
  "/items": {
    parameters: NoParams;
    get: Op<never, { 200: Json<{ items: Item[] }> } & ErrorResponses, { query?: { q?: string; access_token?: string }; header?: never; path?: never; cookie?: never }>;
    post: Op<{ content: { "application/json": { name: string; [key: string]: unknown } } }, { 201: Json<Item> } & ErrorResponses>;
  };
  "/items/{id}": {
    parameters: NoParams;
    delete: { parameters: { query?: never; header?: never; path: { id: string }; cookie?: never }; requestBody?: never; responses: { 204: NoContent } & ErrorResponses };
  };
  "/search": {
    parameters: NoParams;
    post: Op<{ content: { "application/json": { q?: string; n?: number; [key: string]: unknown } } }, { 200: Json<{ echo: unknown }> } & ErrorResponses>;
  };
  "/notes": {
    parameters: NoParams;
    post: Op<{ content: { "application/json": { text?: string; n?: number } } }, { 201: Json<{ echo: unknown }> } & ErrorResponses>;
  };
  "/oauth/token": {
    parameters: NoParams;
    post: Op<{ content: { "application/x-www-form-urlencoded": TokenRequest } }, { 200: Json<TokenBody>; 400: Json<Problem>; 401: Json<Problem>; "5XX": Json<Problem> }>;
  };
  "/oauth/client-token": {
    parameters: NoParams;
    post: Op<{ content: { "application/x-www-form-urlencoded": TokenRequest } }, { 200: Json<TokenBody>; 400: Json<Problem>; 401: Json<Problem> }>;
  };
  "/signed": {
    parameters: NoParams;
    post: Op<{ content: { "application/json": { [key: string]: unknown } } }, { 200: Json<{ ok: boolean }> } & ErrorResponses>;
  };
  "/me": { parameters: NoParams; get: Op<never, { 200: Json<{ user: string }> } & ErrorResponses> };
  "/keyed": { parameters: NoParams; get: Op<never, { 200: Json<{ ok: boolean }> } & ErrorResponses> };
  "/either": { parameters: NoParams; get: Op<never, { 200: Json<{ ok: boolean }> }> };
  "/optional": { parameters: NoParams; get: Op<never, { 200: Json<{ ok: boolean }> }> };
  "/open": { parameters: NoParams; get: Op<never, { 200: Json<{ ok: boolean }> } & ErrorResponses> };
  "/text": { parameters: NoParams; get: Op<never, { 200: { headers: { [name: string]: unknown }; content: { "text/plain": string } } }> };
}

export type FixtureConfig = Omit<ProviderClientConfig<"production" | "sandbox">, "metadata">;

/** A client for the fixture API; retries keep their defaults unless overridden. */
export function fixtureClient(config: FixtureConfig = {}) {
  return createProviderClient<paths, "production" | "sandbox">({ metadata, ...config });
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.unreachable("expected the promise to reject");
}

/**
 * A fetch for fake-timer tests: sends through the global fetch (where nock intercepts), buffers the
 * body, and counts requests on the wire, so `drive()` can move fake time only while nothing is in flight
 * and the waits it measures are exact.
 */
export function netFetch() {
  const state = { inflight: 0, sent: 0 };
  return {
    get inflight() {
      return state.inflight;
    },
    /** Requests handed to the network so far. */
    get sent() {
      return state.sent;
    },
    async fetch(request: Request): Promise<Response> {
      state.inflight++;
      state.sent++;
      try {
        const response = await globalThis.fetch(request);
        const bytes = await response.arrayBuffer();
        const empty = bytes.byteLength === 0 || [101, 204, 205, 304].includes(response.status);
        return new Response(empty ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      } finally {
        state.inflight--;
      }
    },
  };
}

const realImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets real I/O run until no request is in flight. `graceMs` only bounds a request that never comes back
 * (a bug); a mocked reply normally takes a few ms, more on a loaded machine.
 */
export async function quiesce(net: { inflight: number }, graceMs = 2000): Promise<void> {
  const start = performance.now();
  for (;;) {
    while (net.inflight > 0 && performance.now() - start < graceMs) await realImmediate();
    for (let i = 0; i < 5; i++) await realImmediate();
    if (net.inflight === 0 || performance.now() - start >= graceMs) return;
  }
}

/**
 * Settles `promise` under fake timers: lets real I/O finish, then jumps to the next timer, repeatedly.
 * Returns the outcome and the fake time that passed, which is exactly the sum of the waits the client
 * scheduled (nothing else moves the fake clock).
 */
export async function drive<T>(promise: Promise<T>, net: { inflight: number }, maxTimers = 1000): Promise<{ value?: T; error?: unknown; elapsed: number }> {
  let settled = false;
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void outcome.then(() => {
    settled = true;
  });
  const start = Date.now();
  for (let fired = 0; ; fired++) {
    await quiesce(net);
    if (settled) break;
    expect(fired, "the client settles after a bounded number of timers").toBeLessThan(maxTimers);
    if (vi.getTimerCount() === 0) continue;
    await vi.advanceTimersToNextTimerAsync();
  }
  return { ...(await outcome), elapsed: Date.now() - start };
}

/**
 * A fetch that never answers until its signal aborts (openai-node's timeout test double): the request
 * hangs on the wire, and only the client's own timers can end it, unless a test answers it by hand
 * (`answers[i]`). Counts calls, with the signal each follows: the Request's, or the one the global fetch
 * is handed beside it (`fetch(request, { signal })`).
 */
export function hangingFetch() {
  const calls: Request[] = [];
  const signals: AbortSignal[] = [];
  const answers: ((response: Response) => void)[] = [];
  return {
    calls,
    signals,
    answers,
    fetch(request: Request, init?: { signal?: AbortSignal }): Promise<Response> {
      const signal = init?.signal ?? request.signal;
      calls.push(request);
      signals.push(signal);
      return new Promise((resolve, reject) => {
        answers.push(resolve);
        const fail = () => reject(signal.reason);
        if (signal.aborted) fail();
        signal.addEventListener("abort", fail, { once: true });
      });
    },
  };
}

/** A fake-timer setup that leaves queueMicrotask, nextTick and setImmediate real (RELIABILITY §6). */
export function useFakeClock(now = T0): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now });
}

/** A whole second, so HTTP-dates (1 s resolution) round-trip exactly. */
export const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

export const tokenJson = (access: string, extra: Partial<TokenBody> = {}): TokenBody => ({
  access_token: access,
  token_type: "Bearer",
  expires_in: 3600,
  ...extra,
});
