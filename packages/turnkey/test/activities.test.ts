// The typed activity calls: envelope, polling with backoff, terminal statuses, timeouts and aborts, all on
// fake timers. Every request any test sends has its X-Stamp verified against the sent bytes in afterEach.
import { inspect } from "node:util";
import { recordingFetch, useNock } from "@oauth-kit/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ActivityError,
  ActivityTimeoutError,
  ApiError,
  ConfigError,
  InvalidResponseError,
  OAuthKitError,
  TimeoutError,
  type Activity,
  type ActivityStatus,
  type TurnkeyClient,
  type TurnkeyClientOptions,
  createOauth2Credential,
  createOauthProviders,
  createTurnkeyClient,
  deleteOauth2Credential,
  deleteOauthProviders,
  getActivity,
  oauth,
  oauth2Authenticate,
  oauthLogin,
  updateOauth2Credential,
  waitForActivity,
} from "../src/index.js";
import { API_PRIVATE_KEY, API_PUBLIC_KEY, BASE, OIDC_TOKEN, ORG, verifyStamp } from "./helpers.js";

const nock = useNock();

const SUBMIT = "/public/v1/submit/oauth2_authenticate";
const GET_ACTIVITY = "/public/v1/query/get_activity";
const ACTIVITY_ID = "916e4611-54bb-4f7b-9b2f-a5bc35555282";
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const PARAMS = {
  oauth2CredentialId: "247bf35d-a47b-4aee-a9d0-6a97886107fa",
  authCode: "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dMOjE3NDY3MzY1MDQ3MzA6MToxOmFjOjE",
  redirectUri: "https://app.example.com/oauth/callback/x",
  codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
  nonce: "f46835bc086f7120772958809fb49f6db9b5b34417242dcd3195819ee36526de",
};

function activityBody(status: ActivityStatus, extra: Partial<Activity> = {}): { activity: Activity } {
  return {
    activity: {
      id: ACTIVITY_ID,
      organizationId: ORG,
      status,
      type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
      intent: { oauth2AuthenticateIntent: PARAMS },
      result: status === "ACTIVITY_STATUS_COMPLETED" ? { oauth2AuthenticateResult: { oidcToken: OIDC_TOKEN } } : {},
      votes: [],
      fingerprint: "sha256:312ee6f1a183efa3bf66bf4b02dff3643bf29290040106893eb4f1d4bd85e37a",
      canApprove: false,
      canReject: false,
      createdAt: { seconds: "1893499200", nanos: "0" },
      updatedAt: { seconds: "1893499200", nanos: "0" },
      ...extra,
    },
  };
}

let recorder: ReturnType<typeof recordingFetch>;
/** Fake-clock time (ms after T0) at which each request was handed to fetch. */
let sentAt: number[];

beforeEach(() => {
  // setImmediate and queueMicrotask stay real, so WebCrypto and nock make progress (RELIABILITY §6).
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 });
  recorder = recordingFetch();
  sentAt = [];
});
afterEach(() => {
  vi.useRealTimers();
  for (const request of recorder.requests) verifyStamp(request);
});

/**
 * A client whose requests are recorded (raw bytes, fake time). `timeoutMs: Infinity` by default: with no
 * per-attempt timer, the only timers are the poller's waits, so `settle` can jump straight to each one.
 */
function client(options: Partial<TurnkeyClientOptions> = {}): TurnkeyClient {
  return createTurnkeyClient({
    apiPublicKey: API_PUBLIC_KEY,
    apiPrivateKey: API_PRIVATE_KEY,
    organizationId: ORG,
    timeoutMs: Infinity,
    fetch: (request) => {
      sentAt.push(Date.now() - T0);
      return recorder.fetch(request);
    },
    ...options,
  });
}

const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!condition()) {
    expect(performance.now() < deadline, "condition reached within 5 s of real time").toBe(true);
    await realTurn();
  }
}

/** Runs `promise` to the end on fake time: real work (WebCrypto, nock) runs, then the clock jumps to the next timer. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let done = false;
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void outcome.then(() => {
    done = true;
  });
  const deadline = performance.now() + 5_000;
  while (!done) {
    expect(performance.now() < deadline, "settled within 5 s of real time").toBe(true);
    await realTurn();
    if (!done && vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
  }
  return outcome;
}

const bodies = () => recorder.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);

describe("envelope", () => {
  it("submits type, the current timestampMs and the client's organization, byte for byte, and returns the result", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const { value } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(value).toEqual({ oidcToken: OIDC_TOKEN });
    expect(recorder.requests[0]!.body).toBe(
      JSON.stringify({ type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", timestampMs: String(T0), organizationId: ORG, parameters: PARAMS }),
    );
    expect(recorder.requests[0]!.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("acts in options.organizationId, polls the activity's organization and passes generateAppProofs", async () => {
    nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING", { organizationId: "sub-org" }))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED", { organizationId: "sub-org" }));
    await settle(oauth2Authenticate(client(), PARAMS, { organizationId: "sub-org", generateAppProofs: true }));

    expect(bodies()).toEqual([
      { type: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE", timestampMs: String(T0), organizationId: "sub-org", parameters: PARAMS, generateAppProofs: true },
      { activityId: ACTIVITY_ID, organizationId: "sub-org" },
    ]);
  });

  interface Case {
    path: string;
    type: string;
    result: Record<string, unknown>;
    run: (turnkey: TurnkeyClient) => Promise<unknown>;
  }
  const cases: Record<string, Case> = {
    oauthLogin: {
      path: "oauth_login",
      type: "ACTIVITY_TYPE_OAUTH_LOGIN",
      result: { oauthLoginResult: { session: "session.jwt" } },
      run: (turnkey) => oauthLogin(turnkey, { oidcToken: OIDC_TOKEN, publicKey: API_PUBLIC_KEY }),
    },
    oauth: {
      path: "oauth",
      type: "ACTIVITY_TYPE_OAUTH",
      result: { oauthResult: { userId: "u-1", apiKeyId: "k-1", credentialBundle: "bundle" } },
      run: (turnkey) => oauth(turnkey, { oidcToken: OIDC_TOKEN, targetPublicKey: `04${"ab".repeat(64)}`, expirationSeconds: "900" }),
    },
    createOauth2Credential: {
      path: "create_oauth2_credential",
      type: "ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL",
      result: { createOauth2CredentialResult: { oauth2CredentialId: "c-1" } },
      run: (turnkey) => createOauth2Credential(turnkey, { provider: "OAUTH2_PROVIDER_X", clientId: "id", encryptedClientSecret: "00ff" }),
    },
    updateOauth2Credential: {
      path: "update_oauth2_credential",
      type: "ACTIVITY_TYPE_UPDATE_OAUTH2_CREDENTIAL",
      result: { updateOauth2CredentialResult: { oauth2CredentialId: "c-1" } },
      run: (turnkey) =>
        updateOauth2Credential(turnkey, { oauth2CredentialId: "c-1", provider: "OAUTH2_PROVIDER_DISCORD", clientId: "id", encryptedClientSecret: "00ff" }),
    },
    deleteOauth2Credential: {
      path: "delete_oauth2_credential",
      type: "ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL",
      result: { deleteOauth2CredentialResult: { oauth2CredentialId: "c-1" } },
      run: (turnkey) => deleteOauth2Credential(turnkey, { oauth2CredentialId: "c-1" }),
    },
    createOauthProviders: {
      path: "create_oauth_providers",
      type: "ACTIVITY_TYPE_CREATE_OAUTH_PROVIDERS_V2",
      result: { createOauthProvidersResultV2: { providerIds: ["p-1"] } },
      run: (turnkey) => createOauthProviders(turnkey, { userId: "u-1", oauthProviders: [{ providerName: "X", oidcToken: OIDC_TOKEN }] }),
    },
    deleteOauthProviders: {
      path: "delete_oauth_providers",
      type: "ACTIVITY_TYPE_DELETE_OAUTH_PROVIDERS",
      result: { deleteOauthProvidersResult: { providerIds: ["p-1"] } },
      run: (turnkey) => deleteOauthProviders(turnkey, { userId: "u-1", providerIds: ["p-1"] }),
    },
  };
  it.each(Object.entries(cases))("%s posts its activity type to its path and returns its result", async (_, c) => {
    nock(BASE)
      .post(`/public/v1/submit/${c.path}`)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED", { type: c.type, result: c.result as Activity["result"] }));
    const { value, error } = await settle(c.run(client()));

    expect(error).toBeUndefined();
    expect(value).toEqual(Object.values(c.result)[0]);
    expect(bodies()[0]).toMatchObject({ type: c.type, timestampMs: String(T0), organizationId: ORG });
  });
});

describe("polling", () => {
  it("polls get_activity while CREATED or PENDING, waiting 500 ms then 1 s, and returns the result", async () => {
    nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_CREATED"))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const { value } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(value).toEqual({ oidcToken: OIDC_TOKEN });
    expect(sentAt).toEqual([0, 500, 1500]);
    expect(bodies().slice(1)).toEqual([
      { activityId: ACTIVITY_ID, organizationId: ORG },
      { activityId: ACTIVITY_ID, organizationId: ORG },
    ]);
  });

  it("doubles the wait up to maxPollIntervalMs", async () => {
    const scope = nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_PENDING"));
    for (let i = 0; i < 4; i++) scope.post(GET_ACTIVITY).reply(200, activityBody("ACTIVITY_STATUS_PENDING"));
    scope.post(GET_ACTIVITY).reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    await settle(oauth2Authenticate(client(), PARAMS, { pollIntervalMs: 1_000, maxPollIntervalMs: 3_000 }));

    expect(sentAt).toEqual([0, 1_000, 3_000, 6_000, 9_000, 12_000]);
  });

  it("gives up after maxPolls with an ActivityTimeoutError (a TimeoutError) that names the activity", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_PENDING")).post(GET_ACTIVITY).times(3).reply(200, activityBody("ACTIVITY_STATUS_PENDING"));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS, { maxPolls: 3 }));

    expect(error).toBeInstanceOf(ActivityTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", activityId: ACTIVITY_ID, activityStatus: "ACTIVITY_STATUS_PENDING", polls: 3 });
    expect(sentAt).toEqual([0, 500, 1_500, 3_500]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never polls with maxPolls 0", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_PENDING"));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS, { maxPolls: 0 }));
    expect(error).toMatchObject({ name: "ActivityTimeoutError", polls: 0 });
    expect(recorder.requests).toHaveLength(1);
  });

  it("waitForActivity resumes an activity found with getActivity", async () => {
    nock(BASE)
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const turnkey = client();
    const { value: pending } = await settle(getActivity(turnkey, { activityId: ACTIVITY_ID }));
    const { value: done } = await settle(waitForActivity(turnkey, pending!, { pollIntervalMs: 2_000 }));

    expect(done?.result.oauth2AuthenticateResult).toEqual({ oidcToken: OIDC_TOKEN });
    expect(sentAt).toEqual([0, 2_000]);
  });

  it("retries get_activity on 503 (a query) but never resubmits the activity", async () => {
    nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .reply(503, { code: 14, message: "unavailable", details: [] })
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const { value } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(value).toEqual({ oidcToken: OIDC_TOKEN });
    expect(recorder.requests.map((request) => request.url.pathname)).toEqual([SUBMIT, GET_ACTIVITY, GET_ACTIVITY]);
  });

  it("refuses a get_activity answer about another activity", async () => {
    nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED", { id: "another" }));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it.each([
    ["maxPolls", { maxPolls: 1.5 }],
    ["pollIntervalMs", { pollIntervalMs: -1 }],
    ["maxPollIntervalMs", { maxPollIntervalMs: Number.NaN }],
  ])("rejects a bad %s with ConfigError before submitting anything", async (_, options) => {
    const { error } = await settle(oauth2Authenticate(client(), PARAMS, options));
    expect(error).toBeInstanceOf(ConfigError);
    expect(recorder.requests).toHaveLength(0);
  });
});

describe("terminal statuses", () => {
  const stopped: ActivityStatus[] = [
    "ACTIVITY_STATUS_FAILED",
    "ACTIVITY_STATUS_REJECTED",
    "ACTIVITY_STATUS_CONSENSUS_NEEDED",
    "ACTIVITY_STATUS_AUTHENTICATORS_NEEDED",
  ];
  it.each(stopped)("%s throws ActivityError with the activity's id, type and status, without polling", async (status) => {
    nock(BASE).post(SUBMIT).reply(200, activityBody(status));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(error).toBeInstanceOf(ActivityError);
    expect(error).toBeInstanceOf(OAuthKitError);
    expect(error).toMatchObject({
      activityId: ACTIVITY_ID,
      activityType: "ACTIVITY_TYPE_OAUTH2_AUTHENTICATE",
      activityStatus: status,
      organizationId: ORG,
    });
    expect((error as Error).message).toContain(ACTIVITY_ID);
    expect(recorder.requests).toHaveLength(1);
  });

  it("FAILED after polling carries Turnkey's failure details", async () => {
    const failure = { code: 3, message: "invalid oauth2 authorization code", details: [{ "@type": "type.googleapis.com/x" }] };
    nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .reply(200, activityBody("ACTIVITY_STATUS_FAILED", { failure }));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(error).toBeInstanceOf(ActivityError);
    expect((error as ActivityError).failure).toEqual(failure);
    expect((error as Error).message).toBe(
      `Turnkey activity ${ACTIVITY_ID} (ACTIVITY_TYPE_OAUTH2_AUTHENTICATE) failed: code 3 invalid oauth2 authorization code`,
    );
    expect(recorder.requests).toHaveLength(2);
  });

  it("ActivityError keeps the submitted secrets out of its message, JSON and inspect output", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_REJECTED"));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));

    const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    for (const secret of [PARAMS.authCode, PARAMS.codeVerifier]) expect(shown).not.toContain(secret);
    expect((error as ActivityError).activity.intent.oauth2AuthenticateIntent?.authCode).toBe(PARAMS.authCode);
  });

  it("ActivityError masks a failure that echoes the submitted secrets, in any encoding, in every field a logger prints", async () => {
    const failure = {
      code: 3,
      message: `code ${PARAMS.authCode} with verifier ${encodeURIComponent(PARAMS.codeVerifier)} is invalid`,
      details: [{ "@type": "type.googleapis.com/x", echo: JSON.stringify({ codeVerifier: PARAMS.codeVerifier }) }],
    };
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_FAILED", { failure }));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(error).toBeInstanceOf(ActivityError);
    const shown = [String(error), JSON.stringify(error), inspect(error, { depth: 10, customInspect: false }), JSON.stringify((error as ActivityError).failure)].join(" ");
    for (const secret of [PARAMS.authCode, PARAMS.codeVerifier]) expect(shown).not.toContain(secret);
    expect((error as ActivityError).failure?.message).toBe("code [redacted] with verifier [redacted] is invalid");
  });

  it("a COMPLETED activity without the expected result is an InvalidResponseError", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_COMPLETED", { result: {} }));
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it("a 200 without an activity is an InvalidResponseError", async () => {
    nock(BASE).post(SUBMIT).reply(200, { activity: { id: ACTIVITY_ID } });
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it("an error status is an ApiError, and an activity is not resubmitted after a 500", async () => {
    const body = { code: 13, message: "internal server error", details: [] };
    nock(BASE).post(SUBMIT).reply(500, body);
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, body });
    expect(recorder.requests).toHaveLength(1);
  });

  it("a 401 (stamp rejected) is an ApiError of kind auth", async () => {
    nock(BASE).post(SUBMIT).reply(401, { code: 16, message: "could not verify stamp", details: [] });
    const { error } = await settle(oauth2Authenticate(client(), PARAMS));
    expect(error).toMatchObject({ kind: "auth", status: 401 });
  });
});

describe("timeouts and aborts", () => {
  it("a submit that outlives timeoutMs is a TimeoutError and is not resubmitted (the code is single-use)", async () => {
    const scope = nock(BASE).post(SUBMIT).delay(5_000).reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const call = settle(oauth2Authenticate(client({ timeoutMs: 1_000 }), PARAMS));
    await until(() => scope.isDone());
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await call;

    expect(error).toBeInstanceOf(TimeoutError);
    expect(recorder.requests).toHaveLength(1);
  });

  it("an already aborted signal fails at once: nothing is signed or sent", async () => {
    const { error } = await settle(oauth2Authenticate(client(), PARAMS, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(recorder.requests).toHaveLength(0);
  });

  it("aborting during the wait between polls stops at once, sends nothing more and leaves no timer", async () => {
    nock(BASE).post(SUBMIT).reply(200, activityBody("ACTIVITY_STATUS_PENDING"));
    const controller = new AbortController();
    const call = oauth2Authenticate(client(), PARAMS, { signal: controller.signal }).catch((error: unknown) => error);
    await until(() => vi.getTimerCount() === 1); // submitted; waiting 500 ms before the first poll
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();

    expect(await call).toBeInstanceOf(AbortError);
    expect(recorder.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborting while get_activity is in flight is an AbortError, not retried", async () => {
    const scope = nock(BASE)
      .post(SUBMIT)
      .reply(200, activityBody("ACTIVITY_STATUS_PENDING"))
      .post(GET_ACTIVITY)
      .delay(10_000)
      .reply(200, activityBody("ACTIVITY_STATUS_COMPLETED"));
    const controller = new AbortController();
    const call = oauth2Authenticate(client(), PARAMS, { signal: controller.signal }).catch((error: unknown) => error);
    await until(() => vi.getTimerCount() === 1);
    await vi.advanceTimersByTimeAsync(500);
    await until(() => scope.isDone());
    controller.abort();

    expect(await call).toBeInstanceOf(AbortError);
    expect(recorder.requests.map((request) => request.url.pathname)).toEqual([SUBMIT, GET_ACTIVITY]);
  });
});
