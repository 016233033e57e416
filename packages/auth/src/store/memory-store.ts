import type { Lease, TokenRecord, TokenRecordData, TokenStore, WaitOptions } from "./token-store.js";
import { randomOwner } from "./record-codec.js";

/**
 * A TokenStore in this process's memory: token sources sharing it (same key) make one refresh between
 * them. It keeps nothing across restarts and coordinates nothing across processes: use the file store
 * or `@oauth-kit/redis` for that. Lease expiry follows `now` (default Date.now).
 */
export function createMemoryTokenStore(options: { now?: () => number } = {}): TokenStore {
  const now = options.now ?? (() => Date.now());
  const records = new Map<string, TokenRecord>();
  const leases = new Map<string, { owner: string; expiresAt: number }>();
  const listeners = new Map<string, Set<(version: number) => void>>();

  const notify = (key: string, version: number) => {
    for (const listener of [...(listeners.get(key) ?? [])]) listener(version);
  };
  const listen = (key: string, listener: (version: number) => void) => {
    let set = listeners.get(key);
    if (!set) listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    async read(key) {
      const record = records.get(key);
      return record ? structuredClone(record) : { version: 0 };
    },
    async write(key, expectedVersion, data: TokenRecordData) {
      const version = records.get(key)?.version ?? 0;
      if (version !== expectedVersion) return undefined;
      records.set(key, { ...structuredClone(data), version: version + 1 });
      notify(key, version + 1);
      return version + 1;
    },
    async acquire(key, ttlMs) {
      const held = leases.get(key);
      if (held && held.expiresAt > now()) return undefined;
      const lease: Lease = { key, owner: randomOwner() };
      leases.set(key, { owner: lease.owner, expiresAt: now() + ttlMs });
      return lease;
    },
    async release(lease) {
      if (leases.get(lease.key)?.owner === lease.owner) leases.delete(lease.key);
    },
    waitForChange(key, version, { timeoutMs, signal }: WaitOptions) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          unlisten();
          signal?.removeEventListener("abort", done);
          resolve();
        };
        const unlisten = listen(key, (next) => next !== version && done());
        const timer = setTimeout(done, timeoutMs);
        signal?.addEventListener("abort", done, { once: true });
        if ((records.get(key)?.version ?? 0) !== version) done();
      });
    },
    watch: (key, onChange) => listen(key, onChange),
  };
}
