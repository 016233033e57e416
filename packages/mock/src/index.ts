// @oauth-kit/mock: provider-aware mock servers built from the same specs as the clients (Node only).
export { startMockProvider, mockProviderNames, type MockProvider, type MockStateOf, type MockOptionsOf } from "./start-mock-provider.js";
export type { MockProviderName } from "./bundled/index.js";
export type { MockOptions } from "./options.js";
export type { FaultRule } from "./server/faults.js";
export type { MockState, MockClient, MockGrant, MockToken, MockRequestRecord } from "./state.js";
export type { MockResponse, MockRequest } from "./provider.js";
