import {
  ConfigError,
  InvalidResponseError,
  type TokenSet,
  type TokenStore,
  bearer,
  createTokenSource,
  unwrap,
  useCredentials,
} from "@oauth-kit/auth";
import type { OpenapiComClient } from "./client.js";
import { metadata } from "./generated/metadata.js";
import type { TokenDetail } from "./types.js";

/** What a rotation produced. openapi.com has deleted `previousToken`; its refresh token no longer works. */
export interface RotatedToken {
  /** The new token: the Bearer value for the other *.openapi.com APIs. */
  token: string;
  /** The new refresh token, for the next rotation. */
  refreshToken: string;
  /** The token that was rotated away. */
  previousToken: string;
  /** The new token's whole detail as returned (scopes, expireAt, limits, ...). */
  detail: TokenDetail;
}

export interface RotateTokenOptions {
  /** The token to rotate (`TokenDetail.token`). */
  token: string;
  /** Its refresh token (`TokenDetail.refreshToken`), sent as `Authorization: Bearer`. */
  refreshToken: string;
  /**
   * Stores the new token and refresh token. Awaited before rotateToken resolves: the old ones are dead, so
   * a rotation whose result was not stored has locked you out of that token.
   */
  persist: (rotated: RotatedToken) => void | Promise<void>;
  /**
   * Rotate once across processes: with a TokenStore shared by every instance (`createRedisTokenStore()`
   * of `@oauth-kit/redis`, or the file store of `@oauth-kit/auth/file-store`), the first caller anywhere
   * takes the lease and sends the PATCH; every other caller, in any process, gets that rotation from the
   * store instead of sending the spent refresh token again. The rotation is stored under a hash of the
   * old token, with the new token and refresh token: encrypt the store at rest if that matters.
   */
  store?: TokenStore | undefined;
}

/** A rotation as the store keeps it: the new tokens, and the detail for callers in other processes. */
interface StoredRotation extends TokenSet {
  rotated: RotatedToken;
}

interface Rotation {
  rotated: RotatedToken;
  persisted: boolean;
}

interface RotationState {
  /** One PATCH per token at a time, shared by every caller. */
  inFlight: Map<string, Promise<RotatedToken>>;
  /** Rotations already done, by the token they replaced, oldest first. */
  done: Map<string, Rotation>;
}

// A late caller still holding a rotated-away token gets the known result instead of resending a spent
// refresh token; the last few rotations per client are plenty for that.
const REMEMBERED_ROTATIONS = 64;
const states = new WeakMap<OpenapiComClient, RotationState>();

function stateOf(client: OpenapiComClient): RotationState {
  let state = states.get(client);
  if (!state) {
    state = { inFlight: new Map(), done: new Map() };
    states.set(client, state);
  }
  return state;
}

function remember(state: RotationState, token: string, rotation: Rotation): void {
  state.done.set(token, rotation);
  for (const oldest of state.done.keys()) {
    if (state.done.size <= REMEMBERED_ROTATIONS) break;
    state.done.delete(oldest);
  }
}

function checkOptions(options: RotateTokenOptions): void {
  if (options === null || typeof options !== "object") throw new ConfigError("rotateToken takes { token, refreshToken, persist }");
  if (typeof options.token !== "string" || options.token === "") throw new ConfigError("rotateToken: token must be a non-empty string");
  if (typeof options.refreshToken !== "string" || options.refreshToken === "") {
    throw new ConfigError("rotateToken: refreshToken must be a non-empty string");
  }
  if (typeof options.persist !== "function") {
    throw new ConfigError("rotateToken: persist must be a function that stores the new token and refresh token");
  }
}

const RECOVERY =
  "the old token may already be deleted: find its replacement with iterateTokens() (Basic credentials) rather than rotating again";
// Tokens go into Authorization headers; anything but visible ASCII there is a broken or hostile response.
const USABLE_TOKEN = /^[\x21-\x7e]+$/;

function rotatedFrom(body: unknown, previousToken: string, previousRefreshToken: string, status: number): RotatedToken {
  const context = { method: "PATCH", status };
  const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
  // The spec (after the official OAS) says a bare TokenDetail; REFERENCE.md warns the live API may wrap
  // it in `{ data }` as most other endpoints do. Accepting both costs nothing.
  const detail = isRecord(body) && body.token === undefined && isRecord(body.data) ? body.data : body;
  if (!isRecord(detail)) throw new InvalidResponseError(`token rotation: the response is not a token detail; ${RECOVERY}`, context);
  for (const field of ["token", "refreshToken"] as const) {
    const value = detail[field];
    if (typeof value !== "string" || !USABLE_TOKEN.test(value)) {
      throw new InvalidResponseError(`token rotation: the response has no usable \`${field}\`; ${RECOVERY}`, context);
    }
  }
  const token = detail.token as string;
  const refreshToken = detail.refreshToken as string;
  if (token === previousToken || refreshToken === previousRefreshToken) {
    throw new InvalidResponseError(
      `token rotation: the response repeats the old ${token === previousToken ? "token" : "refresh token"}, so nothing was rotated`,
      context,
    );
  }
  return { token, refreshToken, previousToken, detail: detail as TokenDetail };
}

async function sendRotation(client: OpenapiComClient, token: string, refreshToken: string): Promise<RotatedToken> {
  // Errors name /tokens/{token} and mask the token and the refresh token: @oauth-kit/auth masks the
  // path parameters and every credential a request carries.
  const result = await client.PATCH("/tokens/{token}", {
    params: { path: { token } },
    // The official cURL example sends `{}`: with the refresh token as credential, the body changes nothing.
    body: {},
    // Exactly RefreshAuth instead of the client's Basic: sent with Basic, the same call is a plain update.
    middleware: [useCredentials(metadata, { RefreshAuth: bearer(refreshToken) })],
  });
  return rotatedFrom(unwrap(result), token, refreshToken, result.response.status);
}

/**
 * Rotates a token with its refresh token (`PATCH /tokens/{token}`, `Authorization: Bearer <refreshToken>`,
 * no Basic): openapi.com issues a new token and refresh token with the same scopes and deletes the old
 * token. The result is validated and handed to `persist`, which is awaited.
 *
 * - Single flight per token and client: concurrent calls for the same token share one PATCH and one
 *   `persist`. Sending a spent refresh token again could look like theft and cost the grant.
 * - A later call for a token this client already rotated returns that rotation without a new PATCH.
 * - If `persist` throws, the call rejects with its error; calling again retries only `persist`.
 * - Never retried once the request may have reached the server (the PATCH is not idempotent). After a
 *   TimeoutError or ConnectionError the outcome is unknown: look the token up with Basic credentials
 *   (iterateTokens) instead of rotating again.
 */
export function rotateToken(client: OpenapiComClient, options: RotateTokenOptions): Promise<RotatedToken> {
  try {
    checkOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { token, refreshToken, persist } = options;
  const state = stateOf(client);
  const running = state.inFlight.get(token);
  if (running) return running;

  const flight = (async () => {
    let rotation = state.done.get(token);
    if (!rotation) {
      const rotated = options.store ? await rotateThroughStore(client, options.store, token, refreshToken) : await sendRotation(client, token, refreshToken);
      rotation = { rotated, persisted: false };
      remember(state, token, rotation);
    }
    if (!rotation.persisted) {
      await persist(rotation.rotated);
      rotation.persisted = true;
    }
    return rotation.rotated;
  })();
  state.inFlight.set(token, flight);
  const settle = () => {
    if (state.inFlight.get(token) === flight) state.inFlight.delete(token);
  };
  flight.then(settle, settle);
  return flight;
}

/**
 * One rotation of `token` per store: a token source whose only "refresh" is the PATCH, keyed by the old
 * token. The lease holder sends it once; everyone else adopts the stored result. The stored rotation has
 * no expiry, so a later call for the same token returns it without a round trip to openapi.com.
 */
async function rotateThroughStore(client: OpenapiComClient, store: TokenStore, token: string, refreshToken: string): Promise<RotatedToken> {
  const source = createTokenSource({
    store,
    key: `openapi-com rotation\0${token}`,
    // A PATCH whose outcome is unknown may have deleted the old token: never sent twice, in any process.
    rotatesRefreshToken: true,
    refresh: async (): Promise<StoredRotation> => {
      const rotated = await sendRotation(client, token, refreshToken);
      return { accessToken: rotated.token, tokenType: "Bearer", refreshToken: rotated.refreshToken, rotated };
    },
  });
  await source.getToken();
  return (source.current() as StoredRotation).rotated;
}
