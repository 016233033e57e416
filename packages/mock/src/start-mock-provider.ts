import { type MockProviderName, providers } from "./bundled/index.js";
import type { MockOptions, ResolvedOptions } from "./options.js";
import type { AnyBehaviour, BehaviourSetup, ProviderBehaviour } from "./provider.js";
import { createRetention } from "./oauth/retention.js";
import { genericBehaviour } from "./providers/generic.js";
import { type FaultList, createFaultList } from "./server/faults.js";
import type { Pipeline } from "./server/handle.js";
import { listen } from "./server/listen.js";
import { loadLogLine } from "./server/log-line.js";
import { rewritingFetch } from "./server/rewrite-fetch.js";
import { specOperations } from "./spec/operations.js";
import { schemaValidatorOf } from "./spec/validator.js";
import type { MockState } from "./state.js";

type Providers = typeof providers;
type BehaviourOf<P extends MockProviderName> = Providers[P]["behaviour"] extends () => Promise<infer B> ? B : ProviderBehaviour;
/** The state of provider P's mock: the shared collections plus the provider's own. */
// biome-ignore lint: `any` in the other parameter, so matching ignores its variance.
export type MockStateOf<P extends MockProviderName> = BehaviourOf<P> extends ProviderBehaviour<infer S, any> ? S : MockState;
/** The options of provider P's mock: the shared ones plus the provider's own. */
export type MockOptionsOf<P extends MockProviderName> = MockOptions &
  // biome-ignore lint: as above.
  (BehaviourOf<P> extends ProviderBehaviour<any, infer O> ? Partial<O> : object);

export interface MockProvider<P extends MockProviderName = MockProviderName> {
  provider: P;
  /** `http://127.0.0.1:<port>`: pass it as the client's `baseUrl`. */
  baseUrl: string;
  /** Clients, grants, issued tokens, requests received, and the provider's own records. Yours to inspect and change. */
  state: MockStateOf<P>;
  /** The credentials to call the mock with (client ids and secrets, keys), as the CLI prints them. */
  credentials: Record<string, string>;
  /**
   * A fetch that sends requests for the provider's real hosts (the spec's servers) here: give it to a
   * client (`fetch: mock.fetch`) or stub the global fetch with it to run production code unchanged.
   */
  fetch: typeof fetch;
  faults: Pick<FaultList, "add" | "clear">;
  close(): Promise<void>;
}

/** Every provider the mock serves: the `apis` of redocly.yaml. */
export const mockProviderNames = Object.keys(providers) as MockProviderName[];

/**
 * Starts a mock of `provider` on 127.0.0.1 (a free port unless `options.port`). Requests are validated
 * against the provider's spec and answered with the provider's behaviour; close it when done.
 */
export async function startMockProvider<P extends MockProviderName>(provider: P, options: MockOptionsOf<P> = {} as MockOptionsOf<P>): Promise<MockProvider<P>> {
  const entry = (providers as Record<string, Providers[MockProviderName]>)[provider];
  if (!entry) throw new Error(`unknown mock provider ${JSON.stringify(provider)}; known: ${mockProviderNames.join(", ")}`);
  const maxIssuedTokens = options.maxIssuedTokens ?? 10_000;
  if (!(maxIssuedTokens >= 1)) throw new Error(`maxIssuedTokens must be at least 1 (or Infinity), got ${maxIssuedTokens}`);
  // Only the started provider's spec and behaviour are loaded, together with Ajv (once per process) and,
  // for a mock that logs, the auth package's masker.
  const [document, behaviour, logLine] = await Promise.all([
    entry.spec(),
    entry.behaviour ? (entry.behaviour() as Promise<AnyBehaviour>) : genericBehaviour,
    options.onRequest ? loadLogLine() : undefined,
  ]);
  const validator = await schemaValidatorOf(document);
  const resolved: ResolvedOptions = {
    ...options,
    autoApprove: options.autoApprove ?? false,
    codeTtlSeconds: options.codeTtlSeconds ?? 60,
    redirectUris: options.redirectUris ?? ["http://localhost/callback"],
    validateResponses: options.validateResponses ?? true,
    now: options.now ?? Date.now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    client: options.client,
  };
  const faults = createFaultList(options.faults);
  const requestLogLimit = options.requestLogLimit ?? 10_000;
  const retention = createRetention(resolved.now, maxIssuedTokens, (state) => behaviour.issuedTokenCollections?.(state) ?? []);
  let pipeline: Pipeline | undefined;
  const listening = await listen(
    options.port ?? 0,
    () => pipeline!,
    ({ raw, outcome }, status) => {
      const state = pipeline!.state;
      // Bounded, so a long-running mock (the CLI, a soak test) does not grow without limit.
      if (state.requests.length >= requestLogLimit) state.requests.splice(0, state.requests.length - requestLogLimit + 1);
      state.requests.push({
        method: raw.method,
        path: raw.url.pathname,
        query: raw.url.search,
        headers: raw.headers,
        body: raw.rawBody,
        operationId: outcome?.operationId,
        status,
        at: resolved.now(),
      });
      retention.afterRequest(state);
      if (logLine) options.onRequest?.(logLine(raw, status, outcome?.operationId, outcome?.template, Object.values(credentials)));
    },
  );
  const setup: BehaviourSetup<object> = { options: resolved, baseUrl: listening.baseUrl, document };
  const state = (await behaviour.createState(setup)) as MockState;
  const credentials = behaviour.credentials(state, setup);
  const operations = specOperations(document);
  pipeline = { document, validator, operations, behaviour, state, setup, faults };
  return {
    provider,
    baseUrl: listening.baseUrl,
    state: state as MockStateOf<P>,
    credentials,
    fetch: rewritingFetch(document, operations, listening.baseUrl),
    faults: { add: faults.add, clear: faults.clear },
    close: listening.close,
  };
}
