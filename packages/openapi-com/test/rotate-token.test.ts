import { afterEach, describe, expect, it, vi } from "vitest";
import { type TestServer, recordingFetch, startServer, useNock } from "@oauth-kit/testkit";
import {
  ApiError,
  ConfigError,
  ConnectionError,
  InvalidResponseError,
  type RotateTokenOptions,
  type RotatedToken,
  TimeoutError,
  createOpenapiComClient,
  metadata,
  rotateToken,
  unwrap,
} from "../src/index.js";

const nock = useNock();
const SANDBOX = "https://test.oauth.openapi.com";
const email = "dev@example.com";
const apiKey = "oc-api-key-0123456789abcdef";
const basicHeader = `Basic ${Buffer.from(`${email}:${apiKey}`).toString("base64")}`;
const OLD = { token: "656d1e2f8b3c2a001f7e4a12", refreshToken: "656d1e2f8b3c2a001f7e4a13" };
const NEW = { token: "656d1e2f8b3c2a001f7e4a30", refreshToken: "656d1e2f8b3c2a001f7e4a31" };
const rotatedBody = { ...NEW, name: "Service X API token", scopes: ["GET:company.openapi.com/IT-start"], expireAt: "2025-12-20T09:00:00Z" };
const expected: RotatedToken = { ...NEW, previousToken: OLD.token, detail: rotatedBody };

function setup(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  const recorder = recordingFetch();
  const client = createOpenapiComClient({
    environment: "sandbox",
    credentials: { email, apiKey },
    retry: { maxRetries: 3, baseDelayMs: 1 },
    fetch: recorder.fetch,
    ...options,
  });
  return { client, requests: recorder.requests };
}

const rotation = () => nock(SANDBOX).patch(`/tokens/${OLD.token}`);

describe("rotateToken", () => {
  it("sends PATCH /tokens/{token} with the refresh token as Bearer, no Basic, and an empty JSON body", async () => {
    rotation().reply(200, rotatedBody);
    const { client, requests } = setup();
    const persist = vi.fn();

    const rotated = await rotateToken(client, { ...OLD, persist });

    expect(rotated).toEqual(expected);
    expect(persist).toHaveBeenCalledExactlyOnceWith(expected);
    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent!.method).toBe("PATCH");
    expect(sent!.url.href).toBe(`${SANDBOX}/tokens/${OLD.token}`);
    expect(sent!.headers.get("authorization")).toBe(`Bearer ${OLD.refreshToken}`);
    expect(sent!.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(sent!.body)).toEqual({});
  });

  it("leaves the client's Basic on every other call, before and after a rotation", async () => {
    nock(SANDBOX).get(`/tokens/${OLD.token}`).reply(200, { ...OLD });
    rotation().reply(200, rotatedBody);
    nock(SANDBOX).get(`/tokens/${NEW.token}`).reply(200, rotatedBody);
    const { client, requests } = setup();

    unwrap(await client.GET("/tokens/{token}", { params: { path: { token: OLD.token } } }));
    await rotateToken(client, { ...OLD, persist: () => {} });
    unwrap(await client.GET("/tokens/{token}", { params: { path: { token: NEW.token } } }));

    expect(requests.map((request) => `${request.method} ${request.headers.get("authorization")}`)).toEqual([
      `GET ${basicHeader}`,
      `PATCH Bearer ${OLD.refreshToken}`,
      `GET ${basicHeader}`,
    ]);
  });

  it("accepts the rotated token wrapped in a { data } envelope", async () => {
    rotation().reply(200, { success: true, message: "", error: null, data: rotatedBody });
    const { client } = setup();
    await expect(rotateToken(client, { ...OLD, persist: () => {} })).resolves.toEqual(expected);
  });

  it("waits for persist before resolving", async () => {
    rotation().reply(200, rotatedBody);
    const { client } = setup();
    let release!: () => void;
    const persist = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    let resolved = false;

    const pending = rotateToken(client, { ...OLD, persist }).then((rotated) => {
      resolved = true;
      return rotated;
    });
    await vi.waitFor(() => expect(persist).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);

    release();
    await expect(pending).resolves.toEqual(expected);
  });

  it("sends one PATCH and persists once for 10 concurrent rotations of the same token", async () => {
    rotation().delay(20).reply(200, rotatedBody);
    const { client, requests } = setup();
    const persist = vi.fn();

    const results = await Promise.all(Array.from({ length: 10 }, () => rotateToken(client, { ...OLD, persist })));

    expect(requests).toHaveLength(1);
    expect(persist).toHaveBeenCalledOnce();
    for (const result of results) expect(result).toBe(results[0]);
    expect(results[0]).toEqual(expected);
  });

  it("rotates different tokens independently", async () => {
    const other = { token: "656d1e2f8b3c2a001f7e4a40", refreshToken: "656d1e2f8b3c2a001f7e4a41" };
    rotation().reply(200, rotatedBody);
    nock(SANDBOX)
      .patch(`/tokens/${other.token}`)
      .reply(200, { token: "656d1e2f8b3c2a001f7e4a50", refreshToken: "656d1e2f8b3c2a001f7e4a51" });
    const { client, requests } = setup();

    const [first, second] = await Promise.all([
      rotateToken(client, { ...OLD, persist: () => {} }),
      rotateToken(client, { ...other, persist: () => {} }),
    ]);

    expect(requests.map((request) => request.headers.get("authorization")).sort()).toEqual(
      [`Bearer ${OLD.refreshToken}`, `Bearer ${other.refreshToken}`].sort(),
    );
    expect(first.token).toBe(NEW.token);
    expect(second.token).toBe("656d1e2f8b3c2a001f7e4a50");
  });

  it("answers a late call for an already-rotated token with that rotation, never a second PATCH", async () => {
    rotation().reply(200, rotatedBody);
    const { client, requests } = setup();
    const persist = vi.fn();
    const first = await rotateToken(client, { ...OLD, persist });

    const late = await rotateToken(client, { ...OLD, persist });

    expect(late).toBe(first);
    expect(requests).toHaveLength(1);
    expect(persist).toHaveBeenCalledOnce();
  });

  it("rejects with persist's error, and a second call retries only persist", async () => {
    rotation().reply(200, rotatedBody);
    const { client, requests } = setup();
    const failure = new Error("secret store unavailable");

    await expect(rotateToken(client, { ...OLD, persist: () => Promise.reject(failure) })).rejects.toBe(failure);
    const persist = vi.fn();
    await expect(rotateToken(client, { ...OLD, persist })).resolves.toEqual(expected);

    expect(requests).toHaveLength(1);
    expect(persist).toHaveBeenCalledExactlyOnceWith(expected);
  });

  it("throws ApiError for a rejected refresh token (401, error 130) and persists nothing", async () => {
    rotation().reply(401, { success: false, message: "Unauthorized", error: 130, data: null });
    const { client } = setup();
    const persist = vi.fn();

    const error = await rotateToken(client, { ...OLD, persist }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, kind: "auth", method: "PATCH", url: `${SANDBOX}/tokens/{token}` });
    expect((error as ApiError).body).toEqual({ success: false, message: "Unauthorized", error: 130, data: null });
    expect(persist).not.toHaveBeenCalled();
  });

  it("sends a new PATCH after a failed one (a failure is not remembered as a rotation)", async () => {
    rotation().reply(401, { success: false, message: "Unauthorized", error: 130, data: null });
    rotation().reply(200, rotatedBody);
    const { client, requests } = setup();

    await expect(rotateToken(client, { ...OLD, persist: () => {} })).rejects.toBeInstanceOf(ApiError);
    await expect(rotateToken(client, { ...OLD, persist: () => {} })).resolves.toEqual(expected);
    expect(requests).toHaveLength(2);
  });

  it.each([
    ["no refresh token", { token: NEW.token }, /no usable `refreshToken`/],
    ["no token", { refreshToken: NEW.refreshToken }, /no usable `token`/],
    ["an empty token", { token: "", refreshToken: NEW.refreshToken }, /no usable `token`/],
    ["a numeric token", { token: 42, refreshToken: NEW.refreshToken }, /no usable `token`/],
    ["a refresh token with a space", { token: NEW.token, refreshToken: "abc def" }, /no usable `refreshToken`/],
    ["the old token again", { token: OLD.token, refreshToken: NEW.refreshToken }, /repeats the old token/],
    ["the old refresh token again", { token: NEW.token, refreshToken: OLD.refreshToken }, /repeats the old refresh token/],
    ["a list", [rotatedBody], /not a token detail/],
    ["null", null, /not a token detail/],
  ])("throws InvalidResponseError for a 200 with %s, and persists nothing", async (_label, body, message) => {
    rotation().reply(200, JSON.stringify(body), { "Content-Type": "application/json" });
    const { client } = setup();
    const persist = vi.fn();

    const error = await rotateToken(client, { ...OLD, persist }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(message);
    expect(persist).not.toHaveBeenCalled();
  });

  it.each([
    ["no options", undefined, /takes \{ token, refreshToken, persist \}/],
    ["an empty token", { ...OLD, token: "", persist: () => {} }, /token must be a non-empty string/],
    ["no refresh token", { token: OLD.token, persist: () => {} }, /refreshToken must be a non-empty string/],
    ["no persist callback", { ...OLD }, /persist must be a function/],
    ["a refresh token with a line break", { ...OLD, refreshToken: "abc\r\nX-Evil: 1", persist: () => {} }, /control characters/],
  ])("rejects %s with ConfigError before sending anything", async (_label, options, message) => {
    const { client, requests } = setup();
    const error = await rotateToken(client, options as unknown as RotateTokenOptions).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("is the only place the spec allows the refresh bearer: RefreshAuth is declared on PATCH /tokens/{token} alone", () => {
    const withRefresh = Object.entries(metadata.operations)
      .filter(([, operation]) => operation.security.some((alternative) => (alternative as readonly string[]).includes("RefreshAuth")))
      .map(([key]) => key);
    expect(withRefresh).toEqual(["PATCH /tokens/{token}"]);
    for (const operation of Object.values(metadata.operations)) {
      expect(operation.security[0], operation.operationId).toEqual(["BasicAuth"]);
    }
  });
});

// The PATCH is not idempotent: once it may have reached the server, it is never sent again, whatever
// the retry settings. Real sockets on 127.0.0.1, because nock cannot fake a reset faithfully.
describe("rotateToken under transport faults", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("does not retry a rotation whose connection was reset (retry-safe GETs are, as a control)", async () => {
    server = await startServer((req) => req.socket.destroy());
    const { client } = setup({ baseUrl: server.url });

    const error = await rotateToken(client, { ...OLD, persist: () => {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.hits).toBe(1);

    await expect(client.GET("/tokens/{token}", { params: { path: { token: OLD.token } } })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.hits).toBe(1 + 4);
  });

  it("does not retry a rotation that timed out: the outcome is unknown", async () => {
    server = await startServer(() => {});
    const { client } = setup({ baseUrl: server.url, timeoutMs: 100 });

    const error = await rotateToken(client, { ...OLD, persist: () => {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    expect(server.hits).toBe(1);
  });
});
