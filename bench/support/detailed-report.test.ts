import { describe, expect, it } from "vitest";
import { formatDetailedTable } from "./detailed-report.js";
import type { DetailedLoadResult } from "./http-load.js";

function load(requestsPerSecond: number, latencyP95: number): DetailedLoadResult {
  return {
    requestsPerSecond,
    latencyP50: 4,
    latencyP95,
    latencyP97_5: 99,
    latencyP99: 120.4,
    requests: requestsPerSecond * 5,
    errors: 1,
    timeouts: 0,
    non2xx: 2,
    seconds: 5,
    serverCpuMsPerRequest: undefined,
  };
}

describe("Detailed benchmark report", () => {
  it("shows the exact p95 instead of p97.5, with ratios to the mean baseline", () => {
    const lines = formatDetailedTable([
      { scenario: "bare", baseline: true, load: load(2000, 12.34) },
      { scenario: "search", baseline: false, load: load(500, 25.6) },
    ]).split("\n");
    expect(lines[0]).toMatch(/\| p50 ms \| p95 ms \| p99 ms \|/);
    expect(lines[0]).not.toContain("p97.5");
    expect(lines[3]).toMatch(/^\| search +\| +500 \| +4\.0 \| +26 \| +120 \| +25% \| +- \| +1 \| +2 \|$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});
