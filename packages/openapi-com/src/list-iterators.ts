import { unwrap } from "@oauth-kit/auth";
import type { OpenapiComClient } from "./client.js";
import { type PageOptions, paginate, resolvePageOptions } from "./paginate.js";
import { scopesFilter } from "./scope.js";
import type { Callback, CallbackListElement, ErrorLog, Subscription, SubscriptionListElement, TokenDetail, WalletTransaction } from "./types.js";

export type { PageOptions } from "./paginate.js";

export interface ScopedPageOptions extends PageOptions {
  /** Only items for these scopes (`METHOD:host/path` strings, checked with parseScope; a string may list several, comma-separated). */
  scopes?: string | readonly string[] | undefined;
}

// Each iterator checks its options when called (bad input throws then, before any request) and
// returns a lazy async iterator: nothing is requested until the first `next()`.

function scoped(options: ScopedPageOptions): { scopes?: string } {
  return options.scopes === undefined ? {} : { scopes: scopesFilter(options.scopes) };
}

/** Every token of the account (`GET /tokens`), page by page. */
export function iterateTokens(client: OpenapiComClient, options: PageOptions = {}): AsyncGenerator<TokenDetail, void, undefined> {
  const paging = resolvePageOptions(options);
  return paginate(
    "GET /tokens",
    async (skip, limit) => unwrap(await client.GET("/tokens", { params: { query: { skip, limit } }, signal: paging.signal })),
    paging,
  );
}

/** The wallet's transactions (`GET /wallet/transactions`), newest first as the API orders them. */
export function iterateWalletTransactions(
  client: OpenapiComClient,
  options: PageOptions = {},
): AsyncGenerator<WalletTransaction, void, undefined> {
  const paging = resolvePageOptions(options);
  return paginate(
    "GET /wallet/transactions",
    async (skip, limit) => unwrap(await client.GET("/wallet/transactions", { params: { query: { skip, limit } }, signal: paging.signal })),
    paging,
  );
}

/** The error log (`GET /errors`), optionally for some scopes only. */
export function iterateErrors(client: OpenapiComClient, options: ScopedPageOptions = {}): AsyncGenerator<ErrorLog, void, undefined> {
  const paging = resolvePageOptions(options);
  const filter = scoped(options);
  return paginate(
    "GET /errors",
    async (skip, limit) => unwrap(await client.GET("/errors", { params: { query: { ...filter, skip, limit } }, signal: paging.signal })),
    paging,
  );
}

/** The callback log (`GET /callbacks`); an item is a list element, or a full Callback when the API answers with one. */
export function iterateCallbacks(
  client: OpenapiComClient,
  options: ScopedPageOptions = {},
): AsyncGenerator<CallbackListElement | Callback, void, undefined> {
  const paging = resolvePageOptions(options);
  const filter = scoped(options);
  return paginate<CallbackListElement | Callback>(
    "GET /callbacks",
    async (skip, limit) => unwrap(await client.GET("/callbacks", { params: { query: { ...filter, skip, limit } }, signal: paging.signal })),
    paging,
  );
}

/** The subscriptions (`GET /subscriptions`); an item is a list element, or a full Subscription when the API answers with one. */
export function iterateSubscriptions(
  client: OpenapiComClient,
  options: ScopedPageOptions = {},
): AsyncGenerator<SubscriptionListElement | Subscription, void, undefined> {
  const paging = resolvePageOptions(options);
  const filter = scoped(options);
  return paginate<SubscriptionListElement | Subscription>(
    "GET /subscriptions",
    async (skip, limit) =>
      unwrap(await client.GET("/subscriptions", { params: { query: { ...filter, skip, limit } }, signal: paging.signal })),
    paging,
  );
}
