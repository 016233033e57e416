/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`, ... */
export function isJsonMediaType(mediaType: string | null | undefined): boolean {
  if (!mediaType) return false;
  return /^application\/([\w.+-]+\+)?json\b/i.test(mediaType.trim());
}

/** The media types the spec documents for this status (exact, then `2XX`-style, then `default`). */
export function documentedMediaTypes(
  responses: Readonly<Record<string, readonly string[]>> | undefined,
  status: number,
): readonly string[] | undefined {
  if (!responses) return undefined;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}
