// Where the example keeps the token: one JSON file, written atomically (temp file + rename) and readable by
// this user only. Swap it for your database; the server only needs `save`.
import { readFile, rename, writeFile } from "node:fs/promises";
import type { TokenSet } from "@oauth-kit/alpaca";

export interface TokenStore {
  save(tokens: TokenSet): Promise<void>;
  load(): Promise<TokenSet | undefined>;
}

export function fileTokenStore(path: string): TokenStore {
  return {
    async save(tokens) {
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(tokens, null, 2), { mode: 0o600 });
      await rename(temporary, path);
    },
    async load() {
      try {
        return JSON.parse(await readFile(path, "utf8")) as TokenSet;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
  };
}
