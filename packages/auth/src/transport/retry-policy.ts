export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (3 attempts in all). 0 disables retries. */
  maxRetries?: number;
  /** First backoff step; each retry doubles it. Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff step. Default 8 s. */
  maxDelayMs?: number;
  /**
   * The longest server-requested wait (`Retry-After`, `retry-after-ms`) honoured. A longer hint is not
   * slept: the response is handed back with `retryAfterMs` for the caller to act on. Default 60 s.
   */
  maxRetryAfterMs?: number;
  /** One budget for all attempts and waits together. Default: none (each attempt has `timeoutMs`). */
  deadlineMs?: number;
}

export type ResolvedRetryOptions = Required<Omit<RetryOptions, "deadlineMs">> & { deadlineMs: number | undefined };

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const resolved = {
    maxRetries: options.maxRetries ?? 2,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    deadlineMs: options.deadlineMs,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new RangeError(`retry.${name} must be a finite number >= 0`);
    }
  }
  return resolved;
}

/** 408, 429 and every 5xx may succeed when sent again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The longest HTTP-date, with room for lenient spacing: the three RFC 9110 §5.6.7 forms are 24 to 33
 * characters. A longer value is refused before any pattern runs on it.
 */
const MAX_HTTP_DATE_LENGTH = 64;
/**
 * A day name, then a comma and/or whitespace, then date characters. Each quantifier is followed by
 * something it cannot match (letters, then `,` or whitespace, then the end), so matching is linear in
 * the length: the earlier `,?\s+[\w\s:,-]+$` let two quantifiers share the spaces, which backtracked
 * quadratically on a day name followed by many spaces.
 */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s[\w\s:,-]+$/i;

/** Epoch ms of an HTTP-date (RFC 9110 §5.6.7), or undefined for anything else. */
function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  // Only an HTTP-date: all three forms start with a day name. Date.parse alone is too lenient: it reads
  // "-5" or "foo 1" as dates in 2001, which would turn garbage into "retry now".
  if (text.length > MAX_HTTP_DATE_LENGTH || !HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : date;
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `Retry-After` as seconds or as an
 * HTTP-date. Undefined when absent, unparseable or negative (the caller then uses its own backoff).
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get("retry-after");
  if (header === null || header.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const date = parseHttpDate(header);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base * 2^retry)). */
export function backoffMs(retry: number, options: ResolvedRetryOptions, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry));
}
