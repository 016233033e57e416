// fetch reports a failed connection as `TypeError("fetch failed")` with the system error somewhere in
// its `cause` chain (undici), as a bare object with a `code` (nock's replyWithError), or as a browser
// TypeError with no code at all. These helpers find the code wherever it is.

/** Codes that prove the request never left this machine, so even a single-use code may be resent. */
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** The first `code` found on the error or its causes (up to 10 levels, as the AWS SDK does). */
export function connectionCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function provesNothingWasSent(code: string | undefined): boolean {
  return code !== undefined && NOTHING_SENT.has(code);
}
