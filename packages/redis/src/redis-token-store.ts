import {
  type Lease,
  type RecordEncryption,
  StoreError,
  type TokenRecord,
  type TokenStore,
  decodeRecord,
  encodeRecord,
  grantHash,
  randomOwner,
} from "@oauth-kit/auth";
import { type RedisClientOptions, createClient } from "@redis/client";
import { RELEASE_SCRIPT, WRITE_SCRIPT } from "./scripts.js";

/** What the store needs of a node-redis client (v4 or v5, from `redis` or `@redis/client`). */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
  /** A second connection for pub/sub (a subscribed connection cannot send other commands). */
  duplicate(): RedisSubscriberClient;
}

export interface RedisSubscriberClient {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  on(event: "error", listener: (error: unknown) => void): unknown;
  destroy(): void;
}

export interface RedisTokenStoreOptions {
  /** `redis://127.0.0.1:6379`: the store opens (and close() closes) its own connections. */
  url?: string | undefined;
  /** More node-redis options for those connections (TLS, password, ...). */
  clientOptions?: Omit<RedisClientOptions, "url"> | undefined;
  /** Or your own connected node-redis client; close() then leaves it open. */
  client?: RedisCommandClient | undefined;
  /** Prefix of every key. Default `oauth-kit`. */
  prefix?: string | undefined;
  /** Keeps tokens encrypted at rest, e.g. aesGcmEncryption(key). */
  encryption?: RecordEncryption | undefined;
  /** A Redis call that takes longer fails with a StoreError (`unavailable`). Default 2000 ms. */
  commandTimeoutMs?: number | undefined;
}

export interface RedisTokenStore extends TokenStore {
  /** Closes the connections this store opened. */
  close(): Promise<void>;
}

interface Keys {
  record: string;
  lease: string;
  channel: string;
}

/**
 * A TokenStore in Redis, for every process on every host that uses the same grant:
 * - the refresh lease is `SET lease owner NX PX ttl` with a random owner, released by a compare-and-delete
 *   Lua script, and its time-to-live runs on Redis's clock, so clock differences between hosts do not matter;
 * - the record is a hash `{ v: version, d: data }`, replaced by a Lua script only if the version is the
 *   expected one; the script publishes the new version, which wakes waiters and invalidates the caches of
 *   other processes (waiters also re-read on a timer, in case a message is missed);
 * - keys are `<prefix>:{<sha-256 of the grant key>}:record|lease|version`: no token value, no raw key (the
 *   braces keep one grant's keys in one Redis Cluster slot).
 * Redis down, slow or restarted: every call fails with a StoreError and no refresh token is presented.
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const prefix = options.prefix ?? "oauth-kit";
  const timeoutMs = options.commandTimeoutMs ?? 2000;
  const { encryption } = options;
  if (!options.client && !options.url) throw new StoreError("unavailable", "createRedisTokenStore needs `url` or `client`");

  // Our own connection fails fast while Redis is away (no offline queue) and reconnects in the background.
  const owned = options.client
    ? undefined
    : createClient({
        ...options.clientOptions,
        url: options.url,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000), ...options.clientOptions?.socket },
      });
  owned?.on("error", () => undefined); // reported per call as StoreError; an unhandled 'error' would crash
  let connecting: Promise<unknown> | undefined;
  const commands = (): Promise<RedisCommandClient> => {
    if (!owned) return Promise.resolve(options.client as RedisCommandClient);
    if (!owned.isOpen) connecting ??= owned.connect().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return (connecting ?? Promise.resolve()).then(() => owned as unknown as RedisCommandClient);
  };

  async function call<T>(args: string[]): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreError("unavailable", `Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return (await Promise.race([commands().then((client) => client.sendCommand(args)), timeout])) as T;
    } catch (error) {
      if (error instanceof StoreError) throw error;
      // node-redis errors name the command but never its arguments; still, keep only the class name.
      throw new StoreError("unavailable", `Redis is unavailable (${(error as Error)?.name ?? "error"})`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  const keysOf = async (key: string): Promise<Keys> => {
    const base = `${prefix}:{${await grantHash(key)}}`;
    return { record: `${base}:record`, lease: `${base}:lease`, channel: `${base}:version` };
  };

  // One subscriber connection for every grant, opened on first need; without it waiters still poll.
  const listeners = new Map<string, Set<(version: number) => void>>();
  let subscriber: RedisSubscriberClient | undefined;
  let subscriberReady: Promise<RedisSubscriberClient | undefined> | undefined;
  const subscriberClient = () =>
    (subscriberReady ??= commands()
      .then(async (client) => {
        const sub = client.duplicate();
        sub.on("error", () => undefined);
        await sub.connect();
        subscriber = sub;
        return sub;
      })
      .catch(() => {
        subscriberReady = undefined;
        return undefined;
      }));

  async function listen(channel: string, listener: (version: number) => void): Promise<() => void> {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
      const sub = await subscriberClient();
      const target = set;
      await sub?.subscribe(channel, (message) => {
        const version = Number(message);
        for (const each of [...target]) each(version);
      }).catch(() => undefined);
    }
    set.add(listener);
    return () => void set.delete(listener);
  }

  async function read(key: string): Promise<TokenRecord> {
    const { record } = await keysOf(key);
    const [version, data] = await call<[string | null, string | null]>(["HMGET", record, "v", "d"]);
    if (version === null || data === null) return { version: 0 };
    return { ...(await decodeRecord(data, encryption)), version: Number(version) };
  }

  return {
    read,
    async write(key, expectedVersion, data) {
      const { record, channel } = await keysOf(key);
      const encoded = await encodeRecord(data, encryption);
      const result = Number(await call(["EVAL", WRITE_SCRIPT, "2", record, channel, String(expectedVersion), encoded]));
      return result < 0 ? undefined : result;
    },
    async acquire(key, ttlMs) {
      const { lease } = await keysOf(key);
      const owner = randomOwner();
      const ok = await call(["SET", lease, owner, "NX", "PX", String(Math.max(1, Math.round(ttlMs)))]);
      return ok === "OK" ? ({ key, owner } satisfies Lease) : undefined;
    },
    async release(lease) {
      const { lease: leaseKey } = await keysOf(lease.key);
      await call(["EVAL", RELEASE_SCRIPT, "1", leaseKey, lease.owner]);
    },
    async waitForChange(key, version, { timeoutMs: waitMs, signal }) {
      const { channel } = await keysOf(key);
      let stop: (() => void) | undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        signal?.addEventListener("abort", done, { once: true });
        listen(channel, (next) => next !== version && done()).then(
          (unlisten) => (stop = unlisten),
          () => undefined,
        );
      });
      stop?.();
    },
    watch(key, onChange) {
      let stop: (() => void) | undefined;
      let stopped = false;
      keysOf(key)
        .then((keys) => listen(keys.channel, onChange))
        .then(
          (unlisten) => (stopped ? unlisten() : (stop = unlisten)),
          () => undefined,
        );
      return () => {
        stopped = true;
        stop?.();
      };
    },
    async close() {
      subscriber?.destroy();
      if (owned?.isOpen) owned.destroy();
    },
  };
}
