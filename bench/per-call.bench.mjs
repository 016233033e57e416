// Per-call cost with a mocked fetch: every provider client (oauth-kit) against bare openapi-fetch with an
// equivalent hand-written auth middleware, and against raw fetch, for a Basic GET, a Basic POST, a
// bearer call from a token source and a signed (stamped) POST, on operations picked from each provider's
// generated metadata.
// What is left is the client's own work per call: building the request, credentials, transport, parsing.
//
// Each case runs in the two ways a client reaches fetch:
// - "global fetch", the default (no `fetch` option anywhere): globalThis.fetch is replaced, for the run,
//   by a mock that starts as fetch itself does, by building a Request from (input, init) (undici's fetch
//   does `new Request(input, init)` on every call), so every variant pays that, as it would for real.
// - "fetch option": each client is given the mock as its `fetch` option; it is handed a Request and uses
//   it as it is (a Request is built only for raw fetch's URL), so nothing but the clients is measured.
import { loadLibraries, loadProviders, callOf, casesOf, variantsOf } from "./lib/providers.mjs";
import { compare, report } from "./lib/report.mjs";
import { interleave, microsPerCall } from "./lib/stats.mjs";

// Steadiness: each sample averages 1,000 calls (a sample of 250 lasted a few ms, so one GC pause or
// scheduler hiccup moved its median 1.5–2.3×), one unrecorded warm-up round, and 11 rounds.
// No forced GC between samples: a full GC with no call in flight frees objects that optimized code embeds,
// and V8 deoptimizes that code (`--trace-deopt`: "weak objects"). The 1,000 calls after `gc()` re-optimized
// about 100 functions (`--trace-opt`; 0–4 without it) and ran at 100–150 µs a call instead of about 45,
// for bare openapi-fetch as for oauth-kit: JIT warm-up, not per-call cost, and it weighed most on whichever
// client runs more JavaScript. A sample's garbage is mostly collected by the
// scavenges within it (their cost is the live objects, not the garbage); a major GC falls in some sample
// whichever variant caused it, and the median over rounds leaves it out.
const ROUNDS = 11;
const ITERATIONS = 1_000;
const BASE_URL = "https://api.bench.invalid";
const RESPONSE_BODY = new TextEncoder().encode(JSON.stringify({ id: "bench", name: "bench", status: "ACTIVE", scopes: ["read"] }));

/**
 * A fetch that answers at once with the operation's success status and a prebuilt JSON body. A new
 * Response over the same prebuilt bytes each call, not `template.clone()`: cloning one Response tees its
 * stream every time, a chain that grows with every call. It builds the Request the real fetch would build,
 * so every variant pays for one: as the global fetch (`asGlobal`) always from `(input, init)`, as a `fetch`
 * option only when given a URL (raw fetch).
 */
function mockedFetch(status, contentType, { asGlobal = false } = {}) {
  const init = { status, headers: { "content-type": contentType } };
  return async (input, requestInit) => {
    const request = !asGlobal && input instanceof Request ? input : new Request(input, requestInit);
    if (request.body) await request.arrayBuffer();
    return new Response(status === 204 ? null : RESPONSE_BODY, init);
  };
}

const libraries = await loadLibraries();
const realFetch = globalThis.fetch;
console.log(`per-call cost, mocked fetch: ${ROUNDS} rounds × ${ITERATIONS} calls per variant, interleaved`);
for (const provider of await loadProviders()) {
  const cases = casesOf(provider.metadata, libraries.auth.TURNKEY_STAMP_HEADER);
  if (cases.length === 0) {
    console.log(`${provider.name}: no Basic, bearer or signed operation in its metadata; skipped`);
    continue;
  }
  for (const benchCase of cases) {
    const call = callOf(benchCase.operation, BASE_URL);
    for (const mode of ["global fetch", "fetch option"]) {
      // Set before the clients are made: bare openapi-fetch reads globalThis.fetch at createClient().
      globalThis.fetch = mode === "global fetch" ? mockedFetch(call.status, call.responseType, { asGlobal: true }) : realFetch;
      const fetch = mode === "global fetch" ? undefined : mockedFetch(call.status, call.responseType);
      try {
        const clients = variantsOf(libraries, provider.metadata, benchCase, { baseUrl: BASE_URL, fetch });
        const variants = Object.fromEntries(Object.entries(clients).map(([name, run]) => [name, () => microsPerCall(run, ITERATIONS)]));
        const samples = await interleave(variants, { rounds: ROUNDS });
        const label = `${provider.api} ${benchCase.label}, ${benchCase.operation.method} ${benchCase.operation.path}, ${mode}`;
        console.log(label);
        report(compare({ bench: "per-call", case: label, samples, baseline: "openapi-fetch + middleware", unit: "µs" }));
      } finally {
        globalThis.fetch = realFetch;
      }
    }
  }
}
