// Small builders for the answers behaviours give.
import type { MockResponse } from "../provider.js";

export const json = (status: number, body: unknown, headers?: Record<string, string>): MockResponse => ({ status, body, ...(headers ? { headers } : {}) });
export const text = (status: number, body: string): MockResponse => ({ status, body, contentType: "text/plain" });
export const empty = (status: number, headers?: Record<string, string>): MockResponse => ({ status, ...(headers ? { headers } : {}) });
export const html = (status: number, body: string): MockResponse => ({ status, body, contentType: "text/html; charset=utf-8" });
export const redirect = (location: string): MockResponse => ({ status: 302, headers: { location } });
