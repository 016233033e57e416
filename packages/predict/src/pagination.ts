import { ConfigError, InvalidResponseError, unwrap } from "@oauth-kit/auth";
import type { PredictClient } from "./client.js";
import { type PredictWallet, signEnvelope } from "./signed-envelope.js";
import type { OrderData, OrderStatusFilter, PositionData } from "./types.js";

export interface PaginationOptions {
  /** Items per page, sent as `first` (Predict takes it as a numeric string). Default: Predict's own. */
  pageSize?: number | undefined;
  /** Resume after this cursor (a `cursor` from an earlier response). */
  after?: string | undefined;
  /**
   * Guard against a cursor that never ends: reading more pages than this throws an InvalidResponseError
   * rather than looping forever or silently dropping the rest. Default 1000. To read fewer items, break
   * out of the `for await` loop: no further page is requested.
   */
  maxPages?: number | undefined;
}

export interface OrderPaginationOptions extends PaginationOptions {
  /** Only orders with this status. */
  status?: OrderStatusFilter | undefined;
}

const DEFAULT_MAX_PAGES = 1000;

/** What a page response is checked for at run time; the generated types say the rest. */
interface PageBody {
  data?: unknown;
  cursor?: unknown;
}

/**
 * Yields every item, page by page: each page is a new request with a freshly signed envelope (a new
 * timestamp), `after` set to the previous page's `cursor`. Stops when the cursor is absent or empty, or a
 * page is empty.
 */
async function* paginate<Item>(
  what: string,
  options: PaginationOptions,
  fetchPage: (query: { first?: string; after?: string }) => Promise<PageBody>,
): AsyncGenerator<Item, void, undefined> {
  const { pageSize, maxPages = DEFAULT_MAX_PAGES } = options;
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw new ConfigError("pageSize must be a positive integer");
  }
  if (!(Number.isSafeInteger(maxPages) && maxPages > 0)) throw new ConfigError("maxPages must be a positive integer");
  if (options.after !== undefined && (typeof options.after !== "string" || options.after === "")) {
    throw new ConfigError("after must be a non-empty cursor string");
  }

  let after = options.after;
  for (let pages = 0; ; pages++) {
    if (pages === maxPages) {
      throw new InvalidResponseError(`${what}: more than ${maxPages} pages and the server still returns a cursor (maxPages)`);
    }
    const page = await fetchPage({
      ...(pageSize === undefined ? {} : { first: String(pageSize) }),
      ...(after === undefined ? {} : { after }),
    });
    if (!Array.isArray(page?.data)) throw new InvalidResponseError(`${what}: the response has no data array`);
    yield* page.data as Item[];
    const cursor = page.cursor;
    if (page.data.length === 0 || typeof cursor !== "string" || cursor === "") return;
    // The same cursor again would fetch the same page forever.
    if (cursor === after) throw new InvalidResponseError(`${what}: the server returned the cursor it was given`);
    after = cursor;
  }
}

/**
 * Every order of the connected account (optionally only `OPEN` or `FILLED` ones), as an async iterator.
 *
 * ```ts
 * for await (const order of paginateOrders(predict, wallet, { status: "OPEN", pageSize: 50 })) { ... }
 * ```
 * @throws {ApiError} a page request failed (body: `PredictErrorResponse`, e.g. `invalid_cursor`)
 */
export function paginateOrders(
  client: PredictClient,
  wallet: PredictWallet,
  options: OrderPaginationOptions = {},
): AsyncGenerator<OrderData, void, undefined> {
  const status = options.status === undefined ? {} : { status: options.status };
  return paginate<OrderData>("POST /v1/oauth/orders", options, async (query) => {
    const body = await signEnvelope(wallet, { ...query, ...status });
    return unwrap(await client.POST("/v1/oauth/orders", { body }));
  });
}

/**
 * Every position of the connected account, as an async iterator (see paginateOrders()).
 * @throws {ApiError} a page request failed (body: `PredictErrorResponse`)
 */
export function paginatePositions(
  client: PredictClient,
  wallet: PredictWallet,
  options: PaginationOptions = {},
): AsyncGenerator<PositionData, void, undefined> {
  return paginate<PositionData>("POST /v1/oauth/positions", options, async (query) => {
    const body = await signEnvelope(wallet, query);
    return unwrap(await client.POST("/v1/oauth/positions", { body }));
  });
}
