// The answers for the media types seen so far (a spec's and its servers': a handful), so a call tests
// no regular expression; bounded, in case a server sends a new content-type every time.
const seen = new Map<string, boolean>();

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`, ... */
export function isJsonMediaType(mediaType: string | null | undefined): boolean {
  if (!mediaType) return false;
  let json = seen.get(mediaType);
  if (json === undefined) {
    json = /^application\/([\w.+-]+\+)?json\b/i.test(mediaType.trim());
    if (seen.size >= 64) seen.clear();
    seen.set(mediaType, json);
  }
  return json;
}

/** The media types the spec documents for this status (exact, then `2XX`-style, then `default`). */
export function documentedMediaTypes(
  responses: Readonly<Record<string, readonly string[]>> | undefined,
  status: number,
): readonly string[] | undefined {
  if (!responses) return undefined;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}
