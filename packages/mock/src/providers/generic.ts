// The behaviour of a provider that has no behaviour module yet: spec examples for valid requests, and the
// first documented 4xx (with its example) for invalid or unauthenticated ones.
import type { HandlerContext, MockResponse, ProviderBehaviour } from "../provider.js";
import { responseExample } from "../spec/examples.js";
import { type MockState, createMockState } from "../state.js";

function documentedError(context: HandlerContext<MockState, object>, preferred: number[]): MockResponse {
  const { operation, document } = context;
  const statuses = operation?.responses.map(({ status }) => status) ?? [];
  const status = preferred.map(String).find((candidate) => statuses.includes(candidate)) ?? statuses.find((candidate) => /^4/.test(candidate));
  const example = operation && status ? responseExample(document, operation, status) : undefined;
  return { status: Number(status ?? preferred[0]), body: example?.body, ...(example?.mediaType ? { contentType: example.mediaType } : {}) };
}

export const genericBehaviour: ProviderBehaviour = {
  createState: () => createMockState(),
  credentials: () => ({}),
  operations: {},
  invalidRequest: (context) => documentedError(context, [400, 422]),
  unauthorized: (context) => documentedError(context, [401, 403]),
};

export { documentedError };
