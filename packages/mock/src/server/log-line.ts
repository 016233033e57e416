// The one-line, secret-masked summary of a request that the CLI prints, built with the auth package's
// masker (`redact`, `snippet`) so the mock hides exactly what the clients' errors hide. The auth package is
// imported only by a mock that logs (`onRequest`), so the others do not pay for loading it at start-up.
import type { RawRequest } from "./parse-request.js";

export type LogLine = (raw: RawRequest, status: number, operationId: string | undefined, template: string | undefined, extraSecrets: Iterable<string>) => string;

const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "x-stamp", "x-stamp-webauthn", "cookie"];

/** Credential header values, and the parts after `Bearer `/`Basic ` (and Basic's decoded password). */
function headerSecrets(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers[name];
    if (!value) continue;
    out.push(value);
    const credential = /^(?:Bearer|Basic)\s+(\S+)$/i.exec(value)?.[1];
    if (credential) {
      out.push(credential);
      if (/^Basic/i.test(value)) out.push(...Buffer.from(credential, "base64").toString("utf8").split(":"));
    }
  }
  return out;
}

/** The line builder, once the auth package's masker is loaded. */
export async function loadLogLine(): Promise<LogLine> {
  const { redact, snippet } = await import("@oauth-kit/auth");
  return (raw, status, operationId, template, extraSecrets) => {
    const known = [...headerSecrets(raw.headers), ...extraSecrets];
    // The path template, not the path: some APIs put a credential in the path (openapi.com's token id).
    const path = template ?? raw.url.pathname;
    const query = raw.url.search ? redact(raw.url.search, known) : "";
    const body = raw.rawBody ? ` ${snippet(raw.rawBody, known)}` : "";
    return `${raw.method} ${path}${template ? query : ""} → ${status}${operationId ? ` (${operationId})` : ""}${body}`;
  };
}
