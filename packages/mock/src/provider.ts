// The contract between the generic spec server and a provider's behaviour module.
import type { ResolvedOptions } from "./options.js";
import type { SpecOperation } from "./spec/operations.js";
import type { OpenApiDocument } from "./spec/openapi.js";
import type { MockState } from "./state.js";

/** A parsed request, validated against the operation (or a mock-only route). */
export interface MockRequest {
  method: string;
  url: URL;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The exact body bytes as text (Turnkey stamps are checked over these). */
  rawBody: string;
  /** JSON or form body, parsed (and, for forms, converted to the schema's types). */
  body: unknown;
  query: Record<string, unknown>;
  pathParams: Record<string, unknown>;
  /** The credentials of the first security alternative the request satisfies. */
  auth: RequestAuth;
}

export interface RequestAuth {
  /** Scheme names of the satisfied alternative (empty: anonymous). */
  schemes: string[];
  basic?: { username: string; password: string };
  bearer?: string;
  /** apiKey values by scheme name. */
  apiKeys: Record<string, string>;
}

export interface MockResponse {
  status: number;
  /** JSON-serialised unless it is a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default: the media type the spec documents for this status, else JSON (text/plain for strings). */
  contentType?: string;
}

export interface BehaviourSetup<O> {
  /** The shared options with their defaults, and the provider's own as the user gave them. */
  options: ResolvedOptions & Partial<O>;
  baseUrl: string;
  document: OpenApiDocument;
}

export interface HandlerContext<S extends MockState, O> extends BehaviourSetup<O> {
  request: MockRequest;
  state: S;
  operation: SpecOperation | undefined;
  now(): number;
  /** A deep copy of the spec's example for `status` (default: the first 2xx) of this operation. */
  example(status?: number | string): unknown;
}

export type Handler<S extends MockState, O> = (context: HandlerContext<S, O>) => MockResponse | Promise<MockResponse>;

/** A route outside the spec (an authorize page, a first call with the token). */
export interface MockRoute<S extends MockState, O> {
  method: string;
  path: string;
  handle: Handler<S, O>;
}

export interface ProviderBehaviour<S extends MockState = MockState, O = object> {
  createState(setup: BehaviourSetup<O>): S | Promise<S>;
  /** What a user needs to call the mock (client ids, secrets, keys), as the CLI prints it. */
  credentials(state: S, setup: BehaviourSetup<O>): Record<string, string>;
  /** Handlers by operationId; operations without one answer with their spec example. */
  operations: Record<string, Handler<S, O>>;
  routes?: MockRoute<S, O>[];
  /**
   * Checks the credentials' values (a signature over the body, say) before the body is validated; returns
   * the provider's error, or undefined to go on. Handlers check credentials that depend on the body.
   */
  authenticate?(context: HandlerContext<S, O>): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** The provider's documented answer to a request the spec does not allow (bad body, parameter, media type). */
  invalidRequest(context: HandlerContext<S, O>, problems: string[]): MockResponse;
  /** The provider's documented answer to missing or wrong credentials. */
  unauthorized(context: HandlerContext<S, O>, reason: string): MockResponse;
  /**
   * The provider's own collections of issued tokens (in issue order) that `maxIssuedTokens` bounds too, the
   * oldest forgotten first, as it bounds the shared `tokens`, `codes` and `grants`.
   */
  issuedTokenCollections?(state: S): Map<string, unknown>[];
}

// biome-ignore lint: any is needed so every behaviour's own state and option types fit the table.
export type AnyBehaviour = ProviderBehaviour<any, any>;

export interface ProviderEntry {
  spec: () => Promise<OpenApiDocument>;
  behaviour: (() => Promise<AnyBehaviour>) | undefined;
}
