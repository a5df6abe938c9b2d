import { describe, expect, it } from "vitest";
import type { LoadResult } from "./graphql-load.js";
import {
  baselineRequestsPerSecond,
  formatMilliseconds,
  formatPercent,
  formatResultsTable,
  resultRows,
  resultsFileName,
  type ScenarioResult,
  throughputRatio,
} from "./report.js";

function load(requestsPerSecond: number, overrides: Partial<LoadResult> = {}): LoadResult {
  return {
    requestsPerSecond,
    latencyP50: 12,
    latencyP97_5: 30,
    latencyP99: 41.4,
    requests: requestsPerSecond * 10,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    seconds: 10,
    serverCpuMsPerRequest: 0.456,
    ...overrides,
  };
}

describe("Benchmark report", () => {
  it.each([
    [1200, 2000, 0.6],
    [3000, 2000, 1.5],
    [0, 2000, 0],
    [500, 0, 0],
  ])("puts %d req/s against a baseline of %d req/s as %d", (rate, baseline, ratio) => {
    expect(throughputRatio(rate, baseline)).toBeCloseTo(ratio);
  });

  it.each([
    [0.634, "63%"],
    [0.6, "60%"],
    [1, "100%"],
    [0.005, "1%"],
  ])("formats the ratio %d as %s", (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });

  it.each([
    [1.25, "1.3"],
    [0, "0.0"],
    [9.94, "9.9"],
    [23.4, "23"],
    [1733.6, "1734"],
  ])("formats %d ms as %s", (milliseconds, text) => {
    expect(formatMilliseconds(milliseconds)).toBe(text);
  });

  it("compares every scenario with the one flagged as baseline, wherever it sits", () => {
    const results: ScenarioResult[] = [
      {
        scenario: "hub",
        baseline: false,
        load: load(900, { errors: 3, timeouts: 2, non2xx: 3, serverCpuMsPerRequest: undefined }),
      },
      { scenario: "bare", baseline: true, load: load(1500) },
    ];
    expect(resultRows(results)).toEqual([
      ["hub", "900", "12", "30", "41", "60%", "-", "3", "3"],
      ["bare", "1500", "12", "30", "41", "100%", "0.46", "0", "0"],
    ]);
  });

  it("compares with the mean of the baselines measured before and after", () => {
    const results: ScenarioResult[] = [
      { scenario: "bare (before)", baseline: true, load: load(1800) },
      { scenario: "hub", baseline: false, load: load(1200) },
      { scenario: "bare (after)", baseline: true, load: load(2200) },
    ];
    expect(baselineRequestsPerSecond(results)).toBe(2000);
    expect(resultRows(results).map((row) => row[5])).toEqual(["90%", "60%", "110%"]);
  });

  it("falls back to the first scenario when none is flagged, and to nothing when there is none", () => {
    expect(baselineRequestsPerSecond([{ scenario: "a", baseline: false, load: load(400) }])).toBe(400);
    expect(baselineRequestsPerSecond([])).toBe(0);
  });

  it("prints an aligned Markdown table with a header and right-aligned figures", () => {
    const table = formatResultsTable([
      { scenario: "a long scenario name", baseline: false, load: load(80) },
      { scenario: "bare", baseline: true, load: load(2000) },
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^\| scenario +\| req\/s \|/);
    expect(lines[1]).toMatch(/^\| -+ \| -+: \|/);
    expect(lines[2]).toContain("| a long scenario name |    80 |");
    expect(lines[2]).toContain("4%");
  });

  it("names the results file after the UTC day of the run", () => {
    expect(resultsFileName(new Date("2026-11-25T23:30:00Z"), "foundation-postgres")).toBe(
      "2026-11-25-foundation-postgres.json",
    );
  });
});
