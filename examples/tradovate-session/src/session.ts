// A Tradovate session that survives restarts. Tradovate allows two sessions per user and a third closes
// the oldest, so logging in on every start is not an option: the session is saved to a file on every new
// or renewed token, restored on the next start, and renewed (`renewaccesstoken`) 15 minutes before it
// expires. A new login (`accesstokenrequest`) happens only when there is no usable saved session.
import { readFile, rename, writeFile } from "node:fs/promises";
import {
  type TradovateAccessToken,
  type TradovateClient,
  type TradovateCredentials,
  type TradovateEnvironment,
  createTradovateClient,
  createTradovateSession,
} from "@oauth-kit/tradovate";

export interface SessionOptions {
  credentials: TradovateCredentials;
  /** Where the session is kept between runs (mode 0600; it is a credential). */
  file: string;
  environment?: TradovateEnvironment;
  /** Another host (a mock server): then every call goes there, `/v1` included. */
  baseUrl?: string | undefined;
}

async function load(file: string): Promise<TradovateAccessToken | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as TradovateAccessToken;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function save(file: string, tokens: TradovateAccessToken): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  await rename(temporary, file); // atomic: a crash never leaves half a session
}

/** A client whose bearer is the persisted, self-renewing session. */
export async function openTradovate(options: SessionOptions): Promise<TradovateClient> {
  const where = options.baseUrl ? { baseUrl: options.baseUrl } : { environment: options.environment ?? "demo" };
  const session = createTradovateSession(createTradovateClient(where), {
    credentials: options.credentials,
    initial: await load(options.file),
    onTokens: (tokens) => save(options.file, tokens), // awaited before the token is used
  });
  return createTradovateClient({ ...where, tokenSource: session });
}
