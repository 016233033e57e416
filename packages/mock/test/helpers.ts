// Small helpers for the mock's own tests: raw HTTP calls (no provider package: the mock is tested as a
// server), Turnkey stamping with the auth package's stamper, and the PKCE/authorize dance.
import { computeCodeChallenge, createTurnkeyApiKeyStamper } from "@oauth-kit/auth";
import { afterEach } from "vitest";
import type { MockProvider, MockProviderName } from "../src/index.js";
import { startMockProvider } from "../src/index.js";

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface CallOptions {
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** A raw body sent as is. */
  raw?: string;
  query?: Record<string, string>;
}

export async function call(mock: { baseUrl: string }, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const url = new URL(path, mock.baseUrl);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let body: string | undefined = options.raw;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  if (options.form !== undefined) {
    body = new URLSearchParams(options.form).toString();
    headers["content-type"] ??= "application/x-www-form-urlencoded";
  }
  const response = await fetch(url, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A stamped Turnkey call: the body string is signed and sent byte for byte. */
export async function stamped(mock: MockProvider<"turnkey">, path: string, body: unknown, keys = mock.credentials): Promise<Reply> {
  const stamper = await createTurnkeyApiKeyStamper({ apiPublicKey: keys.apiPublicKey!, apiPrivateKey: keys.apiPrivateKey! });
  const text = JSON.stringify(body);
  const { headerName, headerValue } = await stamper.stamp(text);
  return call(mock, "POST", path, { raw: text, headers: { "content-type": "application/json", [headerName]: headerValue } });
}

/** Approves on the mock's authorize page (auto-approve) and returns the code from the redirect. */
export async function authorizeCode(mock: { baseUrl: string }, path: string, query: Record<string, string>): Promise<string> {
  const reply = await call(mock, "GET", path, { query: { response_type: "code", state: "st", ...query } });
  if (reply.status !== 302) throw new Error(`authorize answered ${reply.status}: ${reply.text}`);
  const code = new URL(reply.headers.get("location")!).searchParams.get("code");
  if (!code) throw new Error(`no code in ${reply.headers.get("location")}`);
  return code;
}

export const challengeOf = computeCodeChallenge;

/** Starts mocks and closes them after each test. */
export function useMocks() {
  const started: MockProvider[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((mock) => mock.close()));
  });
  return async <P extends MockProviderName>(provider: P, options?: Parameters<typeof startMockProvider<P>>[1]): Promise<MockProvider<P>> => {
    const mock = await startMockProvider(provider, options);
    started.push(mock as unknown as MockProvider);
    return mock;
  };
}

/** A controllable clock for the mock (`now` option): no test waits for real time to pass. */
export function manualClock(start = Date.parse("2026-01-01T00:00:00Z")) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
