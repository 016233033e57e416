import { InvalidResponseError } from "../errors.js";

/**
 * Reads the whole body, but no more than `maxBytes`: an endless or huge stream is cancelled at the cap
 * instead of filling memory. Token and OAuth responses are a few KB.
 */
export async function readBodyCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new InvalidResponseError(`response body of ${declared} bytes exceeds the ${maxBytes}-byte limit`, {
      status: response.status,
    });
  }
  const reader = response.body.getReader();
  // fetch normally errors the body when the attempt's signal aborts, but a custom fetch may not: cancel
  // the reader ourselves so a stalled body cannot outlive the timeout (cancel resolves a pending read).
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new InvalidResponseError(`response body exceeds the ${maxBytes}-byte limit`, { status: response.status });
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
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
