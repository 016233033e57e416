import { ConfigError, InvalidResponseError } from "@oauth-kit/auth";

export interface PageOptions {
  /** Items per request, 1–100 (the API's maximum). Default 100. */
  limit?: number | undefined;
  /** Items to skip before the first one. Default 0. */
  skip?: number | undefined;
  /**
   * Requests at most this many pages, then throws InvalidResponseError rather than loop forever on a
   * server that keeps answering full pages. Default 1000 (100 000 items at the default limit).
   */
  maxPages?: number | undefined;
  /** Aborts the request in progress; the iterator then throws AbortError. */
  signal?: AbortSignal | undefined;
}

export interface ResolvedPageOptions {
  limit: number;
  skip: number;
  maxPages: number;
  signal: AbortSignal | undefined;
}

const MAX_LIMIT = 100;

function integerOption(options: PageOptions, name: "limit" | "skip" | "maxPages", fallback: number, min: number, max: number): number {
  const value = options[name] ?? fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}–${max}`;
    throw new ConfigError(`${name} must be an integer ${range}, got ${typeof value === "number" ? value : typeof value}`);
  }
  return value;
}

/** Checks the paging options up front, so bad input throws at the call, before any request. */
export function resolvePageOptions(options: PageOptions = {}): ResolvedPageOptions {
  if (options === null || typeof options !== "object") throw new ConfigError("paging options must be an object");
  return {
    limit: integerOption(options, "limit", MAX_LIMIT, 1, MAX_LIMIT),
    skip: integerOption(options, "skip", 0, 0, Number.MAX_SAFE_INTEGER),
    maxPages: integerOption(options, "maxPages", 1000, 1, Number.MAX_SAFE_INTEGER),
    signal: options.signal,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Walks a `skip`/`limit` list: requests pages until one is shorter than `limit` (or empty) and yields
 * their items. These endpoints may answer with a single object instead of a list ("List or token
 * detail"); that object is yielded on its own and ends the walk, since there is nothing to page through.
 */
export async function* paginate<T>(
  operation: string,
  fetchPage: (skip: number, limit: number) => Promise<{ data?: T[] | T | undefined } | undefined>,
  options: ResolvedPageOptions,
): AsyncGenerator<T, void, undefined> {
  const { limit, maxPages } = options;
  let skip = options.skip;
  let previousPage: string | undefined;
  for (let page = 1; ; page++) {
    if (page > maxPages) {
      throw new InvalidResponseError(
        `${operation}: still full pages after ${maxPages} pages of ${limit}; stopped (pass a larger maxPages if there are more)`,
      );
    }
    const body = await fetchPage(skip, limit);
    const data: unknown = body?.data;
    if (isRecord(data)) {
      yield data as T;
      return;
    }
    if (!Array.isArray(data)) {
      throw new InvalidResponseError(`${operation}: the page at skip=${skip} has no \`data\` list (got ${data === null ? "null" : typeof data})`);
    }
    // A server that ignores `skip` answers the same full page forever; catch it on the second page.
    const fingerprint = data.length >= limit ? JSON.stringify(data) : undefined;
    if (fingerprint !== undefined && fingerprint === previousPage) {
      throw new InvalidResponseError(`${operation}: skip=${skip} returned the same page as skip=${skip - limit}; the server ignores skip`);
    }
    yield* data as T[];
    if (fingerprint === undefined) return;
    previousPage = fingerprint;
    skip += limit;
  }
}
