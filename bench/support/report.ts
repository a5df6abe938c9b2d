import type { LoadResult } from "./graphql-load.js";

/** One measured scenario of a benchmark. */
export interface ScenarioResult {
  scenario: string;
  /** Whether it is the bare baseline the others are compared with. */
  baseline: boolean;
  load: LoadResult;
}

/** The share of the baseline's throughput a scenario reached (0.6 = 60%); 0 when the baseline did nothing. */
export function throughputRatio(requestsPerSecond: number, baselineRequestsPerSecond: number): number {
  return baselineRequestsPerSecond > 0 ? requestsPerSecond / baselineRequestsPerSecond : 0;
}

/** `0.634` → `"63%"`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Milliseconds with one decimal below 10 ms, whole above: `1.25` → `"1.3"`, `23.4` → `"23"`. */
export function formatMilliseconds(milliseconds: number): string {
  return milliseconds < 10 ? milliseconds.toFixed(1) : String(Math.round(milliseconds));
}

const HEADERS = [
  "scenario",
  "req/s",
  "p50 ms",
  "p97.5 ms",
  "p99 ms",
  "vs baseline",
  "server CPU ms/req",
  "errors",
  "non-2xx",
];

/**
 * The baseline's throughput: the mean of every scenario flagged `baseline` (measured before and after the others,
 * it evens out a machine whose load drifts during the run), else the first scenario's.
 */
export function baselineRequestsPerSecond(results: ScenarioResult[]): number {
  const baselines = results.filter((result) => result.baseline);
  const chosen = baselines.length ? baselines : results.slice(0, 1);
  if (!chosen.length) return 0;
  return chosen.reduce((sum, result) => sum + result.load.requestsPerSecond, 0) / chosen.length;
}

/** The rows of the results table, each ratio against `baselineRequestsPerSecond`. */
export function resultRows(results: ScenarioResult[]): string[][] {
  const baselineRate = baselineRequestsPerSecond(results);
  return results.map(({ scenario, load }) => [
    scenario,
    String(Math.round(load.requestsPerSecond)),
    formatMilliseconds(load.latencyP50),
    formatMilliseconds(load.latencyP97_5),
    formatMilliseconds(load.latencyP99),
    formatPercent(throughputRatio(load.requestsPerSecond, baselineRate)),
    load.serverCpuMsPerRequest === undefined ? "-" : load.serverCpuMsPerRequest.toFixed(2),
    String(load.errors),
    String(load.non2xx),
  ]);
}

/** A Markdown table (readable as plain text too) of the results, columns padded to align. */
export function formatResultsTable(results: ScenarioResult[]): string {
  const rows = [HEADERS, ...resultRows(results)];
  const widths = HEADERS.map((_header, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? ` ${"-".repeat(width)} ` : ` ${"-".repeat(width - 1)}: `)).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

/** `bench/results/` file name of a benchmark run on `date` (UTC): `2026-11-25-foundation.json`. */
export function resultsFileName(date: Date, benchmark: string): string {
  return `${date.toISOString().slice(0, 10)}-${benchmark}.json`;
}
