// The file store of @oauth-kit/auth/file-store (issue #12): atomic versioned writes, O_EXCL lock files,
// recovery of a lease or write lock left by a killed process, mode 0600, encryption at rest. Its
// multi-process test (4 processes × 250 calls) is packages/redis/test/cluster.test.ts.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileTokenStore } from "@oauth-kit/auth/file-store";
import { useNock } from "@oauth-kit/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StoreError, type TokenSet, aesGcmEncryption, grantHash } from "../src/index.js";

useNock();

const TOKENS: TokenSet = { accessToken: "at-secret-1", tokenType: "Bearer", refreshToken: "rt-secret-1", expiresAt: Date.now() + 3_600_000 };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "oauth-kit-file-store-test-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("file store", () => {
  it("versioned writes: a stale version changes nothing; the record is 0600 and no temporary file is left", async () => {
    const directory = tempDir();
    const store = createFileTokenStore({ directory });
    expect(await store.read("grant")).toEqual({ version: 0 });
    expect(await store.write("grant", 0, { tokens: TOKENS })).toBe(1);
    expect(await store.write("grant", 0, { tokens: { ...TOKENS, accessToken: "at-other" } })).toBeUndefined();
    expect(await store.read("grant")).toEqual({ version: 1, tokens: TOKENS });
    const files = readdirSync(directory);
    expect(files).toEqual([`${await grantHash("grant")}.json`]);
    expect(statSync(join(directory, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it("a lease is exclusive until released; one left by a dead process is taken over once it expires", async () => {
    const store = createFileTokenStore({ directory: tempDir() });
    const dead = await store.acquire("grant", 100);
    expect(dead).toBeDefined();
    expect(await store.acquire("grant", 60_000)).toBeUndefined();
    await vi.waitFor(async () => expect(await store.acquire("grant", 60_000)).toBeDefined(), { timeout: 10_000, interval: 50 });
    // The dead holder's late release does not free the new holder's lease.
    await store.release(dead!);
    expect(await store.acquire("grant", 60_000)).toBeUndefined();
  });

  it("a write lock left by a process killed mid-write is recovered", async () => {
    const directory = tempDir();
    const store = createFileTokenStore({ directory });
    writeFileSync(join(directory, `${await grantHash("grant")}.wlock`), JSON.stringify({ owner: "dead", expiresAt: Date.now() - 1 }));
    expect(await store.write("grant", 0, { tokens: TOKENS })).toBe(1);
  });

  it("waitForChange wakes on a write by another store instance", async () => {
    const directory = tempDir();
    const a = createFileTokenStore({ directory, pollMs: 10 });
    const b = createFileTokenStore({ directory, pollMs: 10 });
    const waiting = a.waitForChange("grant", 0, { timeoutMs: 30_000 });
    await b.write("grant", 0, { tokens: TOKENS });
    await waiting;
    expect((await a.read("grant")).version).toBe(1);
  });

  it("encrypted at rest; a wrong key is a StoreError that shows nothing stored", async () => {
    const directory = tempDir();
    const store = createFileTokenStore({ directory, encryption: aesGcmEncryption(new Uint8Array(32).fill(1)) });
    await store.write("grant", 0, { tokens: TOKENS });
    expect(await store.read("grant")).toMatchObject({ tokens: TOKENS });
    const [file] = readdirSync(directory);
    const raw = readFileSync(join(directory, file!), "utf8");
    expect(raw).not.toContain("secret");
    const wrong = createFileTokenStore({ directory, encryption: aesGcmEncryption(new Uint8Array(32).fill(2)) });
    const error = await wrong.read("grant").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe("decrypt");
    expect(JSON.stringify(error) + String(error)).not.toContain("secret");
  });

  it("a directory that cannot be used is a StoreError (unavailable)", async () => {
    const blocker = join(tempDir(), "not-a-directory");
    writeFileSync(blocker, "");
    const store = createFileTokenStore({ directory: join(blocker, "tokens") });
    const error = await store.write("grant", 0, { tokens: TOKENS }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
  });
});
