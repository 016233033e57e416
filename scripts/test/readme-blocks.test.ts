// The README block extractor behind `pnpm check:readmes`: which blocks it finds, which count as partial
// and which as the quick start, and the markers it refuses. (The check itself packs and installs, so it
// runs as its own CI step; its self-test proves a broken README fails it.)
import { describe, expect, it } from "vitest";
import { extractTsBlocks, findReadmes } from "../lib/readme-blocks.mjs";

type Block = { line: number; code: string; partial: boolean; quickStart: boolean; heading: string };
const blocks = (markdown: string): Block[] => extractTsBlocks(markdown);

describe("extractTsBlocks", () => {
  it("finds ts and typescript blocks with the README line of their first code line, and skips the others", () => {
    const found = blocks(["# T", "", "```ts", "const a = 1;", "```", "", "```sh", "npm i", "```", "```typescript", "let b;", "```"].join("\n"));
    expect(found.map((b) => [b.line, b.code])).toEqual([
      [4, "const a = 1;\n"],
      [11, "let b;\n"],
    ]);
  });

  it("marks a block partial by the comment right before it or by its info string, and nothing else", () => {
    const found = blocks(["<!-- partial -->", "```ts", "a;", "```", "", "```ts partial", "b;", "```", "", "```ts", "c;", "```"].join("\n"));
    expect(found.map((b) => b.partial)).toEqual([true, true, false]);
  });

  it("the marker covers only the next block, also across a blank line", () => {
    const found = blocks(["<!-- partial -->", "", "```ts", "a;", "```", "```ts", "b;", "```"].join("\n"));
    expect(found.map((b) => b.partial)).toEqual([true, false]);
  });

  it("refuses a marker that is not followed by a ts block", () => {
    expect(() => blocks(["<!-- partial -->", "some text", "```ts", "a;", "```"].join("\n"))).toThrow(/must come right before/);
    expect(() => blocks(["<!-- partial -->", "```sh", "npm i", "```"].join("\n"))).toThrow(/not ```ts/);
    expect(() => blocks(["text", "<!-- partial -->"].join("\n"))).toThrow(/marks no block/);
  });

  it("the quick start is the first ts block under a 'Quick start' heading", () => {
    const found = blocks(["## Install", "```ts", "x;", "```", "## Quick start", "```ts", "y;", "```", "```ts", "z;", "```"].join("\n"));
    expect(found.map((b) => b.quickStart)).toEqual([false, true, false]);
  });

  it("refuses an unclosed fence", () => {
    expect(() => blocks(["```ts", "a;"].join("\n"))).toThrow(/never closed/);
  });

  it("ignores fence-looking lines inside a longer fence", () => {
    const found = blocks(["````md", "```ts", "inner;", "```", "````", "```ts", "outer;", "```"].join("\n"));
    expect(found.map((b) => b.code)).toEqual(["outer;\n"]);
  });
});

describe("findReadmes", () => {
  it("finds the root README, every package's and the fixture README is not among them", () => {
    const root = new URL("../../", import.meta.url).pathname;
    const readmes: string[] = findReadmes(root);
    expect(readmes[0]).toBe("README.md");
    expect(readmes).toContain("packages/auth/README.md");
    expect(readmes.some((path) => path.includes("fixtures"))).toBe(false);
  });
});
