/// <reference types="node" />
import { link, open, readFile, rename, unlink } from "node:fs/promises";

// A lock on one host: a file created with O_EXCL holding its owner and expiry. An expired lock (its
// holder died) is taken over by renaming it away first, which only one process can do to a given file,
// and checking that what was renamed is the expired lock that was seen.

interface LockContent {
  owner: string;
  expiresAt: number;
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as LockContent;
  } catch {
    // Missing, or being written this very moment (empty): treat as not (yet) readable.
    return undefined;
  }
}

async function create(path: string, content: LockContent): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(content));
  } finally {
    await handle.close();
  }
  return true;
}

/** Takes the lock at `path` for `ttlMs` as `owner`; false while someone else holds an unexpired one. */
export async function tryLock(path: string, owner: string, ttlMs: number, now = Date.now): Promise<boolean> {
  if (await create(path, { owner, expiresAt: now() + ttlMs })) return true;
  const held = await readLock(path);
  if (held === undefined || held.expiresAt > now()) return false;
  const aside = `${path}.${owner}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return false; // another process took it over first
  }
  const moved = await readLock(aside);
  if (moved?.owner !== held.owner) {
    // Not the expired lock we saw but a fresh one someone created meanwhile: put it back.
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return create(path, { owner, expiresAt: now() + ttlMs });
}

/** Frees the lock if `owner` still holds it. */
export async function unlock(path: string, owner: string): Promise<void> {
  const held = await readLock(path);
  if (held?.owner === owner) await unlink(path).catch(() => undefined);
}
