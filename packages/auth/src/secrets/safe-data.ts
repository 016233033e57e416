import type { Challenge } from "../www-authenticate.js";
import type { Mask } from "./masker.js";

// Loggers print an error's fields and its causes as data (pino reads `cause` even when it is not
// enumerable), so what an error keeps of server text or of a lower-level error is masked here.

/** Set on OAuthKitError's prototype: an error that masks its own fields, across package copies too. */
export const SAFE_ERROR = Symbol.for("oauth-kit.safe-error");

const KEPT_CAUSE_FIELDS = ["code", "errno", "syscall"] as const;
const MAX_CAUSE_DEPTH = 4;

/**
 * A masked copy of a lower-level error: its name, message, stack and system error code, and its own
 * cause, copied the same way. Anything else it held (a Request, headers, a URL with a password in
 * Node's ERR_INVALID_URL `input`) is left behind. An oauth-kit error is already safe and kept as is.
 */
export function safeCause(cause: unknown, mask: Mask, depth = 0): unknown {
  if (cause === undefined || cause === null) return cause;
  if (cause instanceof Error && (cause as unknown as Record<symbol, unknown>)[SAFE_ERROR] === true) return cause;
  if (!(cause instanceof Error)) return mask(String(cause));
  const copy = new Error(mask(cause.message));
  copy.name = cause.name;
  copy.stack = mask(cause.stack ?? "");
  for (const field of KEPT_CAUSE_FIELDS) {
    const value = (cause as unknown as Record<string, unknown>)[field];
    if (typeof value === "string" || typeof value === "number") Object.assign(copy, { [field]: typeof value === "string" ? mask(value) : value });
  }
  const inner = (cause as { cause?: unknown }).cause;
  if (inner !== undefined && depth < MAX_CAUSE_DEPTH) {
    Object.defineProperty(copy, "cause", { value: safeCause(inner, mask, depth + 1), enumerable: false, configurable: true });
  }
  return copy;
}


/** WWW-Authenticate challenges with every parameter value and token68 masked (a realm may echo a secret). */
export function safeChallenges(challenges: readonly Challenge[] | undefined, mask: Mask): readonly Challenge[] {
  if (!challenges) return [];
  return challenges.map((challenge) => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(challenge.params)) params[mask(name)] = mask(value);
    const safe: Challenge = { scheme: mask(challenge.scheme), params };
    if (challenge.token68 !== undefined) safe.token68 = mask(challenge.token68);
    return safe;
  });
}

/** A copy of a JSON-like value with every string (keys too) masked: for server data an error keeps as a field. */
export function maskDeep<T>(value: T, mask: (text: string) => string, depth = 0): T {
  if (typeof value === "string") return mask(value) as T;
  if (value === null || typeof value !== "object" || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, mask, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[mask(key)] = maskDeep(member, mask, depth + 1);
  return out as T;
}
