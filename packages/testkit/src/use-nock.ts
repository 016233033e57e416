import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/**
 * The guards every test file installs: no real network (an unmocked host fails with nock's
 * NetConnectNotAllowedError), and no interceptor left unused when a test ends.
 */
export function useNock(): typeof nock {
  beforeAll(() => {
    nock.disableNetConnect();
    // Real servers the tests start themselves, on loopback.
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, "every nock interceptor is used").toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
  return nock;
}
