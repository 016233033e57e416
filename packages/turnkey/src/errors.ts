import { type Mask, OAuthKitError, TimeoutError, createMasker, maskDeep, secretFieldsOf, snippet } from "@oauth-kit/auth";
import type { Activity, Status } from "./types.js";

/**
 * What an activity error must never show: every secret-named field of the activity (its `intent` echoes
 * the auth code, verifier or OIDC token that was submitted), plus what the caller's request sent.
 */
function activityMasker(activity: Activity, secrets: Iterable<string> = []): Mask {
  return createMasker([...secretFieldsOf(activity), ...secrets]);
}

/** Server text in a message: masked, one line, control characters escaped, at most 200 characters. */
function safe(value: unknown, mask: Mask): string {
  return snippet(String(value ?? ""), mask);
}

const WHAT_NOW: Readonly<Record<string, string>> = {
  ACTIVITY_STATUS_FAILED: "failed",
  ACTIVITY_STATUS_REJECTED: "was rejected",
  ACTIVITY_STATUS_CONSENSUS_NEEDED: "needs approval by more users (consensus); resume it with waitForActivity() once approved",
  ACTIVITY_STATUS_AUTHENTICATORS_NEEDED: "needs more authenticators; resume it with waitForActivity() once they are added",
};

/**
 * A Turnkey activity ended without a result: `ACTIVITY_STATUS_FAILED` (see `failure`), `_REJECTED`,
 * `_CONSENSUS_NEEDED` or `_AUTHENTICATORS_NEEDED` (the last two wait for people, so they are not polled,
 * as in Turnkey's own SDK). Kind `http`: the server answered, and the answer is a failure.
 *
 * The activity itself (whose `intent` echoes what was submitted: auth codes, verifiers, OIDC tokens) is
 * kept on `activity` for the caller, but it is non-enumerable and never in the message, `toJSON()` or
 * `util.inspect` output.
 */
export class ActivityError extends OAuthKitError {
  readonly activityId: string;
  readonly activityType: string;
  readonly activityStatus: string;
  readonly organizationId: string;
  /** `activity.failure` (gRPC status: `code`, `message`, `details`) when Turnkey sent one. */
  readonly failure: Status | undefined;
  declare readonly activity: Activity;

  /** `secrets`: what the request that submitted the activity sent, masked too if Turnkey echoes it. */
  constructor(activity: Activity, secrets?: Iterable<string>) {
    const mask = activityMasker(activity, secrets);
    const what = WHAT_NOW[activity.status] ?? `ended in ${safe(activity.status, mask)}`;
    const failure = activity.failure;
    const why = failure ? `: code ${safe(failure.code, mask)}${failure.message ? ` ${safe(failure.message, mask)}` : ""}` : "";
    super("http", `Turnkey activity ${safe(activity.id, mask)} (${safe(activity.type, mask)}) ${what}${why}`);
    this.activityId = mask(String(activity.id));
    this.activityType = mask(String(activity.type));
    this.activityStatus = mask(String(activity.status));
    this.organizationId = mask(String(activity.organizationId));
    // Free text from the server, with whatever was submitted masked.
    this.failure = failure === undefined ? undefined : maskDeep(failure, mask);
    Object.defineProperty(this, "activity", { value: activity, enumerable: false });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      activityId: this.activityId,
      activityType: this.activityType,
      activityStatus: this.activityStatus,
      ...(this.failure ? { failure: { code: this.failure.code, message: snippet(this.failure.message ?? "") } } : {}),
    };
  }
}

/**
 * Polling used up its budget (`maxPolls`) while the activity was still `CREATED` or `PENDING`. The
 * activity may still complete: `activityId` lets the caller look again later (getActivity, waitForActivity).
 */
export class ActivityTimeoutError extends TimeoutError {
  readonly activityId: string;
  readonly activityStatus: string;
  readonly organizationId: string;
  readonly polls: number;

  constructor(activity: Activity, polls: number) {
    const mask = activityMasker(activity);
    super(`Turnkey activity ${safe(activity.id, mask)} (${safe(activity.type, mask)}) is still ${safe(activity.status, mask)} after ${polls} polls`);
    this.activityId = mask(String(activity.id));
    this.activityStatus = mask(String(activity.status));
    this.organizationId = mask(String(activity.organizationId));
    this.polls = polls;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), activityId: this.activityId, activityStatus: this.activityStatus, polls: this.polls };
  }
}
