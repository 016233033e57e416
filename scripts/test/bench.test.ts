// The bench harness (pnpm bench): its statistics, the interleaving order, the README section it writes,
// and that every bench/*.bench.mjs is discovered and parses. No benchmark runs here and nothing asserts a
// duration: benchmarks are measured by `pnpm bench`, never tested.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchDir, benchFiles } from "../../bench/lib/discover.mjs";
import { performanceSection, replaceSection } from "../../bench/lib/readme-table.mjs";
import { compare } from "../../bench/lib/report.mjs";
import { formatFigure, formatRatio, interleave, median, roundRatios, summarize } from "../../bench/lib/stats.mjs";

const scratch = mkdtempSync(join(tmpdir(), "oauth-kit-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("bench statistics", () => {
  it("takes the median of odd and even counts without reordering the input", () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
  });

  it("summarises median, min and max", () => {
    expect(summarize([3, 9, 1, 4, 10])).toEqual({ median: 4, min: 1, max: 10 });
  });

  it("takes each ratio within its round, not as a ratio of medians", () => {
    // Round 2 is slow for both (load): per-round ratios stay 2, 2, 2 although the medians differ.
    expect(roundRatios([20, 200, 40], [10, 100, 20])).toEqual({ median: 2, min: 2, max: 2 });
    expect(roundRatios([11, 30, 12], [10, 10, 10])).toEqual({ median: 1.2, min: 1.1, max: 3 });
    expect(() => roundRatios([1, 2], [1])).toThrow(/one sample per round/);
  });

  it("runs variants interleaved, each round starting one variant later (A B, B A), dropping the warm-up rounds", async () => {
    const order: string[] = [];
    let a = 0;
    let b = 100;
    const samples = await interleave(
      { A: async () => (order.push("A"), ++a), B: async () => (order.push("B"), ++b) },
      { rounds: 3, warmupRounds: 1 },
    );
    expect(order).toEqual(["A", "B", "B", "A", "A", "B", "B", "A"]);
    expect(samples).toEqual({ A: [2, 3, 4], B: [102, 103, 104] });
  });

  it("runs beforeSample (a GC) before every sample, warm-up included, outside the figure", async () => {
    const order: string[] = [];
    await interleave(
      { A: async () => (order.push("A"), 1), B: async () => (order.push("B"), 2) },
      { rounds: 2, warmupRounds: 1, beforeSample: () => void order.push("gc") },
    );
    expect(order).toEqual(["gc", "A", "gc", "B", "gc", "B", "gc", "A", "gc", "A", "gc", "B"]);
  });

  it("compares every variant with the baseline, round by round", () => {
    const rows = compare({ bench: "b", case: "c", samples: { base: [10, 20], x: [15, 20], y: [5, 10] }, baseline: "base", unit: "µs" });
    expect(rows.map((r) => [r.variant, r.ratio])).toEqual([
      ["x", { median: 1.25, min: 1, max: 1.5 }],
      ["y", { median: 0.5, min: 0.5, max: 0.5 }],
    ]);
    expect(rows[0]).toMatchObject({ value: { median: 17.5 }, baselineValue: { median: 15 }, lowerIsBetter: true });
  });

  it("formats ratios and figures", () => {
    expect(formatRatio({ median: 1.234, min: 1.1, max: 1.456 })).toBe("1.23× (1.10–1.46×)");
    expect(formatFigure(123.4, "µs")).toBe("123 µs");
    expect(formatFigure(12.34, "ms")).toBe("12.3 ms");
    expect(formatFigure(1.234, "ms")).toBe("1.23 ms");
  });
});

describe("bench files", () => {
  it("discovers files named *.bench.mjs, and only those", () => {
    for (const name of ["b.bench.mjs", "a.bench.mjs", "helper.mjs", "c.bench.mjs.orig", "d.bench.ts"]) writeFileSync(join(scratch, name), "");
    expect(benchFiles(scratch)).toEqual(["a.bench.mjs", "b.bench.mjs"]);
  });

  const present = readdirSync(benchDir).filter((name) => name.endsWith(".bench.mjs"));
  it("finds the repository's bench files (per-call, throughput, cold start at least)", () => {
    expect(benchFiles()).toEqual(present.sort());
    expect(present).toEqual(expect.arrayContaining(["per-call.bench.mjs", "throughput.bench.mjs", "cold-start.bench.mjs", "generate.bench.mjs"]));
  });

  it("collects garbage only where node runs with --expose-gc, as bench/run.mjs starts every bench file", () => {
    const source = "import { collectGarbage } from './lib/stats.mjs'; collectGarbage(); console.log('collected');";
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, "--input-type=module", "-e", source], { cwd: benchDir, encoding: "utf8" });
    expect(run(["--expose-gc"]).stdout).toBe("collected\n");
    expect(run([]).stderr).toContain("run this bench with `node --expose-gc`");
  });

  it.each(present)("bench/%s parses", (name) => {
    const check = spawnSync(process.execPath, ["--check", join(benchDir, name)], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});

describe("the README Performance section", () => {
  const row = {
    bench: "per-call",
    case: "alpaca Basic GET",
    variant: "oauth-kit",
    baseline: "openapi-fetch",
    unit: "µs",
    ratio: { median: 1.05, min: 1.01, max: 1.2 },
    value: { median: 42, min: 40, max: 50 },
    baselineValue: { median: 40, min: 39, max: 41 },
  };
  const section = performanceSection([row], { date: "2026-11-29", machine: { nproc: 2, cpu: "Test CPU", node: "v20.0.0" }, files: ["per-call.bench.mjs"] });

  it("names the date, the machine and the generator, and has one table row per result", () => {
    expect(section).toContain("generated by `pnpm bench --write-readme`");
    expect(section).toContain("Measured on 2026-11-29: 2 cores (`nproc`), Test CPU, Node v20.0.0");
    expect(section).toContain("| per-call | alpaca Basic GET | oauth-kit vs openapi-fetch | 1.05× (1.01–1.20×) | 42.0 µs | 40.0 µs |");
  });

  it("replaces the section in place, keeping what follows, and appends it when missing", () => {
    const readme = "# r\n\n## Layout\n\ntext\n\n## Performance\n\nold table\n\n## Releasing\n\nsteps\n";
    const replaced = replaceSection(readme, section);
    expect(replaced).not.toContain("old table");
    expect(replaced.startsWith("# r\n\n## Layout\n\ntext\n\n## Performance\n")).toBe(true);
    expect(replaced).toContain("| 40.0 µs |\n\n## Releasing\n\nsteps\n");
    expect(replaceSection(replaced, section)).toBe(replaced);
    expect(replaceSection("# r\n\n## Layout\n", section)).toBe(`# r\n\n## Layout\n\n${section}`);
  });
});
