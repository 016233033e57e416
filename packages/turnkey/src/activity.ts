import { AbortError, ConfigError, InvalidResponseError, sleep, unwrap } from "@oauth-kit/auth";
import type { TurnkeyClient } from "./client.js";
import { ActivityError, ActivityTimeoutError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import type { Activity, ActivityResult } from "./types.js";

export interface PollOptions {
  /** Stops polling (and any request in flight) with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Wait before the first `get_activity`; each later wait doubles, up to `maxPollIntervalMs`. Default 500 ms. */
  pollIntervalMs?: number | undefined;
  /** Longest wait between two polls. Default 5 000 ms. */
  maxPollIntervalMs?: number | undefined;
  /**
   * How many `get_activity` calls to make before giving up with an `ActivityTimeoutError`. Default 10,
   * which with the default intervals waits about 37 s in all. 0 never polls.
   */
  maxPolls?: number | undefined;
}

export interface ActivityOptions extends PollOptions {
  /** The organization to act in (a sub-organization, say). Default: the client's `organizationId`. */
  organizationId?: string | undefined;
  /** Ask the enclaves for App Proofs (`activity.appProofs`). */
  generateAppProofs?: boolean | undefined;
}

const COMPLETED = "ACTIVITY_STATUS_COMPLETED";
/** Only these mean "Turnkey is still working"; every other status needs someone else and is thrown. */
const IN_PROGRESS: ReadonlySet<string> = new Set(["ACTIVITY_STATUS_CREATED", "ACTIVITY_STATUS_PENDING"]);

function nonNegative(name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new ConfigError(`${name} must be a finite ${integer ? "integer" : "number"} >= 0`);
  }
  return value;
}

const ABORTED = "Turnkey activity polling aborted by the caller";

/** The `activity` of an activity response, checked enough that the poller can trust its fields. */
export function activityOf(body: unknown): Activity {
  const activity = (body as { activity?: unknown } | undefined)?.activity as Partial<Activity> | undefined;
  if (
    typeof activity !== "object" ||
    activity === null ||
    typeof activity.id !== "string" ||
    activity.id === "" ||
    typeof activity.status !== "string" ||
    typeof activity.organizationId !== "string"
  ) {
    throw new InvalidResponseError("Turnkey response has no activity with an id, a status and an organizationId");
  }
  return activity as Activity;
}

/** The query behind polling; also exported as `getActivity`. */
export async function fetchActivity(
  client: TurnkeyClient,
  body: { activityId: string; organizationId: string },
  signal: AbortSignal | undefined,
): Promise<Activity> {
  return activityOf(unwrap(await client.POST("/public/v1/query/get_activity", { body, signal })));
}

/**
 * Polls `get_activity` until the activity leaves `CREATED`/`PENDING`, and returns it once `COMPLETED`.
 * The waits back off exponentially (`pollIntervalMs`, doubling, capped at `maxPollIntervalMs`) and are
 * bounded by `maxPolls`; `get_activity` itself is retried by the transport on 429/5xx/timeouts.
 *
 * Use it to resume an activity that an earlier call left waiting (an `ActivityTimeoutError`, or an
 * `ActivityError` for `CONSENSUS_NEEDED` once the other users have voted).
 * @throws {ActivityError} FAILED, REJECTED, CONSENSUS_NEEDED, AUTHENTICATORS_NEEDED (or an unknown status)
 * @throws {ActivityTimeoutError} still in progress after `maxPolls` polls
 * @throws {AbortError} `signal` fired
 */
export async function waitForActivity(client: TurnkeyClient, activity: Activity, options: PollOptions = {}): Promise<Activity> {
  return poll(client, activityOf({ activity }), pollSettings(options));
}

interface PollSettings {
  interval: number;
  maxInterval: number;
  maxPolls: number;
  signal: AbortSignal | undefined;
}

/** Validated before anything is submitted, so a bad option never leaves an activity behind. */
function pollSettings(options: PollOptions): PollSettings {
  return {
    interval: nonNegative("pollIntervalMs", options.pollIntervalMs, 500),
    maxInterval: nonNegative("maxPollIntervalMs", options.maxPollIntervalMs, 5_000),
    maxPolls: nonNegative("maxPolls", options.maxPolls, 10, true),
    signal: options.signal,
  };
}

async function poll(client: TurnkeyClient, activity: Activity, { interval, maxInterval, maxPolls, signal }: PollSettings): Promise<Activity> {
  let current = activity;
  for (let polls = 0; ; polls++) {
    if (current.status === COMPLETED) return current;
    if (!IN_PROGRESS.has(current.status)) throw new ActivityError(current);
    if (polls >= maxPolls) throw new ActivityTimeoutError(current, polls);
    await sleep(Math.min(maxInterval, interval * 2 ** polls), signal, { abortMessage: ABORTED });
    const next = await fetchActivity(client, { activityId: current.id, organizationId: current.organizationId }, signal);
    if (next.id !== current.id) throw new InvalidResponseError("Turnkey get_activity answered with another activity");
    current = next;
  }
}

type SubmitPath = Extract<keyof paths, `/public/v1/submit/${string}`>;
type Envelope<P extends SubmitPath> = paths[P]["post"]["requestBody"]["content"]["application/json"];
type LoosePost = (
  path: string,
  init: { body: unknown; signal: AbortSignal | undefined },
) => Promise<{ data: unknown; error?: never; response: Response } | { data?: never; error: unknown; response: Response }>;

/**
 * One activity, start to finish: builds the envelope (`type`, the current `timestampMs`, the organization),
 * submits it, polls while Turnkey is still working, and returns `activity.result[resultKey]`.
 */
export async function runActivity<P extends SubmitPath, K extends keyof ActivityResult>(
  client: TurnkeyClient,
  path: P,
  type: Envelope<P>["type"],
  parameters: Envelope<P>["parameters"],
  resultKey: K,
  options: ActivityOptions = {},
): Promise<NonNullable<ActivityResult[K]>> {
  const { signal, generateAppProofs } = options;
  const settings = pollSettings(options);
  const organizationId = options.organizationId ?? client.organizationId;
  if (typeof organizationId !== "string" || organizationId === "") throw new ConfigError("organizationId must be a non-empty string");
  // Nothing is signed or sent for a call that is already cancelled.
  if (signal?.aborted) throw new AbortError(ABORTED);

  const envelope = {
    type,
    timestampMs: String(Date.now()),
    organizationId,
    parameters,
    ...(generateAppProofs === undefined ? {} : { generateAppProofs }),
  };
  // One generic call for every submit path; the envelope's type is checked against P above.
  const submitted = activityOf(unwrap(await (client.POST as unknown as LoosePost)(path, { body: envelope, signal })));
  const activity = await poll(client, submitted, settings);
  const result = activity.result?.[resultKey];
  if (result === undefined || result === null) {
    throw new InvalidResponseError(`Turnkey activity ${activity.id} completed without result.${resultKey}`);
  }
  return result as NonNullable<ActivityResult[K]>;
}
