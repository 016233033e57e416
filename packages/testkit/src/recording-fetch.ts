/** One request as it reached the network: the bytes that were sent, not nock's parsed copy. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * A fetch that records each request's exact bytes and then sends it with the global fetch (where nock
 * intercepts). nock hands JSON bodies to matchers already parsed, which is useless for signatures.
 */
export function recordingFetch(): { fetch: (request: Request) => Promise<Response>; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    async fetch(request) {
      requests.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body: request.body ? await request.clone().text() : "",
      });
      return globalThis.fetch(request);
    },
  };
}
