import { OAuthKitError, TimeoutError, redact } from "@oauth-kit/auth";
import type { Activity, Status } from "./types.js";

/** Server text in a message: redacted, one line, control characters escaped, at most 200 characters. */
function safe(value: unknown): string {
  const text = redact(String(value ?? ""))
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
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

  constructor(activity: Activity) {
    const what = WHAT_NOW[activity.status] ?? `ended in ${safe(activity.status)}`;
    const failure = activity.failure;
    const why = failure ? `: code ${safe(failure.code)}${failure.message ? ` ${safe(failure.message)}` : ""}` : "";
    super("http", `Turnkey activity ${safe(activity.id)} (${safe(activity.type)}) ${what}${why}`);
    this.activityId = activity.id;
    this.activityType = activity.type;
    this.activityStatus = activity.status;
    this.organizationId = activity.organizationId;
    this.failure = failure;
    Object.defineProperty(this, "activity", { value: activity, enumerable: false });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      activityId: this.activityId,
      activityType: this.activityType,
      activityStatus: this.activityStatus,
      ...(this.failure ? { failure: { code: this.failure.code, message: safe(this.failure.message) } } : {}),
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
    super(`Turnkey activity ${safe(activity.id)} (${safe(activity.type)}) is still ${safe(activity.status)} after ${polls} polls`);
    this.activityId = activity.id;
    this.activityStatus = activity.status;
    this.organizationId = activity.organizationId;
    this.polls = polls;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), activityId: this.activityId, activityStatus: this.activityStatus, polls: this.polls };
  }
}
