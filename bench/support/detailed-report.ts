import type { DetailedLoadResult } from "./http-load.js";
import { baselineRequestsPerSecond, formatMilliseconds, formatPercent, throughputRatio } from "./report.js";

/** A scenario measured with `runHttpLoad` (so with a 95th percentile). */
export interface DetailedScenarioResult {
  scenario: string;
  baseline: boolean;
  load: DetailedLoadResult;
}

const HEADERS = [
  "scenario",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "vs baseline",
  "server CPU ms/req",
  "errors",
  "non-2xx",
];

/** Like `formatResultsTable`, with the exact p95 in place of autocannon's p97.5. */
export function formatDetailedTable(results: DetailedScenarioResult[]): string {
  const baselineRate = baselineRequestsPerSecond(results);
  const rows = [
    HEADERS,
    ...results.map(({ scenario, load }) => [
      scenario,
      String(Math.round(load.requestsPerSecond)),
      formatMilliseconds(load.latencyP50),
      formatMilliseconds(load.latencyP95),
      formatMilliseconds(load.latencyP99),
      formatPercent(throughputRatio(load.requestsPerSecond, baselineRate)),
      load.serverCpuMsPerRequest === undefined ? "-" : load.serverCpuMsPerRequest.toFixed(2),
      String(load.errors),
      String(load.non2xx),
    ]),
  ];
  const widths = HEADERS.map((_header, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? ` ${"-".repeat(width)} ` : ` ${"-".repeat(width - 1)}: `)).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}
