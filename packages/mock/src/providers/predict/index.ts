// Predict (predict.fun): the auth message and JWT login with a pluggable signature check; the OAuth
// connection (an authorize page issuing codes, finalize), and the connection's orders and positions with
// cursors. Every OAuth body is a wallet-signed envelope; what exactly is signed is undocumented, so the
// check is yours to plug in (`verifySignature`); by default any 0x-hex signature passes.
import { redeemCode } from "../../oauth/codes.js";
import { redeemMessage } from "../../oauth/errors.js";
import { authorizePageRoutes } from "../../oauth/authorize-page.js";
import { checkToken, issueToken } from "../../oauth/grants.js";
import { randomToken } from "../../oauth/random.js";
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../../provider.js";
import { json } from "../../server/respond.js";
import { responseExample } from "../../spec/examples.js";
import { specOperations } from "../../spec/operations.js";
import { type MockState, createMockState } from "../../state.js";

/** What a signature covers: the auth message for login, the envelope's `data` (as sent, JSON) for OAuth calls. */
export interface PredictSignatureCheck {
  signer: string;
  signature: string;
  message: string;
}

export interface PredictMockOptions {
  /** Decides whether a signature is valid. Default: any `0x`-prefixed hex signature. */
  verifySignature: (check: PredictSignatureCheck) => boolean | Promise<boolean>;
  /** Require `x-api-key` (mainnet behaviour). Default true; false behaves like testnet. */
  requireApiKey: boolean;
  /** The API key to accept (default: random). */
  apiKey: string;
  /** Orders and positions each connection starts with (copies of the spec's examples). Default 5. */
  seedRecords: number;
}

type Order = Record<string, unknown> & { id: string; status: string };
type Position = Record<string, unknown> & { id: string };

export interface PredictConnection {
  account: string;
  clientId: string;
  orders: Order[];
  positions: Position[];
}

export interface PredictMockState extends MockState {
  apiKey: string;
  /** Auth messages handed out and not yet used. */
  messages: Set<string>;
  /** OAuth connections by account address (lower case). */
  connections: Map<string, PredictConnection>;
  /** Templates for seeded records, from the spec's examples. */
  templates: { order: Record<string, unknown>; position: Record<string, unknown> };
}

type Context = HandlerContext<PredictMockState, PredictMockOptions>;

const PAGE_SIZE = 20;

function error(context: Context, status: number, code: string, message: string): MockResponse {
  return json(status, { success: false, code: status, error: code, message, timestamp: new Date(context.now()).toISOString() });
}

const defaultVerify = ({ signature }: PredictSignatureCheck) => /^0x[0-9a-fA-F]+$/.test(signature);

function apiKeyRefused(context: Context): MockResponse | undefined {
  const presented = context.request.headers["x-api-key"];
  if (presented === undefined && context.options.requireApiKey === false) return undefined;
  return presented === context.state.apiKey ? undefined : error(context, 401, "unauthorized", "Unauthorized");
}

/** The connection an OAuth envelope acts for: signed by its wallet, and the bearer (when sent) is its token. */
async function connectionOf(context: Context): Promise<PredictConnection | MockResponse> {
  const body = context.request.body as { signer: string; account: string; signature: string; data: unknown };
  const verify = context.options.verifySignature ?? defaultVerify;
  if (!(await verify({ signer: body.signer, signature: body.signature, message: JSON.stringify(body.data) }))) {
    return error(context, 401, "unauthorized", "Invalid signature");
  }
  const connection = context.state.connections.get(body.account.toLowerCase());
  if (!connection) return error(context, 401, "unauthorized", "No OAuth connection for this account");
  if (context.request.auth.bearer !== undefined) {
    const checked = checkToken(context.state, context.now(), context.request.auth.bearer, ["connection"]);
    if ("failure" in checked || checked.token.grantId !== connection.account) return error(context, 401, "unauthorized", "Unauthorized");
  }
  return connection;
}

/** Cursor pagination over `records`: `after` is the previous page's `cursor`, `first` the page size. */
function page<T>(context: Context, records: T[], data: { first?: string; after?: string }): MockResponse | { items: T[]; cursor: string | undefined } {
  let start = 0;
  if (data.after !== undefined) {
    const decoded = /^\{"offset":(\d+)\}$/.exec(Buffer.from(data.after, "base64").toString("utf8"))?.[1];
    if (decoded === undefined) return error(context, 400, "invalid_cursor", "Invalid cursor");
    start = Number(decoded);
  }
  const size = data.first === undefined ? PAGE_SIZE : Number(data.first);
  if (!Number.isInteger(size) || size < 1) return error(context, 400, "bad_request", "first must be a positive integer");
  const items = records.slice(start, start + size);
  const next = start + size < records.length ? Buffer.from(JSON.stringify({ offset: start + size })).toString("base64") : undefined;
  return { items, cursor: next };
}

const isResponse = (value: unknown): value is MockResponse => typeof (value as MockResponse).status === "number";

function seed(state: PredictMockState, count: number, account: string): Pick<PredictConnection, "orders" | "positions"> {
  const orders: Order[] = [];
  const positions: Position[] = [];
  for (let index = 0; index < count; index++) {
    orders.push({ ...structuredClone(state.templates.order), id: String(88214590 + index), status: index % 2 === 0 ? "OPEN" : "FILLED" } as Order);
    positions.push({ ...structuredClone(state.templates.position), id: `${account.toLowerCase()}-${index}` } as Position);
  }
  return { orders, positions };
}

export const behaviour: ProviderBehaviour<PredictMockState, PredictMockOptions> = {
  createState({ options, document }) {
    const operations = specOperations(document);
    const first = (operationId: string) => {
      const body = responseExample(document, operations.find((operation) => operation.operationId === operationId)!)?.body as { data: Record<string, unknown>[] };
      return body.data[0]!;
    };
    const state: PredictMockState = {
      ...createMockState(),
      apiKey: options.apiKey ?? randomToken("", 24),
      messages: new Set(),
      connections: new Map(),
      templates: { order: first("getOAuthOrders"), position: first("getOAuthPositions") },
    };
    const clientId = options.client?.clientId ?? "mock-trading-app";
    state.clients.set(clientId, { clientId, clientSecret: "", redirectUris: options.redirectUris, name: "Mock Trading App" });
    return state;
  },

  credentials(state, { baseUrl }) {
    const [client] = state.clients.values();
    return { apiKey: state.apiKey, clientId: client!.clientId, redirectUri: client!.redirectUris[0] ?? "", authorizeUrl: `${baseUrl}/oauth/authorize` };
  },

  routes: authorizePageRoutes<PredictMockState, PredictMockOptions>({ path: "/oauth/authorize", providerName: "Predict" }),

  authenticate: (context) => apiKeyRefused(context),

  operations: {
    getAuthMessage(context) {
      const message = `Sign in to predict.fun\n\nNonce: ${randomToken("", 8)}`;
      context.state.messages.add(message);
      return json(200, { success: true, data: { message } });
    },

    async authenticate(context) {
      const body = context.request.body as { signer: string; signature: string; message: string };
      if (!context.state.messages.delete(body.message)) return error(context, 400, "bad_request", "Unknown or already used auth message");
      const verify = context.options.verifySignature ?? defaultVerify;
      if (!(await verify({ signer: body.signer, signature: body.signature, message: body.message }))) return error(context, 401, "unauthorized", "Invalid signature");
      const token = issueToken(context.state, context.now(), { kind: "jwt", grantId: body.signer.toLowerCase(), ttlSeconds: context.options.accessTokenTtlSeconds ?? 24 * 3600, token: jwtLike(body.signer, context.now()) });
      return json(200, { success: true, data: { token: token.token } });
    },

    async finalizeOAuthConnection(context) {
      const body = context.request.body as { signer: string; account: string; signature: string; data: { clientId: string; authCode: string } };
      const verify = context.options.verifySignature ?? defaultVerify;
      if (!(await verify({ signer: body.signer, signature: body.signature, message: JSON.stringify(body.data) }))) return error(context, 401, "unauthorized", "Invalid signature");
      const code = context.state.codes.get(body.data.authCode);
      const redeemed = await redeemCode(context.state, context.now(), { code: body.data.authCode, clientId: body.data.clientId, redirectUri: code?.redirectUri, codeVerifier: undefined });
      if ("failure" in redeemed) return error(context, 400, "bad_request", redeemMessage[redeemed.failure]);
      const account = body.account.toLowerCase();
      const existing = context.state.connections.get(account);
      context.state.connections.set(account, existing ?? { account, clientId: body.data.clientId, ...seed(context.state, context.options.seedRecords ?? 5, account) });
      const token = issueToken(context.state, context.now(), { kind: "connection", grantId: account, clientId: body.data.clientId, ttlSeconds: context.options.accessTokenTtlSeconds, token: jwtLike(body.account, context.now()) });
      return json(200, { success: true, data: { token: token.token } });
    },

    async getOAuthOrders(context) {
      const connection = await connectionOf(context);
      if (isResponse(connection)) return connection;
      const data = (context.request.body as { data: { first?: string; after?: string; status?: string } }).data;
      const matching = connection.orders.filter((order) => data.status === undefined || order.status === data.status);
      const result = page(context, matching, data);
      if (isResponse(result)) return result;
      return json(200, { success: true, ...(result.cursor ? { cursor: result.cursor } : {}), data: result.items });
    },

    async createOAuthOrder(context) {
      const connection = await connectionOf(context);
      if (isResponse(connection)) return connection;
      const data = (context.request.body as { data: { order: Record<string, unknown>; pricePerShare: string; strategy: string } }).data;
      if (Number(data.order.expiration) * 1000 <= context.now()) return error(context, 400, "create_order_expiry_too_soon", "Order expiration is too soon");
      const orderHash = (data.order.hash as string | undefined) ?? `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex")}`;
      if (connection.orders.some((order) => (order.order as { hash?: string } | undefined)?.hash === orderHash)) {
        return error(context, 400, "create_order_duplicate_order", "Duplicate order");
      }
      const id = String(88214590 + connection.orders.length + 1000);
      connection.orders.unshift({ ...structuredClone(context.state.templates.order), id, order: { ...data.order, hash: orderHash }, strategy: data.strategy, status: "OPEN", amountFilled: "0" } as Order);
      return json(201, { success: true, data: { code: "OK", orderId: id, orderHash } });
    },

    async cancelOAuthOrders(context) {
      const connection = await connectionOf(context);
      if (isResponse(connection)) return connection;
      const { ids } = (context.request.body as { data: { ids: string[] } }).data;
      for (const order of connection.orders) if (ids.includes(order.id) && order.status === "OPEN") order.status = "CANCELLED";
      return json(200, { success: true });
    },

    async getOAuthPositions(context) {
      const connection = await connectionOf(context);
      if (isResponse(connection)) return connection;
      const data = (context.request.body as { data: { first?: string; after?: string } }).data;
      const result = page(context, connection.positions, data);
      if (isResponse(result)) return result;
      return json(200, { success: true, ...(result.cursor ? { cursor: result.cursor } : {}), data: result.items });
    },
  },

  invalidRequest: (context, problems) => error(context, 400, "bad_request", `Invalid request: ${problems.join("; ")}`),
  unauthorized: (context) => error(context, 401, "unauthorized", "Unauthorized"),
};

/** A JWT-shaped token (unsigned: only the mock reads it). */
function jwtLike(subject: string, now: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: subject, iat: Math.floor(now / 1000), jti: randomToken("", 8) })}.${randomToken("", 32)}`;
}
