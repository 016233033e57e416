/// <reference types="node" />
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { StoreError } from "../errors.js";
import { type RecordEncryption, decodeRecord, encodeRecord, grantHash, randomOwner } from "../store/record-codec.js";
import type { Lease, TokenRecord, TokenStore } from "../store/token-store.js";
import { tryLock, unlock } from "./lock-file.js";

export interface FileTokenStoreOptions {
  /** Where the records and lock files live; created if missing (mode 0700). One directory per app. */
  directory: string;
  /** Keeps the tokens encrypted on disk, e.g. aesGcmEncryption(key). */
  encryption?: RecordEncryption | undefined;
  /** How often a waiter re-reads the record. Default 50 ms. */
  pollMs?: number | undefined;
}

// A version write holds this lock for a few milliseconds; one left by a process killed inside that
// window is taken over after this long.
const WRITE_LOCK_TTL_MS = 5_000;
const WRITE_LOCK_WAIT_MS = 10_000;

interface StoredFile {
  version: number;
  data: string;
}

/**
 * A TokenStore in files, for the processes of one host (CLIs, local tools, a few workers): records are
 * written to a temporary file and renamed over the old one (atomic), versioned writes and refresh leases
 * are lock files created with O_EXCL, and a lease left by a killed process is recovered when it expires.
 * Files are written with mode 0600. Node only: import it from `@oauth-kit/auth/file-store`.
 */
export function createFileTokenStore(options: FileTokenStoreOptions): TokenStore {
  const { directory, encryption } = options;
  const pollMs = options.pollMs ?? 50;
  let ready: Promise<unknown> | undefined;
  const paths = async (key: string) => {
    ready ??= mkdir(directory, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      ready = undefined;
      throw unavailable(error);
    });
    await ready;
    const base = join(directory, await grantHash(key));
    return { record: `${base}.json`, lease: `${base}.lease`, writeLock: `${base}.wlock` };
  };

  async function readStored(path: string): Promise<StoredFile | undefined> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return undefined;
      throw unavailable(error);
    }
    try {
      return JSON.parse(text) as StoredFile;
    } catch {
      throw new StoreError("corrupt", "the token record file is not JSON");
    }
  }

  async function read(key: string): Promise<TokenRecord> {
    const stored = await readStored((await paths(key)).record);
    if (!stored) return { version: 0 };
    return { ...(await decodeRecord(stored.data, encryption)), version: stored.version };
  }

  return {
    read,
    async write(key, expectedVersion, data) {
      const { record, writeLock } = await paths(key);
      const owner = randomOwner();
      const waitUntil = Date.now() + WRITE_LOCK_WAIT_MS;
      while (!(await tryLock(writeLock, owner, WRITE_LOCK_TTL_MS).catch((error: unknown) => Promise.reject(unavailable(error))))) {
        if (Date.now() > waitUntil) throw new StoreError("unavailable", "the token record's write lock stayed held");
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      try {
        const version = (await readStored(record))?.version ?? 0;
        if (version !== expectedVersion) return undefined;
        const next: StoredFile = { version: version + 1, data: await encodeRecord(data, encryption) };
        const temporary = `${record}.${owner}.tmp`;
        try {
          await writeFile(temporary, JSON.stringify(next), { mode: 0o600 });
          await rename(temporary, record);
        } catch (error) {
          throw unavailable(error);
        }
        return next.version;
      } finally {
        await unlock(writeLock, owner);
      }
    },
    async acquire(key, ttlMs) {
      const { lease } = await paths(key);
      const owner = randomOwner();
      try {
        return (await tryLock(lease, owner, ttlMs)) ? ({ key, owner } satisfies Lease) : undefined;
      } catch (error) {
        throw unavailable(error);
      }
    },
    async release(lease) {
      await unlock((await paths(lease.key)).lease, lease.owner);
    },
    async waitForChange(key, version, { timeoutMs, signal }) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && !signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, until - Date.now()))));
        if (((await readStored((await paths(key)).record))?.version ?? 0) !== version) return;
      }
    },
  };
}

function unavailable(error: unknown): StoreError {
  const code = (error as { code?: string } | undefined)?.code;
  return new StoreError("unavailable", `the token store directory cannot be used${code ? ` (${code})` : ""}`, { cause: error });
}
