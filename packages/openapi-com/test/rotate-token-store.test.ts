// rotateToken({ store }): one rotation per token across processes (issue #12). Separate clients stand for
// separate processes: the per-client memory of rotations does not help them, the shared store does.
import { createMemoryTokenStore } from "@oauth-kit/auth";
import { useNock } from "@oauth-kit/testkit";
import { describe, expect, it, vi } from "vitest";
import { ConnectionError, createOpenapiComClient, rotateToken } from "../src/index.js";

const nock = useNock();
const SANDBOX = "https://test.oauth.openapi.com";
const credentials = { email: "dev@example.com", apiKey: "oc-api-key-0123456789abcdef" };
const OLD = { token: "656d1e2f8b3c2a001f7e4a12", refreshToken: "656d1e2f8b3c2a001f7e4a13" };
const NEW = { token: "656d1e2f8b3c2a001f7e4a30", refreshToken: "656d1e2f8b3c2a001f7e4a31" };
const rotatedBody = { ...NEW, name: "Service X API token", scopes: ["GET:company.openapi.com/IT-start"], expireAt: "2025-12-20T09:00:00Z" };
const client = () => createOpenapiComClient({ environment: "sandbox", credentials, retry: false });

describe("rotateToken with a store", () => {
  it("three processes rotating the same token send one PATCH and all get (and persist) the same rotation", async () => {
    nock(SANDBOX).patch(`/tokens/${OLD.token}`).once().delay(20).reply(200, rotatedBody);
    const store = createMemoryTokenStore();
    const persist = vi.fn();
    const results = await Promise.all([client(), client(), client()].map((c) => rotateToken(c, { ...OLD, persist, store })));
    for (const result of results) expect(result).toEqual({ ...NEW, previousToken: OLD.token, detail: rotatedBody });
    expect(persist).toHaveBeenCalledTimes(3);
    // A process that comes later gets the stored rotation, with no PATCH.
    expect(await rotateToken(client(), { ...OLD, persist, store })).toMatchObject(NEW);
  });

  it("a PATCH with an unknown outcome is never sent again, from any process", async () => {
    nock(SANDBOX).patch(`/tokens/${OLD.token}`).once().replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const store = createMemoryTokenStore();
    await expect(rotateToken(client(), { ...OLD, persist: vi.fn(), store })).rejects.toBeInstanceOf(ConnectionError);
    await expect(rotateToken(client(), { ...OLD, persist: vi.fn(), store })).rejects.toBeInstanceOf(ConnectionError);
  });
});
