import { InvalidResponseError } from "../errors.js";
import type { Attempt } from "../request-context.js";

/**
 * Reads the whole body, but no more than `maxBytes`: an endless or huge stream is cancelled at the cap
 * instead of filling memory. Token and OAuth responses are a few KB.
 */
export async function readBodyCapped(response: Response, maxBytes: number, attempt: Pick<Attempt, "guard">): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new InvalidResponseError(`response body of ${declared} bytes exceeds the ${maxBytes}-byte limit`, {
      status: response.status,
    });
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      // Each wait ends when the attempt aborts: fetch normally errors the body then, a custom fetch may not.
      const { done, value } = await attempt.guard(reader.read());
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new InvalidResponseError(`response body exceeds the ${maxBytes}-byte limit`, { status: response.status });
      chunks.push(value);
    }
  } catch (error) {
    // A stalled or oversized body must not outlive the attempt (cancel also ends a pending read). Past the
    // cap the stream is closed before the error is thrown; an abort does not wait on a source that may hang.
    const cancelled = reader.cancel(error).catch(() => {});
    if (error instanceof InvalidResponseError) await cancelled;
    throw error;
  }
  // Most bodies arrive in one chunk: hand it back rather than copy it.
  if (chunks.length === 1 && chunks[0]!.byteLength === chunks[0]!.buffer.byteLength) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
