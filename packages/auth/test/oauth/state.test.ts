import { describe, expect, it } from "vitest";
import { generateState } from "../../src/oauth/index.js";

describe("generateState", () => {
  it("case 43: is 43 base64url characters (32 random bytes, no padding)", () => {
    expect(generateState()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("case 43: 10,000 states are all distinct", () => {
    const seen = new Set(Array.from({ length: 10_000 }, generateState));
    expect(seen.size).toBe(10_000);
  });
});
